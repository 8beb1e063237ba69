package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.Topics;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSV import of existing receivables through the API: all or nothing, or the valid lines only. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class ImportIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");
    private static final String HEADER = "nome;cpf_cnpj;email;celular;uf;contrato;parcela;total_parcelas;valor;vencimento\n";

    @Inject
    PlatformClock clock;

    private String sorriso;
    private String visao;

    @BeforeEach
    void tokensAndSettings() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        BillingFixtures fixtures = new BillingFixtures("CLINIC");
        sorriso = fixtures.sorriso;
        visao = fixtures.visao;
    }

    private io.restassured.response.ValidatableResponse upload(String token, String csv, String mode) {
        var request = given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv);
        if (mode != null) {
            request.queryParam("mode", mode);
        }
        return request.post("/api/billing/imports").then();
    }

    private List<String> taxIds(String token) {
        return given().auth().oauth2(token).queryParam("limit", 200).get("/api/billing/payers").then().statusCode(200)
                .extract().jsonPath().getList("items.taxId");
    }

    @Test
    void aFileWithAnyErrorWritesNothingAndValidOnlyImportsTheValidLines() {
        String known = given().auth().oauth2(sorriso).contentType(ContentType.JSON)
                .body(Map.of("name", "Paciente Antigo", "taxId", "757.491.186-06", "state", "SP"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
        String csv = HEADER
                + "Lúcia Prado;252.760.189-87;lucia@example.com;(19) 99876-5432;SP;ORC-77;1;3;\"1.234,56\";09/07/2026\n"
                + "Lúcia Prado;252.760.189-87;lucia@example.com;;SP;ORC-77;2;3;\"1.234,56\";09/08/2026\n"
                + "Paciente Antigo;757.491.186-06;;;SP;ORC-12;4;6;80,00;15/03/2026\n"
                + "Sem Documento;123.456.789-00;;;SP;ORC-90;1;1;50,00;10/03/2026\n"
                + "Data Errada;555.979.711-15;;;SP;ORC-91;1;1;50,00;31/02/2026\n";

        upload(sorriso, csv, null).statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("import-all-or-nothing")).body("lines", equalTo(5))
                .body("errors.size()", equalTo(2))
                .body("errors[0].line", equalTo(5)).body("errors[0].column", equalTo("tax_id"))
                .body("errors[1].line", equalTo(6)).body("errors[1].column", equalTo("due_date"))
                .body("installments", equalTo(0));
        List<String> afterRefusal = taxIds(sorriso);
        assertEquals(false, afterRefusal.contains("252.760.189-87"), "nothing written");

        String key = "import-" + known;
        upload(sorriso, csv, "valid-only").statusCode(201).body("mode", equalTo("valid-only"))
                .body("payersCreated", equalTo(1)).body("payersReused", equalTo(1)).body("contracts", equalTo(2))
                .body("installments", equalTo(3)).body("errors.line", org.hamcrest.Matchers.contains(5, 6));
        // (a separate upload with a key replays its own first answer)
        given().auth().oauth2(sorriso).contentType("text/csv").header("Idempotency-Key", key).body(HEADER
                        + "Rui Lima;471.049.746-01;;;SP;;;;;\n").post("/api/billing/imports").then().statusCode(201)
                .body("payersCreated", equalTo(1));
        given().auth().oauth2(sorriso).contentType("text/csv").header("Idempotency-Key", key).body(HEADER
                        + "Rui Lima;471.049.746-01;;;SP;;;;;\n").post("/api/billing/imports").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("payersCreated", equalTo(1));

        List<String> after = taxIds(sorriso);
        assertEquals(1, after.stream().filter("252.760.189-87"::equals).count());
        assertEquals(1, after.stream().filter("757.491.186-06"::equals).count(), "the known payer is reused, not duplicated");
        assertEquals(1, after.stream().filter("471.049.746-01"::equals).count());
        assertEquals(false, after.contains("555.979.711-15"));

        String lucia = given().auth().oauth2(sorriso).queryParam("limit", 200).get("/api/billing/payers").then()
                .extract().jsonPath().getString("items.find { it.taxId == '252.760.189-87' }.id");
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + lucia).then().body("mobile", equalTo("19998765432"))
                .body("email", equalTo("lucia@example.com"));
        // 9 July 2026 is a São Paulo state holiday: the due date moves to the 10th
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + lucia + "/installments").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].number", equalTo(1)).body("items[0].count", equalTo(3))
                .body("items[0].nominal", equalTo(1234.56f)).body("items[0].originalDueDate", equalTo("2026-07-09"))
                .body("items[0].dueDate", equalTo("2026-07-10")).body("items[0].status", equalTo("OPEN"))
                .body("items[1].dueDate", equalTo("2026-08-10"));
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + known + "/installments").then()
                .body("items.size()", equalTo(1)).body("items[0].number", equalTo(4)).body("items[0].count", equalTo(6));

        // the same contract of the same payer is not imported twice
        upload(sorriso, HEADER + "Paciente Antigo;757.491.186-06;;;SP;ORC-12;5;6;80,00;15/04/2026\n", null).statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo("contract_reference"));

        String luciaKey = Topics.payerKey("clinica-sorriso", lucia);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(
                "dev.regua.billing.payer.registered.v1", "dev.regua.billing.contract.activated.v1",
                "dev.regua.billing.installment.created.v1", "dev.regua.billing.installment.created.v1"), typesFor(luciaKey)));
    }

    @Test
    void importsBelongToTheCallersTenantOnly() {
        String csv = HEADER + "Marta Souza;342.366.712-55;;;RJ;OS-1;1;1;300,00;10/04/2026\n";
        upload(sorriso, csv, null).statusCode(201).body("payersCreated", equalTo(1)).body("contracts", equalTo(1))
                .body("installments", equalTo(1));
        given().auth().oauth2(visao).queryParam("limit", 200).get("/api/billing/payers").then()
                .body("items.taxId", not(hasItem("342.366.712-55")));
        // the other tenant importing the same person creates its own payer
        upload(visao, csv, null).statusCode(201).body("payersCreated", equalTo(1)).body("payersReused", equalTo(0));
    }

    @Test
    void badRequestsAreProblems() {
        upload(sorriso, HEADER, "everything").statusCode(400).body("errors[0].field", equalTo("mode"));
        upload(sorriso, "", null).statusCode(422).body("errors[0].line", equalTo(1));
        upload(sorriso, "nome;cor\nAna;azul\n", null).statusCode(422).body("errors.column", hasItem("cor"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of("a", 1)).post("/api/billing/imports")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("text/csv").body(HEADER).post("/api/billing/imports").then().statusCode(401);
    }

    private List<String> typesFor(String key) {
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers())
                .readAll(Topics.BILLING_EVENTS, Duration.ofSeconds(4))) {
            if (key.equals(r.key())) {
                types.add(KafkaEvents.header(r, CloudEventHeaders.TYPE));
            }
        }
        return types;
    }
}
