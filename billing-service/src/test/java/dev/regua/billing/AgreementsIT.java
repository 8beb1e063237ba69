package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.billing.AgreementBroken;
import dev.regua.contract.billing.AgreementCreated;
import dev.regua.contract.billing.AgreementPaid;
import dev.regua.contract.billing.InstallmentRenegotiated;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renegotiation (acordo): policy, quote, agreement, paid and broken agreements, over the REST API and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class AgreementsIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");

    @Inject
    PlatformClock clock;

    private BillingFixtures api;

    @BeforeEach
    void setUp() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        api = new BillingFixtures();
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("maxInstallments", 6,
                        "minDownPaymentPercent", "20", "fineDiscountPercent", "50", "interestDiscountPercent", "100", "downPaymentDays", 3))
                .put("/api/billing/renegotiation-policy").then().statusCode(200).body("isDefault", equalTo(false));
    }

    /** Two installments of 300.00 due 2026-01-10 (a Saturday: 01-12) and 2026-02-10, both overdue on 2026-03-02. */
    private List<String> overdueInstallments(String payer) {
        List<String> ids = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", "600.00", "installments", 2, "firstDueDate", "2026-01-10"))
                .post("/api/billing/installment-plans").then().statusCode(201).extract().path("installments.id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/installments").then()
                        .body("items.status", contains("OVERDUE", "OVERDUE")));
        return ids;
    }

    private io.restassured.response.ValidatableResponse post(String token, String path, String payer, List<String> ids,
                                                              int installments, String downPayment) {
        Map<String, Object> body = new HashMap<>(Map.of("payerId", payer, "installmentIds", ids, "installments", installments));
        if (downPayment != null) {
            body.put("downPayment", downPayment);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void theTenantsPolicyIsReadAndChangedByItsAdminOnly() {
        given().auth().oauth2(api.visao).get("/api/billing/renegotiation-policy").then().statusCode(200)
                .body("isDefault", equalTo(true)).body("maxInstallments", equalTo(12));
        given().auth().oauth2(api.sorriso).get("/api/billing/renegotiation-policy").then().statusCode(200)
                .body("maxInstallments", equalTo(6)).body("minDownPaymentPercent", equalTo(20.0f));
        given().auth().oauth2(BillingFixtures.staff()).contentType(ContentType.JSON).body(Map.of("maxInstallments", 6,
                        "minDownPaymentPercent", "20", "fineDiscountPercent", "50", "interestDiscountPercent", "100", "downPaymentDays", 3))
                .put("/api/billing/renegotiation-policy").then().statusCode(403);
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("maxInstallments", 0,
                        "minDownPaymentPercent", "20.001", "fineDiscountPercent", "50", "interestDiscountPercent", "101", "downPaymentDays", 3))
                .put("/api/billing/renegotiation-policy").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("maxInstallments", "minDownPaymentPercent", "interestDiscountPercent"));
    }

    @Test
    void aQuoteUpdatesEachDebtByTheCalculatorAndAppliesThePolicyAndTheAgreementIsPaidInFull() {
        String payer = api.payer(api.sorriso, "Wagner Lima");
        List<String> ids = overdueInstallments(payer);
        // 300 + 6.00 fine + 49 days of 1 % a month (4.90); 300 + 6.00 + 20 days (2.00); 50 % off fines, 100 % off interest
        post(api.sorriso, "/api/billing/agreements/quote", payer, ids, 4, null).statusCode(200)
                .body("date", equalTo("2026-03-02"))
                .body("installments.debt", contains(310.90f, 308.00f)).body("installments.discount", contains(7.90f, 5.00f))
                .body("originalDebt", equalTo(618.90f)).body("discount", equalTo(12.90f)).body("total", equalTo(606.00f))
                .body("minimumDownPayment", equalTo(121.20f)).body("downPayment", equalTo(121.20f))
                .body("downPaymentDeadline", equalTo("2026-03-05")).body("firstDueDate", equalTo("2026-04-05"))
                .body("installmentAmounts", contains(121.20f, 121.20f, 121.20f, 121.20f));
        post(api.sorriso, "/api/billing/agreements/quote", payer, ids, 7, null).statusCode(422)
                .body("rule", equalTo("agreement-max-installments"));
        post(api.sorriso, "/api/billing/agreements", payer, ids, 4, "100.00").statusCode(422)
                .body("rule", equalTo("agreement-minimum-down-payment"));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/installments").then()
                .body("items.status", contains("OVERDUE", "OVERDUE"));

        String agreement = post(api.sorriso, "/api/billing/agreements", payer, ids, 4, "126.00").statusCode(201)
                .body("status", equalTo("ACTIVE")).body("total", equalTo(606.00f)).body("downPayment", equalTo(126.00f))
                .body("plan", hasSize(5)).body("plan[0].number", equalTo(0)).body("plan[0].dueDate", equalTo("2026-03-05"))
                .body("plan[1].nominal", equalTo(120.00f)).extract().path("id");
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(0)).then().body("status", equalTo("RENEGOTIATED"));
        post(api.sorriso, "/api/billing/agreements", payer, ids, 4, "126.00").statusCode(422)
                .body("rule", equalTo("agreement-requires-overdue"));

        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("amount", "606.00", "method", "PIX", "externalId", "E-acordo-" + agreement))
                .post("/api/billing/payers/" + payer + "/payments").then().statusCode(201)
                .body("allocations", hasSize(5)).body("creditLeft", equalTo(0.00f));
        given().auth().oauth2(api.sorriso).get("/api/billing/agreements/" + agreement).then().statusCode(200)
                .body("status", equalTo("PAID")).body("plan.status", everyItem(equalTo("PAID")))
                .body("originalInstallmentIds", hasSize(2));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = BillingFixtures.eventsFor(payer);
            // the due sweep may announce the down payment as due in between: not what this test is about
            var types = events.stream().map(e -> e.getClass().getSimpleName()).filter(t -> !t.equals("InstallmentDue")).toList();
            int created = types.indexOf("AgreementCreated");
            assertEquals(List.of("AgreementCreated", "InstallmentRenegotiated", "InstallmentRenegotiated", "ContractActivated",
                    "InstallmentCreated", "InstallmentCreated", "InstallmentCreated", "InstallmentCreated", "InstallmentCreated",
                    "InstallmentPaid", "InstallmentPaid", "InstallmentPaid", "InstallmentPaid", "InstallmentPaid", "AgreementPaid"),
                    types.subList(created, types.size()));
            AgreementCreated a = BillingFixtures.only(events, AgreementCreated.class).get(0);
            assertEquals("618.90", a.originalDebt().amount());
            assertEquals("12.90", a.discount().amount());
            assertEquals(4, a.installmentCount());
            assertEquals(LocalDate.of(2026, 3, 5), a.downPaymentDeadline());
            assertEquals(agreement, BillingFixtures.only(events, InstallmentRenegotiated.class).get(0).agreementId());
            assertEquals("606.00", BillingFixtures.only(events, AgreementPaid.class).get(0).totalPaid().amount());
        });
    }

    @Test
    void anAgreementWhoseDownPaymentIsNotPaidInTimeBreaksAndTheOriginalsAreOwedAgainWithTheirCharges() {
        String payer = api.payer(api.sorriso, "Xênia Rocha");
        List<String> ids = overdueInstallments(payer);
        String agreement = post(api.sorriso, "/api/billing/agreements", payer, ids, 2, null).statusCode(201)
                .extract().path("id");
        clock.setTo(Instant.parse("2026-03-06T12:00:00Z")); // 09:00 in São Paulo, the day after the deadline
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/agreements/" + agreement).then()
                        .body("status", equalTo("BROKEN")).body("closedOn", equalTo("2026-03-06"))
                        .body("plan.status", everyItem(equalTo("CANCELLED"))));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(0)).then()
                .body("status", equalTo("OVERDUE")).body("originalDueDate", equalTo("2026-01-10"));
        given().auth().oauth2(api.sorriso).queryParam("date", "2026-03-06").get("/api/billing/installments/" + ids.get(0) + "/amount-due")
                .then().body("fine", equalTo(6.00f)).body("interest", equalTo(5.30f)); // 53 days since 01-12

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var events = BillingFixtures.eventsFor(payer);
            var types = events.stream().map(e -> e.getClass().getSimpleName()).toList();
            int broken = types.indexOf("AgreementBroken");
            assertEquals(List.of("AgreementBroken", "ContractCancelled", "InstallmentCancelled", "InstallmentCancelled",
                    "InstallmentCancelled"), types.subList(broken, broken + 5));
            AgreementBroken b = BillingFixtures.only(events, AgreementBroken.class).get(0);
            assertEquals("DOWN_PAYMENT_NOT_PAID", b.reason());
            assertEquals(ids.stream().sorted().toList(), b.originalInstallmentIds().stream().sorted().toList());
        });
    }

    @Test
    void moneyPaidOnABrokenAgreementBecomesThePayersCreditAndIsNotLost() {
        String payer = api.payer(api.sorriso, "Yara Campos");
        List<String> ids = overdueInstallments(payer);
        var created = post(api.sorriso, "/api/billing/agreements", payer, ids, 2, null).statusCode(201).extract();
        String agreement = created.path("id");
        String downPayment = created.path("plan[0].id");
        String paid = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("amount", "50.00", "method", "PIX", "externalId", "E-yara-entrada"))
                .post("/api/billing/installments/" + downPayment + "/payments").then().statusCode(201)
                .body("allocations.installmentStatus", contains("PARTIALLY_PAID")).extract().path("paymentId");

        clock.setTo(Instant.parse("2026-03-06T12:00:00Z")); // 09:00 in São Paulo, the day after the deadline
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/agreements/" + agreement).then()
                        .body("status", equalTo("BROKEN")).body("plan.status", everyItem(equalTo("CANCELLED"))));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + downPayment).then()
                .body("status", equalTo("CANCELLED")).body("paidAmount", equalTo(0.00f));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/credit").then().statusCode(200)
                .body("balance", equalTo(50.00f)).body("sources[0].paymentId", equalTo(paid));
        given().auth().oauth2(api.sorriso).get("/api/billing/payments/" + paid).then()
                .body("allocations.reversed", contains(true)).body("creditLeft", equalTo(50.00f));

        // the next payment spends that credit first, on the original installments owed again
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("amount", "10.00", "method", "PIX", "externalId", "E-yara-2"))
                .post("/api/billing/payers/" + payer + "/payments").then().statusCode(201)
                .body("payerCreditBalance", equalTo(0.00f));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(0)).then()
                .body("status", equalTo("OVERDUE")).body("paidAmount", equalTo(60.00f));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var cancelled = BillingFixtures.only(BillingFixtures.eventsFor(payer), dev.regua.contract.billing.InstallmentCancelled.class);
            assertEquals(3, cancelled.size());
            assertEquals("0.00", cancelled.stream().filter(c -> c.installment().number() == 0).findFirst().orElseThrow()
                    .installment().paidAmount().amount());
        });
    }

    @Test
    void badRequestsAreProblemsAndAnotherTenantsAgreementOrPayerIsNotFound() {
        String payer = api.payer(api.sorriso, "Yara Souza");
        List<String> ids = overdueInstallments(payer);
        post(api.sorriso, "/api/billing/agreements/quote", payer, ids, 2, "1.001").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("downPayment"));
        post(api.sorriso, "/api/billing/agreements/quote", payer, List.of(), 2, null).statusCode(400)
                .body("errors[0].field", equalTo("installmentIds"));
        post(api.sorriso, "/api/billing/agreements/quote", payer, List.of(ids.get(0), ids.get(0)), 2, null).statusCode(400)
                .body("errors[0].field", equalTo("installmentIds"));
        post(api.sorriso, "/api/billing/agreements/quote", payer, ids, 0, null).statusCode(400)
                .body("errors[0].field", equalTo("installments"));
        post(api.sorriso, "/api/billing/agreements/quote", payer, List.of(UUID.randomUUID().toString()), 2, null).statusCode(404);
        post(api.visao, "/api/billing/agreements/quote", payer, ids, 2, null).statusCode(404);
        post(api.visao, "/api/billing/agreements", payer, ids, 2, null).statusCode(404);
        String agreement = post(api.sorriso, "/api/billing/agreements", payer, ids, 2, null).statusCode(201).extract().path("id");
        given().auth().oauth2(api.visao).get("/api/billing/agreements/" + agreement).then().statusCode(404);
        given().auth().oauth2(api.sorriso).get("/api/billing/agreements/" + agreement).then().statusCode(200);
    }
}
