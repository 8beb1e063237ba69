package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.contract.billing.PaymentReversed;
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

/** Payments to installments and payers, credit, the (method, external id) guard and reversal, over the REST API. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class PaymentsIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");

    @Inject
    PlatformClock clock;

    private BillingFixtures api;

    @BeforeEach
    void setUp() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        api = new BillingFixtures();
    }

    private List<String> plan(String payer, String total, int count, String firstDueDate) {
        return given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", total, "installments", count, "firstDueDate", firstDueDate))
                .post("/api/billing/installment-plans").then().statusCode(201).extract().path("installments.id");
    }

    private io.restassured.response.ValidatableResponse payPayer(String token, String payer, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/billing/payers/" + payer + "/payments").then();
    }

    @Test
    void aPayerPaymentGoesToTheOldestInstallmentsFirstAndTheExcessIsCreditUsedByTheNextCharge() {
        String payer = api.payer(api.sorriso, "Olga Matos");
        List<String> ids = plan(payer, "900.00", 3, "2026-03-10");
        String first = payPayer(api.sorriso, payer, Map.of("amount", "700.00", "method", "PIX", "externalId", "E-olga-1"))
                .statusCode(201).body("allocations.installmentId", contains(ids.get(0), ids.get(1), ids.get(2)))
                .body("allocations.amount", contains(300.00f, 300.00f, 100.00f))
                .body("allocations.installmentStatus", contains("PAID", "PAID", "PARTIALLY_PAID"))
                .body("creditLeft", equalTo(0.00f)).extract().path("paymentId");
        String second = payPayer(api.sorriso, payer, Map.of("amount", "250.00", "method", "BOLETO", "externalId", "boleto-olga-2"))
                .statusCode(201).body("allocations.amount", contains(200.00f)).body("creditLeft", equalTo(50.00f))
                .body("payerCreditBalance", equalTo(50.00f)).extract().path("paymentId");
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/credit").then().statusCode(200)
                .body("balance", equalTo(50.00f)).body("sources[0].paymentId", equalTo(second));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/statement").then().statusCode(200)
                .body("creditBalance", equalTo(50.00f)).body("payments", hasSize(2)).body("outstandingToday", equalTo(0.00f));

        // the next charge consumes the credit
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "80.00", "dueDate", "2026-04-10"))
                .post("/api/billing/one-off-charges").then().statusCode(201)
                .body("installments[0].status", equalTo("PARTIALLY_PAID")).body("installments[0].paidAmount", equalTo(50.00f));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/credit").then().body("balance", equalTo(0.00f));
        given().auth().oauth2(api.sorriso).get("/api/billing/payments/" + first).then().statusCode(200)
                .body("allocations", hasSize(3)).body("creditLeft", equalTo(0.00f));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(
                "dev.regua.billing.payer.registered.v1", "dev.regua.billing.contract.activated.v1",
                "dev.regua.billing.installment.created.v1", "dev.regua.billing.installment.created.v1",
                "dev.regua.billing.installment.created.v1", "dev.regua.billing.installment.paid.v1",
                "dev.regua.billing.installment.paid.v1", "dev.regua.billing.installment.partially-paid.v1",
                "dev.regua.billing.installment.paid.v1", "dev.regua.billing.contract.activated.v1",
                "dev.regua.billing.installment.created.v1", "dev.regua.billing.installment.partially-paid.v1"),
                BillingFixtures.typesFor(payer)));
        var partial = BillingFixtures.only(BillingFixtures.eventsFor(payer), InstallmentPartiallyPaid.class);
        assertEquals(second, partial.get(1).paymentId(), "the credit keeps the payment it came from");
        assertEquals("50.00", partial.get(1).amountPaid().amount());
    }

    @Test
    void creditLeftByAnOverpaymentPaysTheNextMonthlyFeeTheJobGenerates() {
        String payer = api.payer(api.sorriso, "Nair Bastos");
        String fee = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "monthlyAmount", "200.00", "dueDay", 10, "startMonth", "2026-03"))
                .post("/api/billing/monthly-fees").then().statusCode(201).body("generated.size()", equalTo(3))
                .extract().path("contractId");
        payPayer(api.sorriso, payer, Map.of("amount", "650.00", "method", "TRANSFER", "externalId", "ted-nair"))
                .statusCode(201).body("creditLeft", equalTo(50.00f));
        clock.setTo(Instant.parse("2026-04-02T15:00:00Z")); // the job generates June; the credit goes to it
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + fee).then()
                        .body("installments.size()", equalTo(4))
                        .body("installments[3].originalDueDate", equalTo("2026-06-10"))
                        .body("installments[3].status", equalTo("PARTIALLY_PAID"))
                        .body("installments[3].paidAmount", equalTo(50.00f)));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/credit").then().body("balance", equalTo(0.00f));
    }

    @Test
    void theSameMethodAndExternalIdIsAppliedOnceAndARepeatAnswersTheOriginalPayment() {
        String payer = api.payer(api.sorriso, "Pedro Luz");
        List<String> ids = plan(payer, "600.00", 2, "2026-03-10");
        Map<String, Object> pix = Map.of("amount", "300.00", "method", "PIX", "externalId", "E-pedro-" + UUID.randomUUID());
        String original = payPayer(api.sorriso, payer, pix).statusCode(201).body("alreadyRecorded", equalTo(false)).extract().path("paymentId");
        payPayer(api.sorriso, payer, pix).statusCode(200).body("alreadyRecorded", equalTo(true)).body("paymentId", equalTo(original));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(pix)
                .post("/api/billing/installments/" + ids.get(1) + "/payments").then().statusCode(200)
                .body("alreadyRecorded", equalTo(true)).body("paymentId", equalTo(original));
        payPayer(api.sorriso, payer, Map.of("amount", "299.00", "method", "PIX", "externalId", pix.get("externalId")))
                .statusCode(422).body("rule", equalTo("payment-external-id-unique"));
        // the same external id under another method is another payment
        payPayer(api.sorriso, payer, Map.of("amount", "300.00", "method", "BOLETO", "externalId", pix.get("externalId")))
                .statusCode(201);
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/statement").then()
                .body("payments", hasSize(2)).body("installments.status", contains("PAID", "PAID"))
                .body("creditBalance", equalTo(0.00f));
    }

    @Test
    void namedInstallmentsArePaidInTheGivenOrderAndAnInstallmentOverpaymentIsKeptAsCredit() {
        String payer = api.payer(api.sorriso, "Quitéria Sá");
        List<String> ids = plan(payer, "900.00", 3, "2026-03-10");
        payPayer(api.sorriso, payer, Map.of("amount", "300.00", "method", "CASH", "externalId", "caixa-1",
                "installmentIds", List.of(ids.get(2))))
                .statusCode(201).body("allocations.installmentId", contains(ids.get(2)));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("amount", "350.00", "method", "CARD", "externalId", "ch_quiteria"))
                .post("/api/billing/installments/" + ids.get(0) + "/payments").then().statusCode(201)
                .body("installment.status", equalTo("PAID")).body("creditLeft", equalTo(50.00f))
                .body("payerCreditBalance", equalTo(50.00f));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("amount", "10.00", "method", "CARD", "externalId", "ch_quiteria_2"))
                .post("/api/billing/installments/" + ids.get(0) + "/payments").then().statusCode(422)
                .body("rule", equalTo("installment-settled"));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/installments").then()
                .body("items.status", contains("PAID", "OPEN", "PAID"));
    }

    @Test
    void aReversedPaymentMakesWhatItPaidOwedAgainWithTheStatusTheFactsGive() {
        String payer = api.payer(api.sorriso, "Renata Dias");
        List<String> ids = plan(payer, "600.00", 2, "2026-03-10");
        clock.setTo(Instant.parse("2026-03-11T12:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(0)).then().body("status", equalTo("OVERDUE")));
        // 306.10 settles the first (fine and a day of interest); 10.00 of credit goes on to the second
        String payment = payPayer(api.sorriso, payer, Map.of("amount", "316.10", "method", "CARD", "externalId", "ch_renata"))
                .statusCode(201).body("allocations.amount", contains(306.10f, 10.00f)).extract().path("paymentId");

        clock.setTo(Instant.parse("2026-03-20T12:00:00Z"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).header("Idempotency-Key", "rev-" + payment)
                .body(Map.of("reason", "chargeback")).post("/api/billing/payments/" + payment + "/reversal").then().statusCode(200)
                .body("reversedOn", equalTo("2026-03-20")).body("allocations.reversed", contains(true, true))
                .body("creditLeft", equalTo(0.00f));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(422)
                .body("rule", equalTo("payment-already-reversed"));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(0)).then()
                .body("status", equalTo("OVERDUE")).body("paidAmount", equalTo(0.00f));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(1)).then()
                .body("status", equalTo("OPEN")).body("paidAmount", equalTo(0.00f));
        given().auth().oauth2(api.sorriso).queryParam("date", "2026-03-20").get("/api/billing/installments/" + ids.get(0) + "/amount-due")
                .then().body("total", equalTo(307.00f)); // 300 + 6.00 fine + 10 days of 1 % a month (1.00)

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var reversed = BillingFixtures.only(BillingFixtures.eventsFor(payer), PaymentReversed.class);
            assertEquals(1, reversed.size());
            assertEquals(payment, reversed.get(0).paymentId());
            assertEquals("316.10", reversed.get(0).amount().amount());
            assertEquals(List.of("OVERDUE", "OPEN"), reversed.get(0).installments().stream().map(i -> i.status()).toList());
            assertEquals("chargeback", reversed.get(0).reason());
        });
    }

    @Test
    void aPartialReversalTakesBackTheCreditFirstThenTheNewestAllocationAndTheRestLater() {
        String payer = api.payer(api.sorriso, "Sérgio Antunes");
        List<String> ids = plan(payer, "600.00", 2, "2026-03-10");
        // 300.00 to each installment, 100.00 left as credit
        String payment = payPayer(api.sorriso, payer, Map.of("amount", "700.00", "method", "CARD", "externalId", "ch_sergio"))
                .statusCode(201).body("allocations.amount", contains(300.00f, 300.00f)).body("creditLeft", equalTo(100.00f))
                .extract().path("paymentId");

        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "contestação parcial", "amount", "250.00"))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(200)
                .body("reversedAmount", equalTo(250.00f)).body("reversedOn", equalTo(null))
                .body("creditLeft", equalTo(0.00f)).body("payerCreditBalance", equalTo(0.00f))
                .body("allocations.installmentId", contains(ids.get(0), ids.get(1), ids.get(1)))
                .body("allocations.amount", contains(300.00f, 300.00f, 150.00f))
                .body("allocations.reversed", contains(false, true, false));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(0)).then()
                .body("status", equalTo("PAID")).body("paidAmount", equalTo(300.00f));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(1)).then()
                .body("status", equalTo("PARTIALLY_PAID")).body("paidAmount", equalTo(150.00f));

        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "x", "amount", "450.01"))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(422)
                .body("rule", equalTo("reversal-exceeds-payment"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "x", "amount", "0"))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "x", "amount", "1.001"))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(400).body("errors[0].field", equalTo("amount"));

        // without an amount: the rest (450.00)
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "chargeback"))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(200)
                .body("reversedAmount", equalTo(700.00f)).body("reversedOn", equalTo("2026-03-02"))
                .body("allocations.reversed", everyItem(equalTo(true)));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/installments").then()
                .body("items.status", contains("OPEN", "OPEN")).body("items.paidAmount", contains(0.00f, 0.00f));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", "again", "amount", "1.00"))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(422)
                .body("rule", equalTo("payment-already-reversed"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var reversed = BillingFixtures.only(BillingFixtures.eventsFor(payer), PaymentReversed.class);
            assertEquals(List.of("250.00", "450.00"), reversed.stream().map(r -> r.reversedAmount().amount()).toList());
            assertEquals(List.of("700.00", "700.00"), reversed.stream().map(r -> r.amount().amount()).toList());
            assertEquals(List.of(ids.get(1)), reversed.get(0).installments().stream().map(i -> i.installmentId()).toList());
            assertEquals("150.00", reversed.get(0).installments().get(0).paidAmount().amount());
            assertEquals(List.of("OPEN", "OPEN"), reversed.get(1).installments().stream().map(i -> i.status()).toList());
        });
    }

    @Test
    void badPaymentsAreProblemsAndAnotherTenantsPayerOrPaymentIsNotFound() {
        String payer = api.payer(api.sorriso, "Sérgio Lins");
        String other = api.payer(api.sorriso, "Outra Pessoa");
        List<String> ids = plan(payer, "300.00", 1, "2026-03-10");
        List<String> othersIds = plan(other, "300.00", 1, "2026-03-10");
        payPayer(api.sorriso, payer, Map.of("amount", "1.001", "method", "PIX", "externalId", "x1"))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("amount"));
        payPayer(api.sorriso, payer, Map.of("amount", "1.00", "method", "BITCOIN", "externalId", "x1"))
                .statusCode(400).body("errors[0].field", equalTo("method"));
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body("{\"amount\":1,\"method\":\"PIX\",\"externalId\":\"x1\",\"paidOn\":\"2026-02-30\"}")
                .post("/api/billing/payers/" + payer + "/payments").then().statusCode(400).body("errors[0].field", equalTo("paidOn"));
        payPayer(api.sorriso, payer, Map.of("amount", "1.00", "method", "PIX", "externalId", "x1",
                "installmentIds", List.of(ids.get(0), ids.get(0)))).statusCode(400).body("errors[0].field", equalTo("installmentIds"));
        payPayer(api.sorriso, payer, Map.of("amount", "1.00", "method", "PIX", "externalId", "x1",
                "installmentIds", List.of(othersIds.get(0)))).statusCode(404);
        payPayer(api.visao, payer, Map.of("amount", "1.00", "method", "PIX", "externalId", "x1")).statusCode(404);
        given().auth().oauth2(api.visao).get("/api/billing/payers/" + payer + "/credit").then().statusCode(404);

        String payment = payPayer(api.sorriso, payer, Map.of("amount", "1.00", "method", "PIX", "externalId", "x1"))
                .statusCode(201).extract().path("paymentId");
        given().auth().oauth2(api.visao).get("/api/billing/payments/" + payment).then().statusCode(404);
        given().auth().oauth2(api.visao).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(404);
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/billing/payments/" + payment + "/reversal").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(api.sorriso).get("/api/billing/payments/" + payment).then().statusCode(200).body("reversedOn", equalTo(null));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/statement").then().body("payments", hasSize(1));
    }
}
