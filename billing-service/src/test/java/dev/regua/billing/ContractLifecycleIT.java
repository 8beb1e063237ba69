package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.billing.ContractActivated;
import dev.regua.contract.billing.InstallmentCancelled;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contracts (one-off, installment plan with down payment, monthly fee) and their lifecycle, over the REST API. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class ContractLifecycleIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");

    @Inject
    PlatformClock clock;

    private BillingFixtures api;

    @BeforeEach
    void setUp() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        api = new BillingFixtures();
    }

    @Test
    void aOneOffChargeIsAContractWithOneInstallmentAnnouncedBeforeItsInstallment() {
        String payer = api.payer(api.sorriso, "Paula Reis");
        String contract = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "description", "Clareamento", "amount", "480.00", "dueDate", "2026-03-20",
                        "segment", "particular", "signedOn", "2026-03-01", "evidenceRef", "docusign:env-123"))
                .post("/api/billing/one-off-charges").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/billing/contracts/"))
                .body("kind", equalTo("ONE_OFF")).body("status", equalTo("ACTIVE"))
                .body("installments", hasSize(1)).body("installments[0].number", equalTo(1))
                .body("installments[0].count", equalTo(1)).body("installments[0].nominal", equalTo(480.00f))
                .extract().path("contractId");
        given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + contract).then().statusCode(200)
                .body("kind", equalTo("ONE_OFF")).body("segment", equalTo("particular"))
                .body("signedOn", equalTo("2026-03-01")).body("evidenceRef", equalTo("docusign:env-123"))
                .body("activatedOn", equalTo("2026-03-02")).body("installments", hasSize(1));
        given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + contract + "/installments").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].number", equalTo(1));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(
                "dev.regua.billing.payer.registered.v1", "dev.regua.billing.contract.activated.v1",
                "dev.regua.billing.installment.created.v1"), BillingFixtures.typesFor(payer)));
        ContractActivated activated = BillingFixtures.only(BillingFixtures.eventsFor(payer), ContractActivated.class).get(0);
        assertEquals("ONE_OFF", activated.kind());
        assertEquals("particular", activated.segment());
        assertEquals("480.00", activated.total().amount());
        assertEquals(java.time.LocalDate.of(2026, 3, 1), activated.signedOn());
    }

    @Test
    void aPlanWithADownPaymentHasInstallmentZeroOnItsOwnDateAndTheRemainderCentsOnTheFirstInstallment() {
        String payer = api.payer(api.sorriso, "Rui Campos");
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", "1000.01", "installments", 3, "firstDueDate", "2026-04-10",
                        "downPayment", Map.of("amount", "100.00", "dueDate", "2026-03-07"), "segment", "crediario"))
                .post("/api/billing/installment-plans").then().statusCode(201)
                .body("kind", equalTo("INSTALLMENT_PLAN")).body("downPayment", equalTo(100.00f))
                .body("installments", hasSize(4))
                .body("installments[0].number", equalTo(0)).body("installments[0].nominal", equalTo(100.00f))
                .body("installments[0].originalDueDate", equalTo("2026-03-07"))
                .body("installments[0].dueDate", equalTo("2026-03-09")) // Saturday → Monday
                .body("installments[1].number", equalTo(1)).body("installments[1].nominal", equalTo(300.01f))
                .body("installments[2].nominal", equalTo(300.00f)).body("installments[3].nominal", equalTo(300.00f))
                .body("installments[3].count", equalTo(3));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", "100.00", "installments", 2, "firstDueDate", "2026-04-10",
                        "downPayment", Map.of("amount", "100.00", "dueDate", "2026-03-07")))
                .post("/api/billing/installment-plans").then().statusCode(400).body("errors[0].field", equalTo("downPayment.amount"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", "300.00", "installments", 2, "firstDueDate", "2026-04-10",
                        "downPayment", Map.of("amount", "50.00", "dueDate", "2026-05-07")))
                .post("/api/billing/installment-plans").then().statusCode(400).body("errors[0].field", equalTo("downPayment.dueDate"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", "300.00", "installments", 2, "firstDueDate", "2026-04-10",
                        "downPayment", Map.of("amount", "50.001", "dueDate", "2026-03-07")))
                .post("/api/billing/installment-plans").then().statusCode(400).body("errors[0].field", equalTo("downPayment.amount"));
    }

    @Test
    void cancellingAContractCancelsOnlyTheInstallmentsNotYetOverdueAndNotPaid() {
        String payer = api.payer(api.sorriso, "Sofia Nunes");
        String contract = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", "900.00", "installments", 3, "firstDueDate", "2026-03-10"))
                .post("/api/billing/installment-plans").then().statusCode(201).extract().path("contractId");
        clock.setTo(Instant.parse("2026-03-11T12:00:00Z")); // the first installment becomes overdue
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + contract)
                        .then().body("installments[0].status", equalTo("OVERDUE")));

        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).header("Idempotency-Key", "cancel-" + contract)
                .body(Map.of("reason", "Tratamento interrompido")).post("/api/billing/contracts/" + contract + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("statusReason", equalTo("Tratamento interrompido"))
                .body("installments.status", org.hamcrest.Matchers.contains("OVERDUE", "CANCELLED", "CANCELLED"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).header("Idempotency-Key", "cancel-" + contract)
                .body(Map.of("reason", "Tratamento interrompido")).post("/api/billing/contracts/" + contract + "/cancel")
                .then().statusCode(200).header("Idempotent-Replayed", "true");
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/billing/contracts/" + contract + "/suspend").then().statusCode(422).body("rule", equalTo("contract-cancelled"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(
                "dev.regua.billing.payer.registered.v1", "dev.regua.billing.contract.activated.v1",
                "dev.regua.billing.installment.created.v1", "dev.regua.billing.installment.created.v1",
                "dev.regua.billing.installment.created.v1", "dev.regua.billing.installment.due.v1",
                "dev.regua.billing.installment.overdue.v1", "dev.regua.billing.contract.cancelled.v1",
                "dev.regua.billing.installment.cancelled.v1", "dev.regua.billing.installment.cancelled.v1"),
                BillingFixtures.typesFor(payer)));
        var cancelled = BillingFixtures.only(BillingFixtures.eventsFor(payer), InstallmentCancelled.class);
        assertEquals(List.of(2, 3), cancelled.stream().map(c -> c.installment().number()).toList());
        assertEquals("CONTRACT_CANCELLED", cancelled.get(0).reason());
        assertEquals("CANCELLED", cancelled.get(0).installment().status());
    }

    @Test
    void aSuspendedMonthlyFeeGeneratesNothingAndResumesFromTheMonthItIsActivatedAgain() {
        String payer = api.payer(api.sorriso, "Tiago Prado");
        Map<String, Object> fee = Map.of("payerId", payer, "description", "Mensalidade", "monthlyAmount", "300.00",
                "dueDay", 10, "startMonth", "2026-03");
        String suspended = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(fee)
                .post("/api/billing/monthly-fees").then().statusCode(201).body("generated.size()", equalTo(3)).extract().path("contractId");
        String running = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(fee)
                .post("/api/billing/monthly-fees").then().statusCode(201).extract().path("contractId");
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "Trancamento de matrícula"))
                .post("/api/billing/contracts/" + suspended + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "de novo"))
                .post("/api/billing/contracts/" + suspended + "/suspend").then().statusCode(422).body("rule", equalTo("contract-not-active"));

        clock.setTo(Instant.parse("2026-09-15T15:00:00Z"));
        // the generation job handles the tenant's fees in one pass: once the running fee reached November, it also
        // passed over the suspended one
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + running).then()
                        .body("installments.size()", equalTo(9)));
        given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + suspended).then()
                .body("installments.size()", equalTo(3)).body("status", equalTo("SUSPENDED"));

        given().auth().oauth2(api.sorriso).post("/api/billing/contracts/" + suspended + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("activatedOn", equalTo("2026-09-15"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + suspended).then()
                        .body("installments.originalDueDate", org.hamcrest.Matchers.contains("2026-03-10", "2026-04-10",
                                "2026-05-10", "2026-09-10", "2026-10-10", "2026-11-10")));
        given().auth().oauth2(api.sorriso).post("/api/billing/contracts/" + suspended + "/activate").then().statusCode(422)
                .body("rule", equalTo("contract-not-suspended"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var types = BillingFixtures.typesFor(payer);
            assertEquals(1, types.stream().filter("dev.regua.billing.contract.suspended.v1"::equals).count());
            assertEquals(3, types.stream().filter("dev.regua.billing.contract.activated.v1"::equals).count());
        });
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndAnotherTenantsContractIsNotFound() {
        String payer = api.payer(api.sorriso, "Vera Lúcia");
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "10.001", "dueDate", "2026-03-20"))
                .post("/api/billing/one-off-charges").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body("{\"payerId\":\"" + payer + "\",\"amount\":10,\"dueDate\":\"2026-02-30\"}")
                .post("/api/billing/one-off-charges").then().statusCode(400).body("errors[0].field", equalTo("dueDate"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "10.00", "dueDate", "2026-03-20", "signedOn", "2026-04-01"))
                .post("/api/billing/one-off-charges").then().statusCode(400).body("errors[0].field", equalTo("signedOn"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "10.00", "dueDate", "2026-03-20", "kind", "LOAN"))
                .post("/api/billing/one-off-charges").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "10.00", "dueDate", "2026-03-20", "segment", "não válido!"))
                .post("/api/billing/one-off-charges").then().statusCode(400).body("errors[0].field", equalTo("segment"));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/installments").then().body("items", hasSize(0));

        String contract = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "10.00", "dueDate", "2026-03-20"))
                .post("/api/billing/one-off-charges").then().statusCode(201).extract().path("contractId");
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of())
                .post("/api/billing/contracts/" + contract + "/cancel").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(api.visao).get("/api/billing/contracts/" + contract).then().statusCode(404);
        given().auth().oauth2(api.visao).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/billing/contracts/" + contract + "/cancel").then().statusCode(404);
        given().auth().oauth2(api.visao).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/billing/contracts/" + contract + "/suspend").then().statusCode(404);
        given().auth().oauth2(api.visao).post("/api/billing/contracts/" + contract + "/activate").then().statusCode(404);
        given().auth().oauth2(api.visao).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "10.00", "dueDate", "2026-03-20"))
                .post("/api/billing/one-off-charges").then().statusCode(404);
        given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + contract).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }
}
