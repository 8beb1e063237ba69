package dev.regua.credit.limit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.ChargeTermsView;
import dev.regua.contract.billing.ContractActivated;
import dev.regua.contract.billing.ContractCancelled;
import dev.regua.contract.billing.InstallmentCancelled;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.credit.BureauSimulatorTestResource;
import dev.regua.credit.TestTaxIds;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Managed credit limits against real Kafka, PostgreSQL and Keycloak: staff (or a tenant admin) set a payer's limit, billing's contract
 * and installment events make the exposure of its open plans, and the availability check answers whether a new
 * plan fits.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "creditcheck"))
@QuarkusTestResource(BureauSimulatorTestResource.class)
class ManagedLimitIT {
    private static final String TENANT = "clinica-sorriso";

    @Inject
    PlatformClock clock;

    private final String payer = UUID.randomUUID().toString();
    private final String plan = UUID.randomUUID().toString();
    private final List<String> installments = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
            UUID.randomUUID().toString());

    @Test
    void staffSetALimitThatOpenPlansConsumeAndTheAvailabilityCheckSaysWhetherANewPlanFits() {
        clock.setTo(Instant.parse("2026-09-10T12:00:00Z"));
        String cpf = TestTaxIds.cpf();
        PayerRegistered sample = GoldenSamples.payload(EventType.PAYER_REGISTERED, PayerRegistered.class);
        List<RegisteredEvent> events = new ArrayList<>();
        events.add(new PayerRegistered(UUID.randomUUID().toString(), TENANT, payer, "Helena", cpf, "helena@example.com", null, "SP",
                null, sample.address(), sample.consent(), null, List.of()));
        events.add(new ContractActivated(UUID.randomUUID().toString(), TENANT, payer, plan, "INSTALLMENT_PLAN", null, terms(),
                MoneyAmount.brl(new BigDecimal("1200.00")), 3, LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 10)));
        publish(events.toArray(RegisteredEvent[]::new));
        // the plan's installments are not known yet: its whole total is reserved
        awaitAvailability("1.00", "exposure", 1200.00f);

        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("amount", "-1.00", "reason", "x"))
                .put("/api/credit/payers/" + payer + "/limit").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"));
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("amount", "2000.00", "reason", " "))
                .put("/api/credit/payers/" + payer + "/limit").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("amount", "100.00", "reason", "x"))
                .put("/api/credit/payers/" + UUID.randomUUID() + "/limit").then().statusCode(404);
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("amount", "2000.00", "reason", "good customer since 2019"))
                .put("/api/credit/payers/" + payer + "/limit").then().statusCode(200)
                .body("source", equalTo("MANAGED")).body("limit", equalTo(2000.00f)).body("available", equalTo(800.00f));

        for (int n = 0; n < 3; n++) {
            publish(new InstallmentCreated(UUID.randomUUID().toString(), TENANT, payer, view(n, "OPEN", "0.00")));
        }
        awaitAvailability("800.00", "owedOnInstallments", 1200.00f);
        availability("800.00").body("fits", equalTo(true)).body("notYetBilled", equalTo(0.00f))
                .body("reasons[0]", startsWith("WITHIN_LIMIT"));
        availability("800.01").body("fits", equalTo(false))
                .body("reasons[0]", equalTo("ABOVE_AVAILABLE: 800.01 is more than is available; limit 2000.00 (managed) − open plans 1200.00 = 800.00 available"));

        // one installment paid, one partially paid, the plan cancelled with its last installment
        publish(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payer, view(0, "PAID", "400.00"), UUID.randomUUID().toString(),
                MoneyAmount.brl(new BigDecimal("400.00")), LocalDate.of(2026, 10, 10), "PIX"));
        publish(new InstallmentPartiallyPaid(UUID.randomUUID().toString(), TENANT, payer, view(1, "DUE", "150.00"),
                UUID.randomUUID().toString(), MoneyAmount.brl(new BigDecimal("150.00")), LocalDate.of(2026, 11, 5), "PIX"));
        awaitAvailability("1.00", "exposure", 650.00f);
        publish(new ContractCancelled(UUID.randomUUID().toString(), TENANT, payer, plan, "INSTALLMENT_PLAN", "moved away",
                LocalDate.of(2026, 11, 6)), new InstallmentCancelled(UUID.randomUUID().toString(), TENANT, payer,
                view(2, "CANCELLED", "0.00"), "moved away", LocalDate.of(2026, 11, 6)));
        awaitAvailability("1750.00", "exposure", 250.00f);
        availability("1750.00").body("fits", equalTo(true)).body("available", equalTo(1750.00f));

        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("amount", "1000.00", "reason", "late twice"))
                .put("/api/credit/payers/" + payer + "/limit").then().statusCode(200).body("available", equalTo(750.00f));
        given().auth().oauth2(staff()).get("/api/credit/payers/" + payer + "/limit/history").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].amount", equalTo(1000.00f)).body("[0].previousAmount", equalTo(2000.00f))
                .body("[0].reason", equalTo("late twice")).body("[0].changedBy", equalTo("ana"))
                .body("[1].previousAmount", equalTo(null));

        // another tenant sees nothing of it and cannot change it
        String visao = KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "bruno", "bruno");
        given().auth().oauth2(visao).queryParam("amount", "1.00").get("/api/credit/payers/" + payer + "/availability").then()
                .statusCode(200).body("source", equalTo("NONE")).body("exposure", equalTo(0.00f)).body("fits", equalTo(false))
                .body("reasons[0]", startsWith("NO_LIMIT"));
        given().auth().oauth2(visao).contentType(ContentType.JSON).body(Map.of("amount", "9000.00", "reason", "mine"))
                .put("/api/credit/payers/" + payer + "/limit").then().statusCode(404);
        given().auth().oauth2(visao).get("/api/credit/payers/" + payer + "/limit/history").then().statusCode(404);
        given().auth().oauth2(visao).delete("/api/credit/payers/" + payer + "/limit?reason=mine").then().statusCode(404);

        // without the managed limit, the latest approved analysis' limit applies again (none here)
        given().auth().oauth2(staff()).delete("/api/credit/payers/" + payer + "/limit").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(staff()).delete("/api/credit/payers/" + payer + "/limit?reason=back to analysis").then().statusCode(200)
                .body("source", equalTo("NONE")).body("status", equalTo("NO_ANALYSIS"));
        given().auth().oauth2(staff()).get("/api/credit/payers/" + payer + "/limit/history").then().body("size()", equalTo(3))
                .body("[0].amount", equalTo(null));
        given().auth().oauth2(integrator()).get("/api/credit/payers/" + payer + "/availability").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
    }

    private io.restassured.response.ValidatableResponse availability(String amount) {
        return given().auth().oauth2(integrator()).queryParam("amount", amount).get("/api/credit/payers/" + payer + "/availability")
                .then().statusCode(200);
    }

    private void awaitAvailability(String amount, String field, float expected) {
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> availability(amount).body(field, equalTo(expected)));
    }

    private InstallmentView view(int n, String status, String paid) {
        return new InstallmentView(installments.get(n), plan, n + 1, 3, MoneyAmount.brl(new BigDecimal("400.00")),
                LocalDate.of(2026, 10 + n, 10), LocalDate.of(2026, 10 + n, 10), terms(), status, MoneyAmount.brl(new BigDecimal(paid)));
    }

    private static ChargeTermsView terms() {
        return GoldenSamples.payload(EventType.INSTALLMENT_OVERDUE, InstallmentOverdue.class).installment().terms();
    }

    private static String integrator() {
        return KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
    }

    private static String staff() {
        return KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "ana", "ana");
    }

    private static void publish(RegisteredEvent... events) {
        KafkaEvents kafka = new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
        kafka.publish(java.util.Arrays.stream(events).map(KafkaEvents.Envelope::of).toArray(KafkaEvents.Envelope[]::new));
    }
}
