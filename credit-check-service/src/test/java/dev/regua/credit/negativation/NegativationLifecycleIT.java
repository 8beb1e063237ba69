package dev.regua.credit.negativation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.contract.credit.NegativationChanged;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The negativação lifecycle against real Kafka, PostgreSQL and Keycloak and the bureau simulator: dunning's
 * commands and billing's facts go in as CloudEvents, the business clock moves, the bureau is called (and fails on
 * purpose), NegativationChanged events come out.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "creditcheck"))
@QuarkusTestResource(BureauSimulatorTestResource.class)
class NegativationLifecycleIT {
    private static final String TENANT = "clinica-sorriso";

    @Inject
    PlatformClock clock;

    @ConfigProperty(name = "regua.test.bureau-simulator.url")
    String simulatorUrl;

    /** One payer with one overdue installment, and the commands dunning would send about it. */
    private final class Debtor {
        final String payerId = UUID.randomUUID().toString();
        final String installmentId = UUID.randomUUID().toString();
        final String contractId = UUID.randomUUID().toString();
        final String taxId = TestTaxIds.cpf();
        final String state;
        final LocalDate dueDate;
        final BigDecimal amount;

        Debtor(String state, LocalDate dueDate, String amount) {
            this.state = state;
            this.dueDate = dueDate;
            this.amount = new BigDecimal(amount);
        }

        InstallmentView view(String status) {
            InstallmentView golden = GoldenSamples.payload(EventType.INSTALLMENT_OVERDUE, InstallmentOverdue.class).installment();
            return new InstallmentView(installmentId, contractId, 1, 1, MoneyAmount.brl(amount), dueDate, dueDate,
                    golden.terms(), status, golden.paidAmount());
        }

        void isOverdue() {
            publish(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payerId, view("OVERDUE"), dueDate.plusDays(1)));
        }

        void pays(LocalDate on) {
            publish(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payerId, view("PAID"), UUID.randomUUID().toString(),
                    MoneyAmount.brl(amount), on, "PIX"));
        }

        BureauActionRequested command(String action, String key) {
            return new BureauActionRequested(UUID.randomUUID().toString(), TENANT, payerId, "case-" + payerId, action, key,
                    new BureauActionRequested.Debtor("Maria da Silva", taxId, new Address("Rua Barão de Jaguara", "1200", null,
                            "Centro", state.equals("SP") ? "Campinas" : "Niterói", state, "13015-002"), "maria@example.com"),
                    new NotificationRequested.Creditor("Clínica Odontológica Sorriso Ltda", "Clínica Sorriso", "11.222.333/0001-81",
                            "Rua das Flores, 100 - Centro, Campinas/SP"),
                    List.of(new BureauActionRequested.Debt(installmentId, contractId, dueDate, MoneyAmount.brl(amount))),
                    MoneyAmount.brl(amount), clock.instant());
        }

        String key(String action) {
            return "dunning:" + TENANT + ":case-" + payerId + ":bureau-" + action.toLowerCase();
        }

        JsonPath negativation() {
            return JsonPath.from(given().auth().oauth2(token()).get("/api/credit/payers/" + payerId + "/negativations")
                    .then().statusCode(200).extract().asString());
        }

        String stateNow() {
            return negativation().getString("[0].state");
        }

        List<String> states() {
            String id = negativation().getString("[0].id");
            List<String> out = new ArrayList<>();
            for (ConsumerRecord<String, String> r : kafka().readAll(Topics.CREDIT_EVENTS, Duration.ofSeconds(2))) {
                if (EventType.NEGATIVATION_CHANGED.type().equals(KafkaEvents.header(r, "ce_type"))) {
                    NegativationChanged e = EventCodec.fromJson(r.value(), NegativationChanged.class);
                    if (e.negativationId().equals(id)) {
                        out.add(e.state() + (e.reason() == null ? "" : ":" + e.reason()));
                    }
                }
            }
            return out;
        }
    }

    @Test
    void aCommandDeliveredThreeTimesNoticesOnceAndRegistersOnce() {
        clock.setTo(Instant.parse("2026-03-02T12:00:00Z"));
        Debtor maria = new Debtor("SP", LocalDate.of(2026, 1, 10), "312.70");
        maria.isOverdue();
        KafkaEvents.Envelope notice = KafkaEvents.Envelope.of(maria.command("NOTICE", maria.key("NOTICE")));
        // the same message twice, and the same command re-issued under a new message id
        kafka().publish(notice, notice, KafkaEvents.Envelope.of(maria.command("NOTICE", maria.key("NOTICE"))));
        await(() -> assertEquals("NOTICE_SENT", maria.stateNow()));
        assertEquals("2026-03-17", maria.negativation().getString("[0].notice.registrationAllowedFrom"), "15 days for a São Paulo resident");
        assertTrue(maria.negativation().getString("[0].notice.trackingCode").startsWith("BR"), "the letter's tracking code is the proof");

        clock.setTo(Instant.parse("2026-03-17T12:00:00Z"));
        KafkaEvents.Envelope register = KafkaEvents.Envelope.of(maria.command("REGISTER", maria.key("REGISTER")));
        kafka().publish(register, register, KafkaEvents.Envelope.of(maria.command("REGISTER", maria.key("REGISTER"))));
        await(() -> assertEquals("REGISTERED", maria.stateNow()));

        SimulatorAdmin bureau = simulator();
        assertEquals(1, bureau.requests(maria.taxId, "NOTICE").size());
        assertEquals(1, bureau.requests(maria.taxId, "REGISTER").size());
        assertEquals(1, bureau.registrations(maria.taxId).size());
        assertEquals(List.of("NOTICE_REQUESTED", "NOTICE_SENT", "REGISTRATION_REQUESTED", "REGISTERED"), maria.states());
    }

    @Test
    void aRegisterTooSoonAfterTheNoticeIsRefusedWithItsReasonAndALaterOneRegisters() {
        clock.setTo(Instant.parse("2026-04-01T12:00:00Z"));
        Debtor joao = new Debtor("SP", LocalDate.of(2026, 2, 10), "150.00");
        joao.isOverdue();
        kafka().publish(KafkaEvents.Envelope.of(joao.command("NOTICE", joao.key("NOTICE"))));
        await(() -> assertEquals("NOTICE_SENT", joao.stateNow()));

        clock.setTo(Instant.parse("2026-04-11T12:00:00Z")); // 10 days: enough elsewhere, not in São Paulo
        kafka().publish(KafkaEvents.Envelope.of(joao.command("REGISTER", joao.key("REGISTER") + ":1")));
        await(() -> assertTrue(joao.negativation().getList("[0].history.reason").contains("NOTICE_TOO_RECENT")));
        assertEquals("NOTICE_SENT", joao.stateNow(), "a notice too recent leaves the negativação waiting");

        clock.setTo(Instant.parse("2026-04-16T12:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(joao.command("REGISTER", joao.key("REGISTER") + ":2")));
        await(() -> assertEquals("REGISTERED", joao.stateNow()));
        assertEquals(List.of("NOTICE_REQUESTED", "NOTICE_SENT", "REFUSED:NOTICE_TOO_RECENT", "REGISTRATION_REQUESTED", "REGISTERED"),
                joao.states());
    }

    @Test
    void aPaymentBetweenNoticeAndRegistrationMeansNoRegistration() {
        clock.setTo(Instant.parse("2026-05-04T12:00:00Z"));
        Debtor ana = new Debtor("RJ", LocalDate.of(2026, 3, 10), "200.00");
        ana.isOverdue();
        kafka().publish(KafkaEvents.Envelope.of(ana.command("NOTICE", ana.key("NOTICE"))));
        await(() -> assertEquals("NOTICE_SENT", ana.stateNow()));
        ana.pays(LocalDate.of(2026, 5, 6));
        await(() -> assertEquals("REFUSED", ana.stateNow()));
        assertEquals("DEBT_PAID", ana.negativation().getString("[0].reason"));

        clock.setTo(Instant.parse("2026-05-20T12:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(ana.command("REGISTER", ana.key("REGISTER"))));
        await(() -> assertEquals("DEBT_PAID", ana.negativation().getString("[1].reason")));
        assertEquals(List.of(), simulator().requests(ana.taxId, "REGISTER"), "the bureau was never asked to register");
    }

    @Test
    void aPaymentOnTheFridayBeforeCarnivalIsRemovedTheSameDayThroughAnOutageWithTheDeadlineFiveBusinessDaysLater() {
        clock.setTo(Instant.parse("2026-01-19T12:00:00Z"));
        Debtor rui = new Debtor("RJ", LocalDate.of(2025, 12, 10), "480.00");
        rui.isOverdue();
        kafka().publish(KafkaEvents.Envelope.of(rui.command("NOTICE", rui.key("NOTICE"))));
        await(() -> assertEquals("NOTICE_SENT", rui.stateNow()));
        clock.setTo(Instant.parse("2026-02-02T12:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(rui.command("REGISTER", rui.key("REGISTER"))));
        await(() -> assertEquals("REGISTERED", rui.stateNow()));

        SimulatorAdmin bureau = simulator();
        bureau.failNext("SERASA", "REMOVE", "HTTP_503", 2);
        bureau.failNext("SERASA", "REMOVE", "HTTP_500", 1);
        clock.setTo(Instant.parse("2026-02-13T15:00:00Z")); // Friday; Carnival is Monday 16 and Tuesday 17
        rui.pays(LocalDate.of(2026, 2, 13));
        await(() -> assertEquals("REMOVED", rui.stateNow()));

        JsonPath n = rui.negativation();
        assertEquals("2026-02-24", n.getString("[0].removalDeadline"), "Ash Wednesday counts; the weekend and Carnival do not");
        assertTrue(n.getString("[0].removalRequestedAt").startsWith("2026-02-13"), "requested the day of the payment");
        List<Map<String, Object>> removals = bureau.requests(rui.taxId, "REMOVE");
        assertEquals(List.of(503, 503, 500, 200), removals.stream().map(r -> r.get("status")).toList());
        assertEquals(1, removals.stream().map(r -> r.get("idempotencyKey")).distinct().count(), "every retry carries the same key");
        assertEquals("REMOVED", bureau.registrations(rui.taxId).get(0).get("state"));

        // dunning's own REMOVE arrives afterwards: nothing more happens
        kafka().publish(KafkaEvents.Envelope.of(rui.command("REMOVE", rui.key("REMOVE"))));
        await(() -> assertEquals(List.of("NOTICE_REQUESTED", "NOTICE_SENT", "REGISTRATION_REQUESTED", "REGISTERED",
                "REMOVAL_REQUESTED:PAYMENT", "REMOVED:PAYMENT"), rui.states()));
        assertEquals(4, bureau.requests(rui.taxId, "REMOVE").size());
    }

    @Test
    void theRemovalDeadlineFollowsTheTenantsCalendarAcrossAStateAndACityHolidayAndTodayIsTakenInItsZone() {
        // Clínica Sorriso is in Campinas/SP (9 July: state holiday; 14 July 2026: city holiday); Ótica Visão in Manaus
        TenantProfileUpdated campinas = GoldenSamples.payload(EventType.TENANT_PROFILE_UPDATED, TenantProfileUpdated.class);
        TenantProfileUpdated manaus = new TenantProfileUpdated(UUID.randomUUID().toString(), "otica-visao", "Ótica Visão Ltda",
                "Ótica Visão", "11.444.777/0001-61", new Address("Avenida Eduardo Ribeiro", "500", null, "Centro", "Manaus", "AM",
                "69010-001"), "America/Manaus", "OPTICAL", "AM", "1302603", List.of());
        publish(campinas);
        publish(manaus);
        String visao = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        await(() -> {
            given().auth().oauth2(token()).get("/api/credit/calendar").then().statusCode(200).body("known", equalTo(true));
            given().auth().oauth2(visao).get("/api/credit/calendar").then().statusCode(200).body("zone", equalTo("America/Manaus"));
        });
        clock.setTo(Instant.parse("2026-07-10T03:30:00Z")); // 00:30 in São Paulo, still 9 July in Manaus
        given().auth().oauth2(token()).get("/api/credit/calendar").then().statusCode(200)
                .body("today", equalTo("2026-07-10")).body("holidays.name", hasItem("Fundação de Campinas"));
        given().auth().oauth2(visao).get("/api/credit/calendar").then().statusCode(200)
                .body("today", equalTo("2026-07-09")).body("businessDay", equalTo(true));

        clock.setTo(Instant.parse("2026-06-01T12:00:00Z"));
        Debtor lia = new Debtor("MG", LocalDate.of(2026, 4, 20), "510.00");
        lia.isOverdue();
        kafka().publish(KafkaEvents.Envelope.of(lia.command("NOTICE", lia.key("NOTICE"))));
        await(() -> assertEquals("NOTICE_SENT", lia.stateNow()));
        clock.setTo(Instant.parse("2026-06-22T12:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(lia.command("REGISTER", lia.key("REGISTER"))));
        await(() -> assertEquals("REGISTERED", lia.stateNow()));

        clock.setTo(Instant.parse("2026-07-08T15:00:00Z")); // a Wednesday
        lia.pays(LocalDate.of(2026, 7, 8));
        await(() -> assertEquals("REMOVED", lia.stateNow()));
        JsonPath n = lia.negativation();
        assertEquals("2026-07-17", n.getString("[0].removalDeadline"),
                "five business days of Campinas: 10, 13, 15, 16 and 17 July (9 and 14 July are holidays there)");
        assertTrue(n.getString("[0].removalRequestedAt").startsWith("2026-07-08"), "requested the same business day");
    }

    @Test
    void aBureauThatTimesOutAfterActingIsRetriedWithTheSameKeyAndRegistersOnce() {
        clock.setTo(Instant.parse("2026-06-01T12:00:00Z"));
        Debtor bia = new Debtor("MG", LocalDate.of(2026, 4, 10), "99.90");
        bia.isOverdue();
        SimulatorAdmin bureau = simulator();
        bureau.behaviour(Map.of("hangMillis", 2500));
        bureau.failNext("SERASA", "NOTICE", "TIMEOUT_BEFORE", 1);
        kafka().publish(KafkaEvents.Envelope.of(bia.command("NOTICE", bia.key("NOTICE"))));
        await(() -> assertEquals("NOTICE_SENT", bia.stateNow()));

        clock.setTo(Instant.parse("2026-06-11T12:00:00Z"));
        bureau.failNext("SERASA", "REGISTER", "TIMEOUT_AFTER", 1);
        kafka().publish(KafkaEvents.Envelope.of(bia.command("REGISTER", bia.key("REGISTER"))));
        await(() -> assertEquals("REGISTERED", bia.stateNow()));
        List<Map<String, Object>> registrations = bureau.requests(bia.taxId, "REGISTER");
        assertEquals(List.of(-1, 201), registrations.stream().map(r -> r.get("status")).toList());
        assertEquals(1, bureau.registrations(bia.taxId).size(), "the retry did not register twice");
        assertEquals(List.of(-1, 201), bureau.requests(bia.taxId, "NOTICE").stream().map(r -> r.get("status")).toList());
    }

    @Test
    void debtsBelowTheMinimumOrOlderThanFiveYearsAreRefusedAtTheNotice() {
        clock.setTo(Instant.parse("2026-07-01T12:00:00Z"));
        Debtor small = new Debtor("RJ", LocalDate.of(2026, 5, 10), "30.00");
        Debtor old = new Debtor("RJ", LocalDate.of(2021, 6, 29), "300.00");
        small.isOverdue();
        old.isOverdue();
        kafka().publish(KafkaEvents.Envelope.of(small.command("NOTICE", small.key("NOTICE"))),
                KafkaEvents.Envelope.of(old.command("NOTICE", old.key("NOTICE"))));
        await(() -> {
            assertEquals("BELOW_MINIMUM", small.negativation().getString("[0].reason"));
            assertEquals("OLDER_THAN_FIVE_YEARS", old.negativation().getString("[0].reason"));
        });
        assertEquals(List.of(), simulator().requests(small.taxId, "NOTICE"));
    }

    @Test
    void aDisputeTakesARegistrationDownAndOnlyTheOwnTenantSeesOrDisputesIt() {
        clock.setTo(Instant.parse("2026-08-03T12:00:00Z"));
        Debtor eva = new Debtor("BA", LocalDate.of(2026, 6, 10), "250.00");
        eva.isOverdue();
        kafka().publish(KafkaEvents.Envelope.of(eva.command("NOTICE", eva.key("NOTICE"))));
        await(() -> assertEquals("NOTICE_SENT", eva.stateNow()));
        clock.setTo(Instant.parse("2026-08-13T12:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(eva.command("REGISTER", eva.key("REGISTER"))));
        await(() -> assertEquals("REGISTERED", eva.stateNow()));
        String id = eva.negativation().getString("[0].id");

        String other = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(other).get("/api/credit/payers/" + eva.payerId + "/negativations").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(other).get("/api/credit/negativations/" + id).then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("reason", "not mine"))
                .post("/api/credit/negativations/" + id + "/dispute").then().statusCode(404);
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/credit/negativations/" + id + "/dispute").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("reason", "x", "extra", 1))
                .post("/api/credit/negativations/" + id + "/dispute").then().statusCode(400);

        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("reason", "debtor says it was paid in cash"))
                .post("/api/credit/negativations/" + id + "/dispute").then().statusCode(200).body("state", equalTo("DISPUTED"));
        await(() -> assertEquals("SUSPENDED", eva.stateNow()));
        assertEquals("REMOVED", simulator().registrations(eva.taxId).get(0).get("state"));
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/credit/negativations/" + id + "/dispute").then().statusCode(422)
                .body("rule", equalTo("negativation-disputable"));
        given().auth().oauth2(token()).get("/api/credit/negativations/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/credit/negativations/" + id).then().statusCode(401);
    }

    @Test
    void aRejectedDisputeRestoresTheRegistrationAndAnUpheldOneRemovesItForGood() {
        clock.setTo(Instant.parse("2026-09-01T12:00:00Z"));
        Debtor ivo = new Debtor("PE", LocalDate.of(2026, 7, 10), "330.00");
        ivo.isOverdue();
        kafka().publish(KafkaEvents.Envelope.of(ivo.command("NOTICE", ivo.key("NOTICE"))));
        await(() -> assertEquals("NOTICE_SENT", ivo.stateNow()));
        clock.setTo(Instant.parse("2026-09-14T12:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(ivo.command("REGISTER", ivo.key("REGISTER"))));
        await(() -> assertEquals("REGISTERED", ivo.stateNow()));
        String id = ivo.negativation().getString("[0].id");
        String resolution = "/api/credit/negativations/" + id + "/dispute/resolution";

        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("outcome", "REJECTED", "note", "not disputed"))
                .post(resolution).then().statusCode(422).body("rule", equalTo("negativation-not-disputed"));
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("reason", "debtor says the amount is wrong"))
                .post("/api/credit/negativations/" + id + "/dispute").then().statusCode(200);
        await(() -> assertEquals("SUSPENDED", ivo.stateNow()));

        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("outcome", "MAYBE", "note", "x"))
                .post(resolution).then().statusCode(400);
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("outcome", "REJECTED", "note", " "))
                .post(resolution).then().statusCode(400).body("errors[0].field", equalTo("note"));
        String visao = KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "bruno", "bruno");
        given().auth().oauth2(visao).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "note", "not mine"))
                .post(resolution).then().statusCode(404);

        // the contract and invoice prove the amount: the registration is restored under a new key
        given().auth().oauth2(staff()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "note", "signed contract and invoice confirm the amount"))
                .post(resolution).then().statusCode(200).body("state", equalTo("REGISTRATION_REQUESTED"));
        await(() -> assertEquals("REGISTERED", ivo.stateNow()));
        List<Map<String, Object>> records = simulator().registrations(ivo.taxId);
        assertEquals(List.of("REMOVED", "ACTIVE"), records.stream().map(r -> r.get("state")).toList());
        assertEquals(2, simulator().requests(ivo.taxId, "REGISTER").stream().map(r -> r.get("idempotencyKey")).distinct().count());

        // disputed again, and this time the debtor is right
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("reason", "paid in cash, receipt shown"))
                .post("/api/credit/negativations/" + id + "/dispute").then().statusCode(200);
        await(() -> assertEquals("SUSPENDED", ivo.stateNow()));
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "note", "receipt is genuine"))
                .post(resolution).then().statusCode(200).body("state", equalTo("REMOVED")).body("reason", equalTo("DISPUTE_UPHELD"));
        assertEquals(List.of("REMOVED", "REMOVED"), simulator().registrations(ivo.taxId).stream().map(r -> r.get("state")).toList());
        assertEquals(List.of("NOTICE_REQUESTED", "NOTICE_SENT", "REGISTRATION_REQUESTED", "REGISTERED", "DISPUTED", "SUSPENDED:DISPUTE",
                "REGISTRATION_REQUESTED:DISPUTE_REJECTED", "REGISTERED", "DISPUTED", "SUSPENDED:DISPUTE", "REMOVED:DISPUTE_UPHELD"),
                ivo.states().stream().map(st -> st.startsWith("DISPUTED") ? "DISPUTED" : st).toList());
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("outcome", "REJECTED", "note", "changed my mind"))
                .post(resolution).then().statusCode(422);
    }

    @Test
    void theTenantPolicyIsValidatedAndKeptPerTenant() {
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("bureau", "SERASA", "minimumAmount", "50.00", "noticeWaitDays", 5, "noticeWaitDaysSaoPaulo", 15))
                .put("/api/credit/negativation-policy").then().statusCode(400).body("errors[0].field", equalTo("noticeWaitDays"));
        given().auth().oauth2(token()).contentType(ContentType.JSON)
                .body(Map.of("bureau", "EQUIFAX", "minimumAmount", "50.00", "noticeWaitDays", 10, "noticeWaitDaysSaoPaulo", 15))
                .put("/api/credit/negativation-policy").then().statusCode(400);
        String other = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(Map.of("bureau", "BOA_VISTA", "minimumAmount", "80.00", "noticeWaitDays", 12, "noticeWaitDaysSaoPaulo", 15))
                .put("/api/credit/negativation-policy").then().statusCode(200).body("bureau", equalTo("BOA_VISTA"));
        given().auth().oauth2(other).get("/api/credit/negativation-policy").then().statusCode(200)
                .body("minimumAmount", equalTo(80.00f)).body("custom", equalTo(true));
        given().auth().oauth2(token()).get("/api/credit/negativation-policy").then().statusCode(200)
                .body("bureau", equalTo("SERASA")).body("custom", equalTo(false));
    }

    private SimulatorAdmin simulator() {
        return new SimulatorAdmin(simulatorUrl);
    }

    private static String staff() {
        return KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "ana", "ana");
    }

    private static String token() {
        return KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
    }

    private static void await(org.awaitility.core.ThrowingRunnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(assertion);
    }

    private static KafkaEvents kafka() {
        return new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
    }

    private static void publish(dev.regua.contract.RegisteredEvent event) {
        kafka().publish(KafkaEvents.Envelope.of(event));
    }
}
