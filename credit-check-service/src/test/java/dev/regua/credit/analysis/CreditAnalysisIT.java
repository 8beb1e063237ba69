package dev.regua.credit.analysis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.MoneyAmount;
import dev.regua.contract.Topics;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.credit.CreditAnalysisCompleted;
import dev.regua.credit.BureauSimulatorTestResource;
import dev.regua.credit.SimulatorAdmin;
import dev.regua.credit.TestTaxIds;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Credit analysis against real Kafka, PostgreSQL and Keycloak and the bureau simulator. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "creditcheck"))
@QuarkusTestResource(BureauSimulatorTestResource.class)
class CreditAnalysisIT {
    @Inject
    PlatformClock clock;

    @ConfigProperty(name = "regua.test.bureau-simulator.url")
    String simulatorUrl;

    @Test
    void aGoodScoreIsApprovedUpToTheLimitTheAnswerIsCachedAndEveryConsultationIsAudited() {
        clock.setTo(Instant.parse("2026-09-01T12:00:00Z"));
        String cpf = TestTaxIds.cpf();
        simulator().subject(cpf, 650, List.of());
        String id = analyse(cpf, "1000.00", 10).statusCode(201).body("decision", equalTo("APPROVED"))
                .body("approvedLimit", equalTo(3250.00f)).body("reasons", hasItem(startsWith("SCORE: 650")))
                .extract().path("id");
        analyse(cpf, "5000.00", 10).statusCode(201).body("decision", equalTo("APPROVED_WITH_LOWER_LIMIT"))
                .body("approvedLimit", equalTo(3250.00f)).body("reasons[0]", startsWith("AMOUNT_ABOVE_LIMIT"));
        assertEquals(1, simulator().requests(cpf, "REPORT").size(), "the second analysis reused the cached answer");

        given().auth().oauth2(token()).queryParam("taxId", cpf).get("/api/credit/consultations").then().statusCode(200)
                .body("size()", equalTo(2)).body("source", equalTo(List.of("CACHE", "BUREAU")))
                .body("purpose[0]", equalTo("INSTALLMENT_PLAN")).body("requestedBy[0]", equalTo("service-account-sorriso-integration"));
        given().auth().oauth2(token()).get("/api/credit/analyses/" + id).then().statusCode(200).body("score", equalTo(650));
        given().auth().oauth2(token()).queryParam("taxId", cpf).get("/api/credit/analyses").then().statusCode(200).body("size()", equalTo(2));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(kafka().readAll(Topics.CREDIT_EVENTS, Duration.ofSeconds(2))
                .stream().filter(r -> EventType.CREDIT_ANALYSIS_COMPLETED.type().equals(KafkaEvents.header(r, "ce_type")))
                .map(r -> EventCodec.fromJson(r.value(), CreditAnalysisCompleted.class))
                .anyMatch(e -> e.analysisId().equals(id) && e.decision().equals("APPROVED"))));

        String other = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(other).get("/api/credit/analyses/" + id).then().statusCode(404);
        given().auth().oauth2(other).queryParam("taxId", cpf).get("/api/credit/analyses").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(other).queryParam("taxId", cpf).get("/api/credit/consultations").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void restrictionsDenyALowScoreGoesToReviewAndAnUnavailableBureauGoesToReview() {
        clock.setTo(Instant.parse("2026-09-02T12:00:00Z"));
        String restricted = TestTaxIds.cpf();
        simulator().subject(restricted, 700, List.of(Map.of("creditor", "LOJA X", "amount", "180.00", "since", "2026-01-05")));
        analyse(restricted, "500.00", 5).statusCode(201).body("decision", equalTo("DENIED"))
                .body("reasons[0]", startsWith("BUREAU_RESTRICTIONS: 1 restriction(s) totalling 180.00"));

        String low = TestTaxIds.cpf();
        simulator().subject(low, 420, List.of());
        analyse(low, "500.00", 5).statusCode(201).body("decision", equalTo("MANUAL_REVIEW"))
                .body("reasons[0]", startsWith("SCORE_IN_REVIEW_BAND"));

        String unknown = TestTaxIds.cpf();
        simulator().failNext("SERASA", "REPORT", "HTTP_503", 1);
        analyse(unknown, "500.00", 5).statusCode(201).body("decision", equalTo("MANUAL_REVIEW"))
                .body("reasons[0]", startsWith("BUREAU_UNAVAILABLE"));
        given().auth().oauth2(token()).queryParam("taxId", unknown).get("/api/credit/consultations").then()
                .body("source", equalTo(List.of("FAILED")));
    }

    @Test
    void aPayerOverdueWithTheTenantIsDeniedFromItsOwnHistory() {
        clock.setTo(Instant.parse("2026-09-03T12:00:00Z"));
        String cpf = TestTaxIds.cpf();
        String payer = UUID.randomUUID().toString();
        simulator().subject(cpf, 800, List.of());
        PayerRegistered sample = GoldenSamples.payload(EventType.PAYER_REGISTERED, PayerRegistered.class);
        InstallmentView golden = GoldenSamples.payload(EventType.INSTALLMENT_OVERDUE, InstallmentOverdue.class).installment();
        InstallmentView view = new InstallmentView(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 1,
                MoneyAmount.brl(new BigDecimal("210.00")), LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 10), golden.terms(),
                "OVERDUE", golden.paidAmount());
        kafka().publish(KafkaEvents.Envelope.of(new PayerRegistered(UUID.randomUUID().toString(), "clinica-sorriso", payer, "Teresa",
                        cpf, "teresa@example.com", null, "SP", null, sample.address(), sample.consent(), null, List.of())),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), "clinica-sorriso", payer, view, LocalDate.of(2026, 8, 11))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> analyse(cpf, "300.00", 3).statusCode(201)
                .body("decision", equalTo("DENIED")).body("payerId", equalTo(payer))
                .body("reasons", hasItem(startsWith("OVERDUE_WITH_TENANT: 210.00"))));
    }

    @Test
    void badInputIsAProblemAndThePolicyIsTheTenantsOwn() {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("taxId", "123.456.789-00", "amount", "100.00", "installments", 3, "purpose", "CREDIT_SALE"))
                .post("/api/credit/analyses").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("taxId"));
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("taxId", TestTaxIds.cpf(), "amount", "100.00", "installments", 0, "purpose", "CREDIT_SALE"))
                .post("/api/credit/analyses").then().statusCode(400).body("errors[0].field", equalTo("installments"));
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("taxId", TestTaxIds.cpf(), "amount", "100.00", "installments", 2, "purpose", "CURIOSITY"))
                .post("/api/credit/analyses").then().statusCode(400);
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("taxId", TestTaxIds.cpf(), "amount", "100.00", "installments", 2))
                .post("/api/credit/analyses").then().statusCode(400).body("errors[0].field", equalTo("purpose"));

        Map<String, Object> strict = Map.of("denyBelowScore", 600, "reviewBelowScore", 700, "maxRestrictedAmount", "0.00",
                "maxOverdueWithTenant", "0.00", "minOnTimeShare", "0.8000", "maxInstallments", 12, "limitPerThousandScore", "2000.00");
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("denyBelowScore", 800, "reviewBelowScore", 700,
                        "maxRestrictedAmount", "0.00", "maxOverdueWithTenant", "0.00", "minOnTimeShare", "0.8000", "maxInstallments", 12,
                        "limitPerThousandScore", "2000.00"))
                .put("/api/credit/analysis-policy").then().statusCode(400).body("errors[0].field", equalTo("denyBelowScore"));
        String visao = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(visao).contentType(ContentType.JSON).body(strict).put("/api/credit/analysis-policy").then().statusCode(200);
        String cpf = TestTaxIds.cpf();
        simulator().subject(cpf, 650, List.of());
        given().auth().oauth2(visao).contentType(ContentType.JSON)
                .body(Map.of("taxId", cpf, "amount", "100.00", "installments", 2, "purpose", "CREDIT_SALE"))
                .post("/api/credit/analyses").then().statusCode(201).body("decision", equalTo("MANUAL_REVIEW"));
        analyse(cpf, "100.00", 2).statusCode(201).body("decision", equalTo("APPROVED"));
    }

    @Test
    void theLimitGrantedByAnApprovalIsUsedByOpenInstallmentsAndSaysWhetherANewPlanFits() {
        clock.setTo(Instant.parse("2026-09-04T12:00:00Z"));
        String cpf = TestTaxIds.cpf();
        String payer = UUID.randomUUID().toString();
        simulator().subject(cpf, 800, List.of());
        given().auth().oauth2(token()).queryParam("taxId", cpf).get("/api/credit/limits").then().statusCode(200)
                .body("status", equalTo("NO_ANALYSIS"));
        PayerRegistered sample = GoldenSamples.payload(EventType.PAYER_REGISTERED, PayerRegistered.class);
        InstallmentView golden = GoldenSamples.payload(EventType.INSTALLMENT_OVERDUE, InstallmentOverdue.class).installment();
        String contract = UUID.randomUUID().toString();
        List<KafkaEvents.Envelope> events = new java.util.ArrayList<>();
        events.add(KafkaEvents.Envelope.of(new PayerRegistered(UUID.randomUUID().toString(), "clinica-sorriso", payer, "Olga",
                cpf, "olga@example.com", null, "SP", null, sample.address(), sample.consent(), null, List.of())));
        for (int n = 1; n <= 2; n++) {
            events.add(KafkaEvents.Envelope.of(new dev.regua.contract.billing.InstallmentCreated(UUID.randomUUID().toString(),
                    "clinica-sorriso", payer, new InstallmentView(UUID.randomUUID().toString(), contract, n, 2,
                    MoneyAmount.brl(new BigDecimal("500.00")), LocalDate.of(2026, 9 + n, 10), LocalDate.of(2026, 9 + n, 10),
                    golden.terms(), "OPEN", MoneyAmount.brl(BigDecimal.ZERO)))));
        }
        kafka().publish(events.toArray(KafkaEvents.Envelope[]::new));
        analyse(cpf, "1000.00", 2).statusCode(201).body("decision", equalTo("APPROVED")).body("approvedLimit", equalTo(4000.00f));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token())
                .queryParam("taxId", cpf).queryParam("amount", "3500.00").get("/api/credit/limits").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("payerId", equalTo(payer)).body("limit", equalTo(4000.00f))
                .body("used", equalTo(1000.00f)).body("available", equalTo(3000.00f)).body("fits", equalTo(false)));
        given().auth().oauth2(token()).queryParam("amount", "3000.00").get("/api/credit/payers/" + payer + "/limit").then()
                .statusCode(200).body("fits", equalTo(true));
        given().auth().oauth2(token()).queryParam("taxId", cpf).queryParam("amount", "abc").get("/api/credit/limits").then()
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        given().auth().oauth2(token()).get("/api/credit/limits").then().statusCode(400).body("errors[0].field", equalTo("taxId"));
        String visao = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(visao).queryParam("taxId", cpf).get("/api/credit/limits").then().statusCode(200)
                .body("status", equalTo("NO_ANALYSIS")).body("payerId", equalTo(null));

        clock.setTo(Instant.parse("2027-04-01T12:00:00Z")); // past the 180-day validity
        given().auth().oauth2(token()).queryParam("taxId", cpf).get("/api/credit/limits").then().body("status", equalTo("EXPIRED"));
    }

    private ValidatableResponse analyse(String taxId, String amount, int installments) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("taxId", taxId, "amount", amount, "installments", installments, "purpose", "INSTALLMENT_PLAN"))
                .post("/api/credit/analyses").then();
    }

    private SimulatorAdmin simulator() {
        return new SimulatorAdmin(simulatorUrl);
    }

    private static String token() {
        return KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
    }

    private static KafkaEvents kafka() {
        return new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
    }
}
