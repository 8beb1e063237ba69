package dev.regua.credit.protest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.MoneyAmount;
import dev.regua.contract.Topics;
import dev.regua.contract.billing.Address;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.credit.ProtestChanged;
import dev.regua.contract.dunning.BureauActionRequested;
import dev.regua.contract.dunning.NotificationRequested;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Protest at a notary office through the simulated protest central, from dunning's commands and billing's payment. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "creditcheck"))
@QuarkusTestResource(BureauSimulatorTestResource.class)
class ProtestIT {
    private static final String TENANT = "clinica-sorriso";

    @Inject
    PlatformClock clock;

    @ConfigProperty(name = "regua.test.bureau-simulator.url")
    String simulatorUrl;

    @Test
    void aProtestFollowsTheNotarysDeadlineIsMadeOnceAndAfterPaymentTheConsentLetterIsIssuedAndTheProtestCancelled() {
        clock.setTo(Instant.parse("2026-10-05T12:00:00Z")); // a Monday
        String payer = UUID.randomUUID().toString();
        String installment = UUID.randomUUID().toString();
        String taxId = TestTaxIds.cpf();
        InstallmentView view = view(installment, "OVERDUE");
        kafka().publish(KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, view, LocalDate.of(2026, 8, 11))));
        KafkaEvents.Envelope protest = KafkaEvents.Envelope.of(command(payer, installment, taxId, "PROTEST", "k-protest-" + payer));
        kafka().publish(protest, protest, KafkaEvents.Envelope.of(command(payer, installment, taxId, "PROTEST", "k-protest-" + payer)));
        // the office registers the title and notifies the debtor, who may pay there until the third business day after
        await(() -> assertEquals("DEBTOR_NOTIFIED", protests(payer).getString("[0].state")));
        assertEquals("2026-10-08", protests(payer).getString("[0].paymentDeadline"));
        assertEquals("2026-10-05", protests(payer).getString("[0].notifiedOn"));
        assertTrue(protests(payer).getString("[0].notaryOffice").contains("Tabelião de Protesto"));

        clock.setTo(Instant.parse("2026-10-09T12:00:00Z")); // the deadline passed unpaid
        await(() -> assertEquals("PROTESTED", protests(payer).getString("[0].state")));
        assertEquals("2026-10-08", protests(payer).getString("[0].protestedOn"));

        kafka().publish(KafkaEvents.Envelope.of(command(payer, installment, taxId, "CANCEL_PROTEST", "k-cancel-early-" + payer)));
        await(() -> assertTrue(protests(payer).getList("[0].history.reason").contains("DEBT_OPEN")));
        assertEquals("PROTESTED", protests(payer).getString("[0].state"), "no consent while the debt is open");

        kafka().publish(KafkaEvents.Envelope.of(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payer, view(installment, "PAID"),
                UUID.randomUUID().toString(), MoneyAmount.brl(new BigDecimal("420.00")), LocalDate.of(2026, 10, 9), "PIX")));
        await(() -> assertEquals("CANCELLATION_CONSENT_ISSUED", protests(payer).getString("[0].state")));
        assertTrue(protests(payer).getString("[0].consentLetter").startsWith("ANU-"));

        kafka().publish(KafkaEvents.Envelope.of(command(payer, installment, taxId, "CANCEL_PROTEST", "k-cancel-" + payer)));
        await(() -> assertEquals("CANCELLED", protests(payer).getString("[0].state")));
        SimulatorAdmin notary = new SimulatorAdmin(simulatorUrl);
        assertEquals(1, notary.protests(taxId).size());
        assertEquals("CANCELLED", notary.protests(taxId).get(0).get("state"));
        assertEquals(1, notary.requests(taxId, "PROTEST").size(), "the command delivered three times was presented once");
        assertEquals(List.of(200), notary.requests(taxId, "PROTEST_STATUS").stream().map(r -> r.get("status")).toList(),
                "asked once, the day after the deadline");

        assertEquals(List.of("REQUESTED", "DEBTOR_NOTIFIED", "PROTESTED", "REFUSED:DEBT_OPEN", "CANCELLATION_CONSENT_ISSUED", "CANCELLED"),
                states(payer));

        String other = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(other).get("/api/credit/payers/" + payer + "/protests").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(other).get("/api/credit/protests/" + protests(payer).getString("[0].id")).then().statusCode(404);
    }

    @Test
    void aPaymentWithinTheNotarysDeadlineWithdrawsTheTitleAndNothingIsProtested() {
        clock.setTo(Instant.parse("2026-10-13T12:00:00Z")); // a Tuesday (12 October is a national holiday)
        String payer = UUID.randomUUID().toString();
        String installment = UUID.randomUUID().toString();
        String taxId = TestTaxIds.cpf();
        kafka().publish(KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer,
                view(installment, "OVERDUE"), LocalDate.of(2026, 8, 11))));
        kafka().publish(KafkaEvents.Envelope.of(command(payer, installment, taxId, "PROTEST", "k-protest-" + payer)));
        await(() -> assertEquals("DEBTOR_NOTIFIED", protests(payer).getString("[0].state")));
        assertEquals("2026-10-16", protests(payer).getString("[0].paymentDeadline"));

        clock.setTo(Instant.parse("2026-10-15T12:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payer, view(installment, "PAID"),
                UUID.randomUUID().toString(), MoneyAmount.brl(new BigDecimal("420.00")), LocalDate.of(2026, 10, 15), "PIX")));
        SimulatorAdmin notary = new SimulatorAdmin(simulatorUrl);
        await(() -> assertEquals("WITHDRAWN", notary.protests(taxId).get(0).get("state")));
        await(() -> assertTrue(protests(payer).getList("[0].history.reason").stream()
                .anyMatch(r -> r != null && r.toString().contains("desistência"))));
        assertEquals("REFUSED", protests(payer).getString("[0].state"));
        assertEquals("DEBT_PAID", protests(payer).getString("[0].reason"));

        assertEquals(List.of("REQUESTED", "DEBTOR_NOTIFIED", "REFUSED:DEBT_PAID"), states(payer));
        assertEquals(List.of(), notary.requests(taxId, "PROTEST_STATUS"), "nothing left to ask the office");
        assertEquals("WITHDRAWN", notary.protests(taxId).get(0).get("state"));
    }

    @Test
    void aProtestForADebtAlreadyPaidIsRefused() {
        clock.setTo(Instant.parse("2026-10-07T12:00:00Z"));
        String payer = UUID.randomUUID().toString();
        String installment = UUID.randomUUID().toString();
        kafka().publish(KafkaEvents.Envelope.of(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payer, view(installment, "PAID"),
                UUID.randomUUID().toString(), MoneyAmount.brl(new BigDecimal("420.00")), LocalDate.of(2026, 10, 6), "PIX")));
        String taxId = TestTaxIds.cpf();
        String token = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        await(() -> given().auth().oauth2(token).get("/api/credit/payers/" + payer + "/history").then().body("paid", equalTo(1)));
        kafka().publish(KafkaEvents.Envelope.of(command(payer, installment, taxId, "PROTEST", "k-" + UUID.randomUUID())));
        await(() -> assertEquals("DEBT_PAID", protests(payer).getString("[0].reason")));
        assertEquals(List.of(), new SimulatorAdmin(simulatorUrl).protests(taxId));
    }

    private static List<String> states(String payer) {
        return kafka().readAll(Topics.CREDIT_EVENTS, Duration.ofSeconds(3)).stream()
                .filter(r -> EventType.PROTEST_CHANGED.type().equals(KafkaEvents.header(r, "ce_type")))
                .map(r -> EventCodec.fromJson(r.value(), ProtestChanged.class)).filter(e -> e.payerId().equals(payer))
                .map(e -> e.state() + (e.reason() != null && e.state().equals("REFUSED") ? ":" + e.reason() : "")).toList();
    }

    private static InstallmentView view(String installmentId, String status) {
        InstallmentView golden = GoldenSamples.payload(EventType.INSTALLMENT_OVERDUE, InstallmentOverdue.class).installment();
        return new InstallmentView(installmentId, "contract-" + installmentId, 1, 1, MoneyAmount.brl(new BigDecimal("400.00")),
                LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 10), golden.terms(), status, golden.paidAmount());
    }

    private BureauActionRequested command(String payer, String installment, String taxId, String action, String key) {
        return new BureauActionRequested(UUID.randomUUID().toString(), TENANT, payer, "case-" + payer, action, key,
                new BureauActionRequested.Debtor("Paulo Souza", taxId, new Address("Rua Treze de Maio", "50", null, "Centro",
                        "Campinas", "SP", "13010-050"), "paulo@example.com"),
                new NotificationRequested.Creditor("Clínica Odontológica Sorriso Ltda", "Clínica Sorriso", "11.222.333/0001-81",
                        "Rua das Flores, 100 - Centro, Campinas/SP"),
                List.of(new BureauActionRequested.Debt(installment, "contract-" + installment, LocalDate.of(2026, 8, 10),
                        MoneyAmount.brl(new BigDecimal("420.00")))), MoneyAmount.brl(new BigDecimal("420.00")), clock.instant());
    }

    private static JsonPath protests(String payer) {
        String token = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        return JsonPath.from(given().auth().oauth2(token).get("/api/credit/payers/" + payer + "/protests").then().statusCode(200)
                .extract().asString());
    }

    private static void await(org.awaitility.core.ThrowingRunnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(700)).untilAsserted(assertion);
    }

    private static KafkaEvents kafka() {
        return new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
    }
}
