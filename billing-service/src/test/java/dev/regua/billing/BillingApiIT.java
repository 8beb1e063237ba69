package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.Topics;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.LocalInfra;
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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Billing's API against real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class BillingApiIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");

    @Inject
    PlatformClock clock;

    private String sorriso;
    private String visao;

    @BeforeEach
    void tokensAndSettings() {
        LocalInfra infra = LocalInfraTestResource.infra();
        sorriso = KeycloakTokens.clientCredentials(infra.realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        visao = KeycloakTokens.clientCredentials(infra.realmUrl(), "visao-integration", "visao-integration-secret");
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        putSettings(sorriso, "Clínica Odontológica Sorriso Ltda", "11.222.333/0001-81");
        putSettings(visao, "Ótica Visão Ltda", "12.ABC.345/01DE-35");
    }

    private void putSettings(String token, String legalName, String cnpj) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of(
                        "legalName", legalName, "cnpj", cnpj, "timeZone", "America/Sao_Paulo", "vertical", "CLINIC",
                        "finePercent", 2, "monthlyInterestPercent", 1,
                        "address", Map.of("street", "Rua das Flores", "number", "100", "city", "Campinas", "state", "SP")))
                .put("/api/billing/settings").then().statusCode(200);
    }

    private String registerPayer(String token, String taxId, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Maria da Silva", "taxId", taxId, "email", email, "state", "SP"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
    }

    @Test
    void refusesAFineAboveTheLegalCapNamingTheRule() {
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of(
                        "legalName", "X", "cnpj", "11.222.333/0001-81", "timeZone", "America/Sao_Paulo", "vertical", "CLINIC",
                        "finePercent", 10, "monthlyInterestPercent", 1,
                        "address", Map.of("street", "Rua", "number", "1", "city", "Campinas", "state", "SP")))
                .put("/api/billing/settings")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("CDC art. 52 §1"));
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndWritesNothing() {
        String payerId = registerPayer(sorriso, "390.533.447-05", "joao@example.com");
        given().auth().oauth2(sorriso).contentType(ContentType.JSON)
                .body(Map.of("name", "Sem CPF", "taxId", "123.456.789-00", "state", "SP"))
                .post("/api/billing/payers")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("taxId"));
        plan(sorriso, payerId, "900.00", 0).then().statusCode(400).body("errors[0].field", equalTo("installments"));
        plan(sorriso, payerId, "900.00", 121).then().statusCode(400).body("errors[0].field", equalTo("installments"));
        plan(sorriso, payerId, "-5.00", 3).then().statusCode(400).body("errors[0].field", equalTo("totalAmount"));
        plan(sorriso, payerId, "0", 3).then().statusCode(400).body("errors[0].field", equalTo("totalAmount"));
        plan(sorriso, payerId, "10.001", 3).then().statusCode(400).body("errors[0].field", equalTo("totalAmount"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON)
                .body("{\"payerId\":\"" + payerId + "\",\"totalAmount\":900,\"installments\":3,\"firstDueDate\":\"2026-03-10\",\"colour\":\"blue\"}")
                .post("/api/billing/installment-plans")
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body("{\"payerId\": ")
                .post("/api/billing/installment-plans").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(sorriso).contentType(ContentType.JSON)
                .body("{\"payerId\":\"" + payerId + "\",\"totalAmount\":900,\"installments\":3,\"firstDueDate\":\"2026-02-30\"}")
                .post("/api/billing/installment-plans").then().statusCode(400).body("errors[0].field", equalTo("firstDueDate"));
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + payerId + "/installments")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aMissingOrForgedTokenIsRefusedWithAProblem() {
        given().get("/api/billing/payers").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(sorriso + "x").get("/api/billing/payers").then().statusCode(401);
    }

    @Test
    void anotherTenantCannotSeeOrTouchThisTenantsData() {
        String payerId = registerPayer(sorriso, "529.982.247-25", "maria@example.com");
        String installmentId = plan(sorriso, payerId, "900.00", 3).then().statusCode(201).extract().path("installments[0].id");

        given().auth().oauth2(visao).get("/api/billing/payers/" + payerId).then().statusCode(404);
        given().auth().oauth2(visao).get("/api/billing/installments/" + installmentId).then().statusCode(404);
        given().auth().oauth2(visao).get("/api/billing/payers/" + payerId + "/installments").then().statusCode(200).body("items", hasSize(0));
        plan(visao, payerId, "100.00", 1).then().statusCode(404);
        given().auth().oauth2(visao).contentType(ContentType.JSON)
                .body(Map.of("amount", "300.00", "method", "PIX", "externalId", "e2e-other-tenant"))
                .post("/api/billing/installments/" + installmentId + "/payments").then().statusCode(404);
        given().auth().oauth2(visao).get("/api/billing/payers").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(payerId)));
        given().auth().oauth2(sorriso).get("/api/billing/installments/" + installmentId).then().statusCode(200)
                .body("status", equalTo("OPEN"));
    }

    @Test
    void publishesTheInstallmentsLifeAndAppliesTheSamePaymentOnlyOnce() {
        String payerId = registerPayer(sorriso, "111.444.777-35", "ana@example.com");
        var created = plan(sorriso, payerId, "900.00", 3).then().statusCode(201)
                .body("installments", hasSize(3))
                .body("installments[2].originalDueDate", equalTo("2026-05-10"))
                .body("installments[2].dueDate", equalTo("2026-05-11"))
                .extract();
        String first = created.path("installments[0].id");

        given().auth().oauth2(sorriso).queryParam("date", "2026-03-11").get("/api/billing/installments/" + first + "/amount-due")
                .then().statusCode(200).body("fine", equalTo(6.00f)).body("interest", equalTo(0.10f)).body("total", equalTo(306.10f));

        clock.setTo(Instant.parse("2026-03-11T12:00:00Z")); // 09:00 in São Paulo, after the 06:00 sweep
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(sorriso).get("/api/billing/installments/" + first).then().body("status", equalTo("OVERDUE")));

        var payment = Map.of("amount", "306.10", "method", "PIX", "externalId", "E18236120202603111200s0000001");
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(payment)
                .post("/api/billing/installments/" + first + "/payments")
                .then().statusCode(201).body("installment.status", equalTo("PAID")).body("paymentId", notNullValue());
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(payment)
                .post("/api/billing/installments/" + first + "/payments")
                .then().statusCode(200).body("alreadyRecorded", equalTo(true));

        String key = Topics.payerKey("clinica-sorriso", payerId);
        List<String> expected = List.of("dev.regua.billing.payer.registered.v1",
                "dev.regua.billing.contract.activated.v1", "dev.regua.billing.installment.created.v1", "dev.regua.billing.installment.created.v1",
                "dev.regua.billing.installment.created.v1", "dev.regua.billing.installment.due.v1",
                "dev.regua.billing.installment.overdue.v1", "dev.regua.billing.installment.paid.v1");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(expected, typesFor(key)));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameResponseAndRefusesADifferentRequest() {
        String key = "payer-" + UUID.randomUUID();
        var body = Map.of("name", "Carlos Lima", "taxId", "935.411.347-80", "email", "carlos@example.com", "state", "MG");
        String id = given().auth().oauth2(sorriso).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/billing/payers").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/api/billing/payers/" + id)).body("id", equalTo(id));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "Outra Pessoa", "taxId", "935.411.347-80", "state", "MG"))
                .post("/api/billing/payers").then().statusCode(422).body("rule", equalTo("idempotency-key-reused"));
        // the key belongs to the tenant: another tenant may use the same one for its own request
        given().auth().oauth2(visao).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/billing/payers").then().statusCode(201).body("id", org.hamcrest.Matchers.not(equalTo(id)));
    }

    @Test
    void aChangedPayerKeepsTheReplacedVersionAndAnnouncesTheNewOne() {
        String payerId = registerPayer(sorriso, "453.178.287-91", "antigo@example.com");
        var change = Map.of("name", "Maria da Silva", "email", "novo@example.com", "mobile", "+5511999990000", "state", "RJ");
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(change).put("/api/billing/payers/" + payerId)
                .then().statusCode(200).body("email", equalTo("novo@example.com")).body("taxId", equalTo("453.178.287-91"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(change).put("/api/billing/payers/" + payerId)
                .then().statusCode(200);
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + payerId + "/versions").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].payer.email", equalTo("antigo@example.com"))
                .body("items[0].payer.state", equalTo("SP"))
                .body("items[0].replacedBy", equalTo("service-account-sorriso-integration"));
        given().auth().oauth2(visao).contentType(ContentType.JSON).body(change).put("/api/billing/payers/" + payerId)
                .then().statusCode(404);
        given().auth().oauth2(visao).get("/api/billing/payers/" + payerId + "/versions").then().statusCode(404);
        given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(Map.of("name", "", "state", "XX"))
                .put("/api/billing/payers/" + payerId).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("name", "state"));
        String key = Topics.payerKey("clinica-sorriso", payerId);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                List.of("dev.regua.billing.payer.registered.v1", "dev.regua.billing.payer.updated.v1"), typesFor(key)));
    }

    @Test
    void aMonthlyFeeIsGeneratedAheadOverARollingHorizonAsTimePasses() {
        String payerId = registerPayer(sorriso, "748.374.524-00", "aluno@example.com");
        Map<String, Object> fee = Map.of("payerId", payerId, "description", "Mensalidade escolar", "monthlyAmount", "450.00",
                "dueDay", 10, "startMonth", "2026-03", "endMonth", "2026-12");
        String contract = given().auth().oauth2(sorriso).contentType(ContentType.JSON).body(fee)
                .post("/api/billing/monthly-fees").then().statusCode(201)
                .body("generated.size()", equalTo(3)).body("generated[2].dueDate", equalTo("2026-05-11"))
                .body("generated[0].count", equalTo(10)).extract().path("contractId");
        clock.setTo(Instant.parse("2026-06-15T15:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(sorriso).get("/api/billing/contracts/" + contract + "/installments").then()
                        .body("items.size()", equalTo(6)).body("items[5].originalDueDate", equalTo("2026-08-10")));

        given().auth().oauth2(visao).contentType(ContentType.JSON).body(fee).post("/api/billing/monthly-fees").then().statusCode(404);
        given().auth().oauth2(sorriso).contentType(ContentType.JSON)
                .body("{\"payerId\":\"" + payerId + "\",\"monthlyAmount\":450,\"dueDay\":0,\"startMonth\":\"2026-03\"}")
                .post("/api/billing/monthly-fees").then().statusCode(400).body("errors[0].field", equalTo("dueDay"));
        given().auth().oauth2(sorriso).contentType(ContentType.JSON)
                .body("{\"payerId\":\"" + payerId + "\",\"monthlyAmount\":450,\"dueDay\":5,\"startMonth\":\"2026-13\"}")
                .post("/api/billing/monthly-fees").then().statusCode(400).body("errors[0].field", equalTo("startMonth"));
    }

    @Test
    void agesTheOpenAmountsAndListsWhoOwesMostOnlyForTheCallersTenant() {
        String ana = given().auth().oauth2(visao).contentType(ContentType.JSON)
                .body(Map.of("name", "Ana Costa", "taxId", "111.444.777-35", "state", "SP"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
        String bento = given().auth().oauth2(visao).contentType(ContentType.JSON)
                .body(Map.of("name", "Bento Alves", "taxId", "529.982.247-25", "state", "SP"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(visao).contentType(ContentType.JSON)
                .body("{\"payerId\":\"" + ana + "\",\"totalAmount\":300,\"installments\":3,\"firstDueDate\":\"2026-01-10\"}")
                .post("/api/billing/installment-plans").then().statusCode(201);
        given().auth().oauth2(visao).contentType(ContentType.JSON)
                .body("{\"payerId\":\"" + bento + "\",\"totalAmount\":500,\"installments\":1,\"firstDueDate\":\"2025-10-10\"}")
                .post("/api/billing/installment-plans").then().statusCode(201);

        given().auth().oauth2(visao).queryParam("asOf", "2026-03-02").get("/api/billing/receivables/aging").then().statusCode(200)
                .body("buckets.find { it.bucket == 'CURRENT' }.outstanding", equalTo(100.00f))
                .body("buckets.find { it.bucket == 'DAYS_1_15' }.installments", equalTo(0))
                .body("buckets.find { it.bucket == 'DAYS_16_30' }.outstanding", equalTo(100.00f))
                .body("buckets.find { it.bucket == 'DAYS_31_60' }.outstanding", equalTo(100.00f))
                .body("buckets.find { it.bucket == 'OVER_90' }.outstanding", equalTo(500.00f))
                .body("totalOutstanding", equalTo(800.00f)).body("totalOverdue", equalTo(700.00f));
        given().auth().oauth2(visao).queryParam("asOf", "2026-03-02").get("/api/billing/receivables/debtors").then().statusCode(200)
                .body("items.payerId", org.hamcrest.Matchers.contains(bento, ana))
                .body("items[0].overdue", equalTo(500.00f)).body("items[0].daysSinceOldestDueDate", equalTo(143))
                .body("items[1].overdue", equalTo(200.00f)).body("items[1].oldestDueDate", equalTo("2026-01-12"));
        given().auth().oauth2(sorriso).queryParam("asOf", "2026-03-02").get("/api/billing/receivables/debtors").then().statusCode(200)
                .body("items.payerId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems(ana, bento)));
        String csv = given().auth().oauth2(visao).queryParam("asOf", "2026-03-02").get("/api/billing/receivables/debtors.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertEquals(List.of("payer_id,name,open_installments,outstanding,overdue,oldest_due_date,days_since_oldest_due_date",
                bento + ",\"Bento Alves\",1,500.00,500.00,2025-10-10,143",
                ana + ",\"Ana Costa\",3,300.00,200.00,2026-01-12,49"), List.of(csv.split("\r\n")));

        // the payer statement: installments with today's amount, payments, punctuality
        String first = given().auth().oauth2(visao).get("/api/billing/payers/" + ana + "/installments").then().extract().path("items[0].id");
        given().auth().oauth2(visao).contentType(ContentType.JSON)
                .body(Map.of("amount", "100.00", "method", "BOLETO", "externalId", "boleto-ana-1", "paidOn", "2026-01-12"))
                .post("/api/billing/installments/" + first + "/payments").then().statusCode(201);
        given().auth().oauth2(visao).queryParam("asOf", "2026-03-02").get("/api/billing/payers/" + ana + "/statement").then().statusCode(200)
                .body("installments.size()", equalTo(3)).body("payments[0].externalId", equalTo("boleto-ana-1"))
                .body("punctuality.settled", equalTo(1)).body("punctuality.onTime", equalTo(1))
                .body("overdueToday", equalTo(102.67f)) // 100.00 + 2 % fine + 1 % a month for 20 days (0.67)
                .body("outstandingToday", equalTo(202.67f));
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + ana + "/statement").then().statusCode(404);
    }

    private io.restassured.response.Response plan(String token, String payerId, String total, int installments) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"payerId\":\"" + payerId + "\",\"description\":\"Tratamento\",\"totalAmount\":" + total
                        + ",\"installments\":" + installments + ",\"firstDueDate\":\"2026-03-10\"}")
                .post("/api/billing/installment-plans");
    }

    private List<String> typesFor(String key) {
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers())
                .readAll(Topics.BILLING_EVENTS, Duration.ofSeconds(4))) {
            if (key.equals(r.key())) {
                assertEquals('{', r.value().charAt(0), "the payload is a JSON object: " + r.value());
                types.add(KafkaEvents.header(r, CloudEventHeaders.TYPE));
            }
        }
        return types;
    }
}
