package dev.regua.credit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The bureau simulator's admin endpoints, as tests use them. */
public record SimulatorAdmin(String url) {

    public void failNext(String bureau, String operation, String fault, int times) {
        given().contentType(ContentType.JSON).body(Map.of("bureau", bureau, "operation", operation, "fault", fault, "times", times))
                .post(url + "/_admin/faults").then().statusCode(204);
    }

    /** Score and restrictions (creditor, amount, since) every bureau reports for this CPF/CNPJ. */
    public void subject(String taxId, int score, List<Map<String, Object>> restrictions) {
        given().contentType(ContentType.JSON).body(Map.of("score", score, "restrictions", restrictions))
                .put(url + "/_admin/subjects/" + taxId.replaceAll("[^0-9A-Za-z]", "")).then().statusCode(204);
    }

    public void behaviour(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put(url + "/_admin/behaviour").then().statusCode(204);
    }

    /** What the simulator received for this CPF/CNPJ: bureau, operation, idempotencyKey, status, in order. */
    public List<Map<String, Object>> requests(String taxId, String operation) {
        return JsonPath.from(given().queryParam("taxId", taxId).get(url + "/_admin/requests").then().statusCode(200)
                        .extract().asString()).<Map<String, Object>>getList("")
                .stream().filter(r -> operation == null || operation.equals(r.get("operation"))).toList();
    }

    public List<Map<String, Object>> protests(String taxId) {
        return JsonPath.from(given().queryParam("taxId", taxId).get(url + "/_admin/protests").then().statusCode(200)
                .extract().asString()).getList("");
    }

    public List<Map<String, Object>> registrations(String taxId) {
        return JsonPath.from(given().queryParam("taxId", taxId).get(url + "/_admin/registrations").then().statusCode(200)
                .extract().asString()).getList("");
    }
}
