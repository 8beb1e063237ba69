package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.Topics;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.LocalInfra;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import dev.regua.testing.KafkaEvents;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant settings: the place (state, city) whose bank holidays move due dates, and the rules plans follow. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class TenantCalendarIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");

    @Inject
    PlatformClock clock;

    private String sorriso;
    private String visao;

    @BeforeEach
    void tokens() {
        LocalInfra infra = LocalInfraTestResource.infra();
        sorriso = KeycloakTokens.clientCredentials(infra.realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        visao = KeycloakTokens.clientCredentials(infra.realmUrl(), "visao-integration", "visao-integration-secret");
        clock.setTo(MONDAY_NOON_SAO_PAULO);
    }

    private static Map<String, Object> settings(String city, String state, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "legalName", "Clínica Odontológica Sorriso Ltda", "cnpj", "11.222.333/0001-81", "timeZone", "America/Sao_Paulo",
                "vertical", "CLINIC", "finePercent", 2, "monthlyInterestPercent", 1,
                "address", Map.of("street", "Rua das Flores", "number", "100", "city", city, "state", state,
                        "postalCode", "13010-000")));
        body.putAll(extra);
        return body;
    }

    private io.restassured.response.ValidatableResponse put(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/billing/settings").then();
    }

    private String payer(String token, String taxId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Paciente Calendário", "taxId", taxId, "state", "SP"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse plan(String token, String payerId, String total, int count, String first) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("payerId", payerId, "totalAmount", total, "installments", count, "firstDueDate", first))
                .post("/api/billing/installment-plans").then();
    }

    @Test
    void aDueDateOnAStateHolidayOfTheTenantsStateMovesToTheNextBusinessDayAndPayingThenIsOnTime() {
        put(sorriso, settings("Campinas", "SP", Map.of("cityIbgeCode", "3509502"))).statusCode(200)
                .body("state", equalTo("SP")).body("city", equalTo("Campinas")).body("remainderPolicy", equalTo("FIRST"));
        put(visao, settings("Rio de Janeiro", "RJ", Map.of())).statusCode(200).body("state", equalTo("RJ"));

        // 9 July 2026 (Thursday) is a São Paulo state holiday (Revolução Constitucionalista), not one in Rio
        String sp = payer(sorriso, "526.018.159-06");
        String installment = plan(sorriso, sp, "300.00", 1, "2026-07-09").statusCode(201)
                .body("installments[0].originalDueDate", equalTo("2026-07-09"))
                .body("installments[0].dueDate", equalTo("2026-07-10")).extract().path("installments[0].id");
        given().auth().oauth2(sorriso).queryParam("date", "2026-07-10").get("/api/billing/installments/" + installment + "/amount-due")
                .then().statusCode(200).body("fine", equalTo(0.0f)).body("total", equalTo(300.00f))
                .body("effectiveDueDate", equalTo("2026-07-10"));
        String rj = payer(visao, "526.018.159-06");
        plan(visao, rj, "300.00", 1, "2026-07-09").statusCode(201).body("installments[0].dueDate", equalTo("2026-07-09"));
        // 23 April 2026 (Thursday) is São Jorge in Rio
        plan(visao, rj, "300.00", 1, "2026-04-23").statusCode(201).body("installments[0].dueDate", equalTo("2026-04-24"));
        plan(sorriso, sp, "300.00", 1, "2026-04-23").statusCode(201).body("installments[0].dueDate", equalTo("2026-04-23"));

        // each tenant sees its own calendar
        given().auth().oauth2(sorriso).queryParam("year", 2026).get("/api/billing/settings/calendar").then().statusCode(200)
                .body("holidays.date", hasItem("2026-07-09")).body("holidays.date", not(hasItem("2026-04-23")));
        given().auth().oauth2(visao).queryParam("year", 2026).get("/api/billing/settings/calendar").then().statusCode(200)
                .body("holidays.date", hasItem("2026-04-23")).body("holidays.date", not(hasItem("2026-07-09")));
    }

    @Test
    void aCityHolidayAddedToTheSettingsMovesDueDatesAndTheLastDayWithoutCharges() {
        put(sorriso, settings("Campinas", "SP", Map.of())).statusCode(200);
        String payerId = payer(sorriso, "153.509.460-56");
        // 8 December 2026 is a Tuesday: a business day until the city lists it
        plan(sorriso, payerId, "100.00", 1, "2026-12-08").statusCode(201).body("installments[0].dueDate", equalTo("2026-12-08"));

        put(sorriso, settings("Campinas", "SP", Map.of("cityIbgeCode", "3509502", "cityHolidays", List.of(
                Map.of("monthDay", "12-08", "name", "Nossa Senhora da Conceição"),
                Map.of("date", "2026-11-03", "name", "Ponto facultativo decretado"))))).statusCode(200)
                .body("cityHolidays.name", hasItems("Nossa Senhora da Conceição", "Ponto facultativo decretado"));
        String id = plan(sorriso, payerId, "100.00", 1, "2026-12-08").statusCode(201)
                .body("installments[0].dueDate", equalTo("2026-12-09")).extract().path("installments[0].id");
        plan(sorriso, payerId, "100.00", 1, "2026-11-03").statusCode(201).body("installments[0].dueDate", equalTo("2026-11-04"));
        plan(sorriso, payerId, "100.00", 1, "2027-12-08").statusCode(201).body("installments[0].dueDate", equalTo("2027-12-09"));
        given().auth().oauth2(sorriso).queryParam("date", "2026-12-09").get("/api/billing/installments/" + id + "/amount-due")
                .then().statusCode(200).body("total", equalTo(100.00f)).body("daysLate", equalTo(0));
        given().auth().oauth2(sorriso).queryParam("date", "2026-12-10").get("/api/billing/installments/" + id + "/amount-due")
                .then().statusCode(200).body("fine", equalTo(2.00f)).body("daysLate", equalTo(1));
        given().auth().oauth2(sorriso).get("/api/billing/settings").then().statusCode(200)
                .body("cityIbgeCode", equalTo("3509502")).body("cityHolidays[0].monthDay", equalTo("12-08"))
                .body("cityHolidays[1].date", equalTo("2026-11-03"));
        // the other tenant's calendar does not get the city's holiday
        put(visao, settings("Rio de Janeiro", "RJ", Map.of())).statusCode(200);
        given().auth().oauth2(visao).queryParam("year", 2026).get("/api/billing/settings/calendar").then().statusCode(200)
                .body("holidays.date", not(hasItem("2026-12-08")));
    }

    @Test
    void changingTheCalendarStillAnnouncesTheTenantProfile() {
        String key = Topics.tenantKey("clinica-sorriso");
        put(sorriso, settings("Campinas", "SP", Map.of())).statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> profileEvents(key) > 0);
        int before = profileEvents(key);
        put(sorriso, settings("Campinas", "SP", Map.of("cityHolidays", List.of(Map.of("monthDay", "12-08", "name", "Conceição")))))
                .statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(before + 1, profileEvents(key)));
    }

    private int profileEvents(String key) {
        int n = 0;
        for (ConsumerRecord<String, String> r : new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers())
                .readAll(Topics.BILLING_EVENTS, Duration.ofSeconds(4))) {
            if (key.equals(r.key()) && "dev.regua.billing.tenant-profile.updated.v1".equals(KafkaEvents.header(r, CloudEventHeaders.TYPE))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theRemainderCentsGoWhereTheTenantChoseAndTheDiscountRuleIsKept() {
        put(sorriso, settings("Campinas", "SP", Map.of("remainderPolicy", "LAST", "vertical", "SCHOOL",
                "punctualityDiscount", Map.of("percent", "5", "daysBeforeDueDate", 3)))).statusCode(200)
                .body("remainderPolicy", equalTo("LAST")).body("vertical", equalTo("SCHOOL"))
                .body("punctualityDiscount.percent", equalTo(5)).body("punctualityDiscount.daysBeforeDueDate", equalTo(3));
        String payerId = payer(sorriso, "083.016.613-05");
        plan(sorriso, payerId, "100.00", 3, "2026-03-10").statusCode(201)
                .body("installments.nominal", org.hamcrest.Matchers.contains(33.33f, 33.33f, 33.34f));
        put(sorriso, settings("Campinas", "SP", Map.of())).statusCode(200).body("remainderPolicy", equalTo("FIRST"))
                .body("punctualityDiscount", org.hamcrest.Matchers.nullValue());
        plan(sorriso, payerId, "100.00", 3, "2026-03-10").statusCode(201)
                .body("installments.nominal", org.hamcrest.Matchers.contains(33.34f, 33.33f, 33.33f));
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndChangeNothing() {
        put(sorriso, settings("Campinas", "SP", Map.of("cityHolidays", List.of(Map.of("monthDay", "01-25", "name", "Aniversário")))))
                .statusCode(200);
        put(sorriso, settings("Campinas", "SP", Map.of("state", "XX"))).statusCode(400).body("errors[0].field", equalTo("state"));
        put(sorriso, settings("Campinas", "SP", Map.of("cityIbgeCode", "3304557"))).statusCode(400)
                .body("errors[0].field", equalTo("cityIbgeCode"));
        put(sorriso, settings("Campinas", "SP", Map.of("cityIbgeCode", "35095"))).statusCode(400)
                .body("errors[0].field", equalTo("cityIbgeCode"));
        put(sorriso, settings("Campinas", "SP", Map.of("cityHolidays", List.of(Map.of("monthDay", "02-30", "name", "x")))))
                .statusCode(400).body("errors[0].field", equalTo("cityHolidays[0].monthDay"));
        put(sorriso, settings("Campinas", "SP", Map.of("cityHolidays", List.of(Map.of("monthDay", "12-08", "date", "2026-12-08", "name", "x")))))
                .statusCode(400).body("errors[0].field", equalTo("cityHolidays[0]"));
        put(sorriso, settings("Campinas", "SP", Map.of("cityHolidays", List.of(Map.of("monthDay", "12-08")))))
                .statusCode(400).body("errors[0].field", equalTo("cityHolidays[0].name"));
        put(sorriso, settings("Campinas", "SP", Map.of("punctualityDiscount", Map.of("percent", 100))))
                .statusCode(400).body("errors[0].field", equalTo("punctualityDiscount.percent"));
        put(sorriso, settings("Campinas", "SP", Map.of("punctualityDiscount", Map.of("percent", 5, "daysBeforeDueDate", 31))))
                .statusCode(400).body("errors[0].field", equalTo("punctualityDiscount.daysBeforeDueDate"));
        put(sorriso, settings("Campinas", "SP", Map.of("remainderPolicy", "MIDDLE"))).statusCode(400)
                .body("errors[0].field", equalTo("remainderPolicy"));
        put(sorriso, settings("Campinas", "SP", Map.of("vertical", "BAKERY"))).statusCode(400)
                .body("errors[0].field", equalTo("vertical"));
        put(sorriso, settings("Campinas", "SP", Map.of("monthlyInterestPercent", "1.5"))).statusCode(422)
                .body("rule", equalTo("CC art. 406 / Súmula 121 STF"));
        given().auth().oauth2(sorriso).queryParam("year", "abc").get("/api/billing/settings/calendar").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().auth().oauth2(sorriso).queryParam("year", "1800").get("/api/billing/settings/calendar").then().statusCode(400);
        given().auth().oauth2(sorriso).get("/api/billing/settings").then().statusCode(200)
                .body("cityHolidays.size()", equalTo(1)).body("cityHolidays[0].monthDay", equalTo("01-25"))
                .body("remainderPolicy", equalTo("FIRST"));
    }
}
