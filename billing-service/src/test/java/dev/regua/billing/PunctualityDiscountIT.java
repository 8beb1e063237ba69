package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.ContractActivated;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The desconto de pontualidade, from the tenant's default rule or the contract's own term, reaches every installment:
 * the quote, a payment of the discounted amount on time, the statement and the published events all use it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class PunctualityDiscountIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");

    @Inject
    PlatformClock clock;

    private BillingFixtures api;

    @BeforeEach
    void setUp() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        api = new BillingFixtures("SCHOOL", Map.of("punctualityDiscount", Map.of("percent", 5, "daysBeforeDueDate", 2)));
    }

    private io.restassured.response.ValidatableResponse quote(String installment, String date) {
        return given().auth().oauth2(api.sorriso).queryParam("date", date)
                .get("/api/billing/installments/" + installment + "/amount-due").then().statusCode(200);
    }

    @Test
    void theTenantsDiscountReachesTheQuoteAPaymentOnTimeTheStatementAndTheEvents() {
        String payer = api.payer(api.sorriso, "Rita Prado");
        // R$ 400,00 due Tue 2026-03-10 and Fri 2026-04-10; 5 % off until two days before: Sun 03-08 (so Mon 03-09), Wed 04-08
        List<String> ids = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", "800.00", "installments", 2, "firstDueDate", "2026-03-10"))
                .post("/api/billing/installment-plans").then().statusCode(201)
                .body("installments.punctualityDiscountPercent", contains(5, 5))
                .body("installments.punctualityDiscountUntil", contains("2026-03-08", "2026-04-08"))
                .extract().path("installments.id");

        quote(ids.get(0), "2026-03-09").body("discount", equalTo(20.00f)).body("total", equalTo(380.00f));
        quote(ids.get(0), "2026-03-10").body("discount", equalTo(0.00f)).body("total", equalTo(400.00f));
        quote(ids.get(0), "2026-03-11").body("discount", equalTo(0.00f)).body("fine", equalTo(8.00f))
                .body("total", equalTo(408.13f));

        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("amount", "380.00", "method", "PIX", "externalId", "E-rita-1"))
                .post("/api/billing/installments/" + ids.get(0) + "/payments").then().statusCode(201)
                .body("allocations.amount", contains(380.00f)).body("allocations.installmentStatus", contains("PAID"))
                .body("creditLeft", equalTo(0.00f));

        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/statement").then().statusCode(200)
                .body("installments.status", contains("PAID", "OPEN"))
                .body("installments.discount", contains(0.00f, 20.00f))
                .body("installments.dueToday", contains(0.00f, 380.00f))
                .body("outstandingToday", equalTo(380.00f))
                .body("punctuality.onTime", equalTo(1));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<RegisteredEvent> events = BillingFixtures.eventsFor(payer);
            ContractActivated contract = BillingFixtures.only(events, ContractActivated.class).get(0);
            assertEquals(0, new BigDecimal("5").compareTo(contract.terms().punctualityDiscountPercent()));
            assertEquals(2, contract.terms().punctualityDiscountDaysBeforeDueDate());
            List<InstallmentCreated> created = BillingFixtures.only(events, InstallmentCreated.class);
            assertEquals(List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 4, 8)),
                    created.stream().map(c -> c.installment().terms().punctualityDiscountUntil()).toList());
            InstallmentPaid paid = BillingFixtures.only(events, InstallmentPaid.class).get(0);
            assertEquals("380.00", paid.amountPaid().amount());
            assertEquals("PAID", paid.installment().status());
            assertEquals(0, new BigDecimal("5").compareTo(paid.installment().terms().punctualityDiscountPercent()));
        });
    }

    @Test
    void aContractsOwnDiscountReplacesTheTenantDefaultAndPercentZeroMeansNone() {
        String payer = api.payer(api.sorriso, "Saulo Reis");
        String own = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "200.00", "dueDate", "2026-03-20",
                        "punctualityDiscount", Map.of("percent", "10.00")))
                .post("/api/billing/one-off-charges").then().statusCode(201)
                .body("installments[0].punctualityDiscountPercent", equalTo(10))
                .body("installments[0].punctualityDiscountUntil", equalTo("2026-03-20"))
                .extract().path("contractId");
        given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + own).then().statusCode(200)
                .body("punctualityDiscount.percent", equalTo(10.0f)).body("punctualityDiscount.daysBeforeDueDate", equalTo(0));
        String ownInstallment = given().auth().oauth2(api.sorriso).get("/api/billing/contracts/" + own).then()
                .extract().path("installments[0].id");
        quote(ownInstallment, "2026-03-20").body("discount", equalTo(20.00f)).body("total", equalTo(180.00f));

        String none = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "200.00", "dueDate", "2026-03-20",
                        "punctualityDiscount", Map.of("percent", 0)))
                .post("/api/billing/one-off-charges").then().statusCode(201)
                .body("installments[0].punctualityDiscountPercent", nullValue())
                .extract().path("installments[0].id");
        quote(none, "2026-03-02").body("discount", equalTo(0.00f)).body("total", equalTo(200.00f));

        // a monthly fee without a term of its own takes the tenant's rule, each month dated from its due day
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "monthlyAmount", "300.00", "dueDay", 15, "startMonth", "2026-03", "endMonth", "2026-04"))
                .post("/api/billing/monthly-fees").then().statusCode(201)
                .body("generated.punctualityDiscountUntil", contains("2026-03-13", "2026-04-13"));

        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "200.00", "dueDate", "2026-03-20",
                        "punctualityDiscount", Map.of("percent", "100")))
                .post("/api/billing/one-off-charges").then().statusCode(400);
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "200.00", "dueDate", "2026-03-20",
                        "punctualityDiscount", Map.of("percent", "5", "daysBeforeDueDate", 31)))
                .post("/api/billing/one-off-charges").then().statusCode(400);
    }

    @Test
    void anotherTenantWithoutADefaultRuleGrantsNoDiscount() {
        BillingFixtures plain = new BillingFixtures("SCHOOL");
        String payer = plain.payer(plain.visao, "Tiago Luz");
        String id = given().auth().oauth2(plain.visao).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "200.00", "dueDate", "2026-03-20"))
                .post("/api/billing/one-off-charges").then().statusCode(201)
                .body("installments[0].punctualityDiscountPercent", nullValue())
                .extract().path("installments[0].id");
        given().auth().oauth2(plain.visao).queryParam("date", "2026-03-02").get("/api/billing/installments/" + id + "/amount-due")
                .then().statusCode(200).body("discount", equalTo(0.00f)).body("total", equalTo(200.00f));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + id + "/amount-due").then().statusCode(404);
    }
}
