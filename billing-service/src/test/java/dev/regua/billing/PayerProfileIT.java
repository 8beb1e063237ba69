package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payers' contacts, address, consent with evidence, responsible person and tags; every change kept and announced. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class PayerProfileIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PlatformClock clock;

    private String sorriso;
    private String visao;

    @BeforeEach
    void tokensAndSettings() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        BillingFixtures fixtures = new BillingFixtures("SCHOOL");
        sorriso = fixtures.sorriso;
        visao = fixtures.visao;
    }

    private static Map<String, Object> student(String taxId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Pedro Aluno");
        body.put("taxId", taxId);
        body.put("email", "pedro@example.com");
        body.put("state", "SP");
        body.put("whatsapp", "+5519991230000");
        body.put("address", Map.of("street", "Rua Barão de Jaguara", "number", "1000", "complement", "apto 12",
                "district", "Centro", "city", "Campinas", "state", "SP", "postalCode", "13015002"));
        body.put("optedOutChannels", List.of("SMS"));
        body.put("whatsappOptIn", Map.of("at", "2026-02-20T13:00:00Z", "how", "WRITTEN_FORM", "reference", "matrícula 2026/0042, cláusula 9"));
        body.put("responsible", Map.of("name", "Joana Mãe", "taxId", "526.018.159-06", "email", "joana@example.com", "mobile", "+5519991239999"));
        body.put("tags", List.of("turma-3A", "bolsista"));
        return body;
    }

    private io.restassured.response.ValidatableResponse register(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/billing/payers").then();
    }

    @Test
    void aPayerCarriesContactsAddressConsentWithEvidenceResponsibleAndTagsIntoTheEvent() throws Exception {
        String id = register(sorriso, student("186.091.390-34")).statusCode(201)
                .body("whatsapp", equalTo("+5519991230000"))
                .body("address.postalCode", equalTo("13015-002")).body("address.district", equalTo("Centro"))
                .body("consent.optedOutChannels", contains("SMS"))
                .body("consent.whatsappOptIn.how", equalTo("WRITTEN_FORM"))
                .body("consent.whatsappOptIn.at", equalTo("2026-02-20T13:00:00Z"))
                .body("responsible.taxId", equalTo("526.018.159-06"))
                .body("tags", contains("turma-3A", "bolsista"))
                .extract().path("id");
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + id).then().statusCode(200)
                .body("responsible.name", equalTo("Joana Mãe")).body("consent.whatsappOptIn.reference", equalTo("matrícula 2026/0042, cláusula 9"));

        JsonNode event = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> payloads(Topics.payerKey("clinica-sorriso", id))
                .stream().filter(p -> p.get("type").equals("dev.regua.billing.payer.registered.v1")).map(p -> p.get("data"))
                .map(PayerProfileIT::parse).findFirst().orElse(null), java.util.Objects::nonNull);
        assertEquals("+5519991230000", event.get("whatsapp").asText());
        assertEquals("13015-002", event.get("address").get("postalCode").asText());
        assertEquals("SMS", event.get("consent").get("optedOutChannels").get(0).asText());
        assertTrue(event.get("consent").get("whatsappOptIn").asBoolean());
        assertEquals("WRITTEN_FORM: matrícula 2026/0042, cláusula 9", event.get("consent").get("whatsappOptInEvidence").asText());
        assertEquals("Joana Mãe", event.get("responsible").get("name").asText());
        assertEquals(List.of("turma-3A", "bolsista"), List.of(event.get("tags").get(0).asText(), event.get("tags").get(1).asText()));
    }

    @Test
    void consentChangesKeepHistoryAndAreAnnounced() {
        Map<String, Object> body = student("996.030.824-30");
        body.remove("whatsappOptIn");
        body.put("optedOutChannels", List.of());
        String id = register(sorriso, body).statusCode(201).body("consent.whatsappOptIn", nullValue()).extract().path("id");

        // opt-in without evidence is refused and changes nothing
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of("how", "WEBSITE"))
                .post("/api/billing/payers/" + id + "/whatsapp-opt-in").then().statusCode(422)
                .body("rule", equalTo("whatsapp-opt-in-evidence-required"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of("reference", "site, checkbox"))
                .post("/api/billing/payers/" + id + "/whatsapp-opt-in").then().statusCode(422)
                .body("rule", equalTo("whatsapp-opt-in-evidence-required"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON)
                .body(Map.of("how", "WEBSITE", "reference", "x", "at", "2030-01-01T00:00:00Z"))
                .post("/api/billing/payers/" + id + "/whatsapp-opt-in").then().statusCode(400)
                .body("errors[0].field", equalTo("whatsappOptIn.at"));

        given().auth().oauth2(sorriso).contentType(ContentType.JSON).header("Idempotency-Key", "optin-" + id)
                .body(Map.of("how", "WEBSITE", "reference", "portal do aluno, aceite 8812"))
                .post("/api/billing/payers/" + id + "/whatsapp-opt-in").then().statusCode(200)
                .body("consent.whatsappOptIn.how", equalTo("WEBSITE"))
                .body("consent.whatsappOptIn.at", org.hamcrest.Matchers.startsWith("2026-03-02T15:0")); // now, by the business clock
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).header("Idempotency-Key", "optin-" + id)
                .body(Map.of("how", "WEBSITE", "reference", "portal do aluno, aceite 8812"))
                .post("/api/billing/payers/" + id + "/whatsapp-opt-in").then().statusCode(200).header("Idempotent-Replayed", "true");
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of("channel", "EMAIL"))
                .post("/api/billing/payers/" + id + "/opt-outs").then().statusCode(200)
                .body("consent.optedOutChannels", contains("EMAIL"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of("channel", "EMAIL"))
                .post("/api/billing/payers/" + id + "/opt-outs").then().statusCode(200); // unchanged: no new version
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of("channel", "WHATSAPP"))
                .post("/api/billing/payers/" + id + "/opt-outs").then().statusCode(200)
                .body("consent.optedOutChannels", contains("EMAIL", "WHATSAPP")).body("consent.whatsappOptIn", nullValue());
        given().auth().oauth2(sorriso).delete("/api/billing/payers/" + id + "/opt-outs/EMAIL").then().statusCode(200)
                .body("consent.optedOutChannels", contains("WHATSAPP"));
        given().auth().oauth2(sorriso).delete("/api/billing/payers/" + id + "/opt-outs/FAX").then().statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of("channel", "FAX"))
                .post("/api/billing/payers/" + id + "/opt-outs").then().statusCode(400).body("errors[0].field", equalTo("channel"));

        // newest first: before the EMAIL allow, before the WHATSAPP opt-out, before the EMAIL opt-out, before the opt-in
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + id + "/versions").then().statusCode(200)
                .body("items.size()", equalTo(4)).body("nextCursor", nullValue())
                .body("items[0].payer.consent.optedOutChannels", contains("EMAIL", "WHATSAPP"))
                .body("items[1].payer.consent.whatsappOptIn.reference", equalTo("portal do aluno, aceite 8812"))
                .body("items[3].payer.consent.whatsappOptIn", nullValue());
        String cursor = given().auth().oauth2(sorriso).queryParam("limit", 3).get("/api/billing/payers/" + id + "/versions")
                .then().statusCode(200).body("items.size()", equalTo(3)).extract().path("nextCursor");
        given().auth().oauth2(sorriso).queryParam("limit", 3).queryParam("cursor", cursor).get("/api/billing/payers/" + id + "/versions")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].payer.consent.whatsappOptIn", nullValue())
                .body("nextCursor", nullValue());

        // another tenant can touch none of it
        given().auth().oauth2(visao).contentType(ContentType.JSON).body(Map.of("channel", "SMS"))
                .post("/api/billing/payers/" + id + "/opt-outs").then().statusCode(404);
        given().auth().oauth2(visao).delete("/api/billing/payers/" + id + "/opt-outs/WHATSAPP").then().statusCode(404);
        given().auth().oauth2(visao).contentType(ContentType.JSON).body(Map.of("how", "WEBSITE", "reference", "x"))
                .post("/api/billing/payers/" + id + "/whatsapp-opt-in").then().statusCode(404);
        given().auth().oauth2(visao).delete("/api/billing/payers/" + id + "/whatsapp-opt-in").then().statusCode(404);
        given().auth().oauth2(visao).get("/api/billing/payers/" + id + "/versions").then().statusCode(404);

        String key = Topics.payerKey("clinica-sorriso", id);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(
                "dev.regua.billing.payer.registered.v1", "dev.regua.billing.payer.updated.v1", "dev.regua.billing.payer.updated.v1",
                "dev.regua.billing.payer.updated.v1", "dev.regua.billing.payer.updated.v1"),
                payloads(key).stream().map(p -> p.get("type")).toList()));
    }

    @Test
    void aChangeToAddressResponsibleOrTagsKeepsTheWholeReplacedVersion() {
        String id = register(sorriso, student("628.194.821-12")).statusCode(201).extract().path("id");
        Map<String, Object> change = new HashMap<>(Map.of("name", "Pedro Aluno", "state", "SP", "whatsapp", "+5519991230000",
                "address", Map.of("street", "Av. Norte-Sul", "number", "50", "city", "Campinas", "state", "SP", "postalCode", "13025-320"),
                "responsible", Map.of("name", "Carlos Pai", "taxId", "993.518.190-19"),
                "tags", List.of("turma-4A")));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(change).put("/api/billing/payers/" + id).then().statusCode(200)
                .body("address.street", equalTo("Av. Norte-Sul")).body("responsible.name", equalTo("Carlos Pai"))
                .body("tags", contains("turma-4A")).body("email", nullValue())
                .body("consent.whatsappOptIn.how", equalTo("WRITTEN_FORM")); // PUT never touches consent
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + id + "/versions").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].payer.address.street", equalTo("Rua Barão de Jaguara"))
                .body("items[0].payer.responsible.name", equalTo("Joana Mãe"))
                .body("items[0].payer.tags", contains("turma-3A", "bolsista"))
                .body("items[0].payer.email", equalTo("pedro@example.com"));
        given().auth().oauth2(visao).contentType(ContentType.JSON).body(change).put("/api/billing/payers/" + id).then().statusCode(404);
    }

    @Test
    void badPayerInputIsRefusedFieldByFieldAndWritesNothing() {
        String taxId = "937.865.797-41";
        Map<String, Object> noEvidence = student(taxId);
        noEvidence.put("whatsappOptIn", Map.of("at", "2026-02-20T13:00:00Z"));
        register(sorriso, noEvidence).statusCode(422).body("rule", equalTo("whatsapp-opt-in-evidence-required"));
        Map<String, Object> noNumber = student(taxId);
        noNumber.remove("whatsapp");
        register(sorriso, noNumber).statusCode(422).body("rule", equalTo("whatsapp-number-required"));
        Map<String, Object> conflict = student(taxId);
        conflict.put("optedOutChannels", List.of("WHATSAPP"));
        register(sorriso, conflict).statusCode(422).body("rule", equalTo("whatsapp-consent-conflict"));

        assertField(taxId, "whatsapp", "12");
        assertField(taxId, "address", Map.of("street", "Rua", "number", "1", "city", "Campinas", "state", "SP", "postalCode", "1301-000"),
                "address.postalCode");
        assertField(taxId, "address", Map.of("street", "Rua", "number", "1", "city", "Campinas", "state", "SP", "postalCode", "00000-000"),
                "address.postalCode");
        assertField(taxId, "address", Map.of("street", "", "number", "1", "city", "Campinas", "state", "ZZ", "postalCode", "13010-000"),
                "address.state", "address.street");
        assertField(taxId, "optedOutChannels", List.of("FAX"), "optedOutChannels[0]");
        assertField(taxId, "responsible", Map.of("name", "Joana", "taxId", "111.111.111-11"), "responsible.taxId");
        assertField(taxId, "responsible", Map.of("name", "Joana", "taxId", "526.018.159-06", "email", "not-an-email"), "responsible.email");
        assertField(taxId, "responsible", Map.of("taxId", "526.018.159-06"), "responsible.name");
        assertField(taxId, "tags", List.of("a,b"), "tags[0]");
        assertField(taxId, "tags", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList(), "tags");
        assertField(taxId, "whatsappOptIn", Map.of("how", "CARRIER_PIGEON", "reference", "x"), "whatsappOptIn.how");

        given().auth().oauth2(sorriso).queryParam("limit", 200).get("/api/billing/payers").then().statusCode(200)
                .body("items.taxId", org.hamcrest.Matchers.not(hasItems(taxId)));
    }

    private void assertField(String taxId, String field, Object value, String... expected) {
        Map<String, Object> body = student(taxId);
        body.put(field, value);
        register(sorriso, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems(expected.length == 0 ? new String[] {field} : expected));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, String>> payloads(String key) {
        List<Map<String, String>> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers())
                .readAll(Topics.BILLING_EVENTS, Duration.ofSeconds(4))) {
            if (key.equals(r.key())) {
                out.add(Map.of("type", KafkaEvents.header(r, CloudEventHeaders.TYPE), "data", r.value()));
            }
        }
        return out;
    }
}
