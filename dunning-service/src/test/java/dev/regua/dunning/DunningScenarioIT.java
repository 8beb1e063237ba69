package dev.regua.dunning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import dev.regua.contract.billing.Address;
import dev.regua.contract.billing.AgreementBroken;
import dev.regua.contract.billing.AgreementCreated;
import dev.regua.contract.billing.InstallmentRenegotiated;
import dev.regua.contract.billing.ChargeTermsView;
import dev.regua.contract.billing.ContractActivated;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.billing.PayerConsent;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.contract.credit.NegativationChanged;
import dev.regua.contract.dunning.BureauActionRequested;
import dev.regua.contract.dunning.CaseClosed;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.contract.dunning.ServiceRestrictionChanged;
import dev.regua.contract.notification.MessageSent;
import dev.regua.dunning.regua.application.Commands;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Whole régua runs against real Kafka, PostgreSQL and Keycloak, moving the business clock: billing's and
 * credit-check's facts go in as CloudEvents, dunning's commands and case events come out, and the case timeline is
 * asserted exactly.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "dunning"))
class DunningScenarioIT {
    static final String TENANT = "clinica-sorriso";
    static final ZoneId SP = ZoneId.of("America/Sao_Paulo");
    static final ChargeTermsView TERMS = new ChargeTermsView(new BigDecimal("2.00"), new BigDecimal("1.00"), 0);

    @Inject
    PlatformClock clock;
    @Inject
    Scheduler scheduler;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    // ---- the scenario ----

    @Test
    void aClinicPatientWhoPaysTwiceLateBreaksAPromiseIsNoticedRegisteredAndThenPaysGetsTheRemovalTheSameDay() {
        String payer = UUID.randomUUID().toString();
        String contract = UUID.randomUUID().toString();
        clock.setTo(Instant.parse("2026-02-20T12:00:00Z"));
        List<InstallmentView> plan = new ArrayList<>();
        LocalDate[] due = {LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10), LocalDate.of(2026, 5, 10),
                LocalDate.of(2026, 6, 10), LocalDate.of(2026, 7, 10), LocalDate.of(2026, 8, 10)};
        LocalDate[] business = {LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10), LocalDate.of(2026, 5, 11),
                LocalDate.of(2026, 6, 10), LocalDate.of(2026, 7, 10), LocalDate.of(2026, 8, 10)};
        for (int n = 0; n < 6; n++) {
            plan.add(view(UUID.randomUUID().toString(), contract, n + 1, 6, "300.00", due[n], business[n], "OPEN", "0.00"));
        }
        List<KafkaEvents.Envelope> start = new ArrayList<>(List.of(
                KafkaEvents.Envelope.of(profile(TENANT, "CLINIC")),
                KafkaEvents.Envelope.of(payer(TENANT, payer, "Paula Paciente", "SP")),
                KafkaEvents.Envelope.of(new ContractActivated(UUID.randomUUID().toString(), TENANT, payer, contract,
                        "INSTALLMENT_PLAN", null, TERMS, MoneyAmount.brl(new BigDecimal("1800.00")), 6, LocalDate.of(2026, 2, 20),
                        LocalDate.of(2026, 2, 20)))));
        plan.forEach(v -> start.add(KafkaEvents.Envelope.of(new InstallmentCreated(UUID.randomUUID().toString(), TENANT, payer, v))));
        kafka().publish(start.toArray(KafkaEvents.Envelope[]::new));
        String staff = KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "carla", "carla");
        awaitSteps(staff, payer, 6);

        // installment 1: overdue, first notice, paid late → case A closes, the patient is thanked
        clock.setTo(Instant.parse("2026-03-11T12:30:00Z"));
        overdue(payer, plan.get(0), LocalDate.of(2026, 3, 11));
        awaitCommand(payer, "overdue-first", plan.get(0));
        clock.setTo(Instant.parse("2026-03-12T14:00:00Z"));
        paid(payer, plan.get(0), "306.20", LocalDate.of(2026, 3, 12));
        awaitCases(staff, payer, "CLOSED", 1);

        // installment 2: overdue, first notice after the weekend, paid late → case B closes
        clock.setTo(Instant.parse("2026-04-13T12:30:00Z"));
        overdue(payer, plan.get(1), LocalDate.of(2026, 4, 11));
        awaitCommand(payer, "overdue-first", plan.get(1));
        clock.setTo(Instant.parse("2026-04-14T14:00:00Z"));
        paid(payer, plan.get(1), "306.40", LocalDate.of(2026, 4, 14));
        awaitCases(staff, payer, "CLOSED", 2);

        // installment 3 (due Sunday 05-10, moved to Monday 05-11): case C opens, first notice, a promise
        clock.setTo(Instant.parse("2026-05-12T12:30:00Z"));
        overdue(payer, plan.get(2), LocalDate.of(2026, 5, 12));
        awaitCommand(payer, "overdue-first", plan.get(2));
        String caseC = awaitCases(staff, payer, "OPEN", 1).getString("[0].id");
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("promisedDate", "2026-05-15", "amount", "306.10"))
                .post("/api/dunning/payers/" + payer + "/promises").then().statusCode(201);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("collector", "carla"))
                .put("/api/dunning/cases/" + caseC + "/collector").then().statusCode(200).body("collector", equalTo("carla"));

        // the promise is broken (05-15 + 1 grace day); the second notice goes out on Monday 05-18
        clock.setTo(Instant.parse("2026-05-18T12:30:00Z"));
        awaitCommand(payer, "overdue-second", plan.get(2));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(staff)
                .get("/api/dunning/payers/" + payer + "/promises").then().body("[0].status", equalTo("BROKEN")));

        // the collector's call task (+10 days) lands on carla's agenda; she posts the outcome back
        clock.setTo(Instant.parse("2026-05-21T12:30:00Z"));
        String task = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(staff)
                .queryParam("collector", "carla").get("/api/dunning/agenda").then().statusCode(200).extract().jsonPath()
                .getString("tasks.find { it.caseId == '" + caseC + "' }.id"), t -> t != null);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("outcome", "NO_ANSWER", "note", "caixa postal", "taskId", task))
                .post("/api/dunning/cases/" + caseC + "/call-outcomes").then().statusCode(201);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("text", "paciente viajando, retorna em junho"))
                .post("/api/dunning/cases/" + caseC + "/notes").then().statusCode(201);

        // bureau notice (+15), hold of elective appointments (+20)
        clock.setTo(Instant.parse("2026-05-26T12:30:00Z"));
        awaitBureau(payer, List.of("NOTICE"));
        clock.setTo(Instant.parse("2026-05-31T12:30:00Z"));
        awaitRestrictions(payer, List.of(true));

        // installment 4: reminder before its due date, then overdue
        clock.setTo(Instant.parse("2026-06-08T12:30:00Z"));
        awaitCommand(payer, "reminder-before-due", plan.get(3));
        clock.setTo(Instant.parse("2026-06-11T12:30:00Z"));
        overdue(payer, plan.get(3), LocalDate.of(2026, 6, 11));
        awaitCommand(payer, "overdue-first", plan.get(3));

        // registration (+35; the notice was 20 days earlier, more than São Paulo's 15)
        clock.setTo(Instant.parse("2026-06-15T12:30:00Z"));
        List<BureauActionRequested> bureau = awaitBureau(payer, List.of("NOTICE", "REGISTER"));
        BureauActionRequested register = bureau.get(1);
        assertEquals("dunning:" + TENANT + ":" + caseC + ":bureau-registration", register.idempotencyKey());
        assertEquals(List.of(plan.get(2).installmentId(), plan.get(3).installmentId()),
                register.debts().stream().map(BureauActionRequested.Debt::installmentId).toList());
        assertEquals("529.982.247-25", register.debtor().taxId());
        assertEquals("Campinas", register.debtor().address().city());

        // credit-check confirms the registration; the patient pays everything the next afternoon
        clock.setTo(Instant.parse("2026-06-16T12:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(new NegativationChanged(UUID.randomUUID().toString(), TENANT, payer,
                UUID.randomUUID().toString(), "SERASA", "REGISTERED", "NOTICE_SENT", null, register.idempotencyKey(), "SRS-1",
                register.debts().stream().map(BureauActionRequested.Debt::installmentId).toList(), register.total(),
                Instant.parse("2026-06-16T12:00:00Z"))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(staff)
                .get("/api/dunning/cases/" + caseC).then().body("bureauState", equalTo("REGISTERED")));
        clock.setTo(Instant.parse("2026-06-16T15:00:00Z"));
        paid(payer, plan.get(2), "318.70", LocalDate.of(2026, 6, 16));
        paid(payer, plan.get(3), "306.60", LocalDate.of(2026, 6, 16));

        List<BureauActionRequested> all = awaitBureau(payer, List.of("NOTICE", "REGISTER", "REMOVE"));
        BureauActionRequested remove = all.get(2);
        assertEquals(LocalDate.of(2026, 6, 16), LocalDate.ofInstant(remove.requestedAt(), SP), "removal requested the day of payment");
        assertEquals("dunning:" + TENANT + ":" + caseC + ":remove", remove.idempotencyKey());
        assertEquals(List.of(true, false), awaitRestrictions(payer, List.of(true, false)).stream().map(ServiceRestrictionChanged::restricted).toList());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of("PAID", "PAID", "PAID"),
                dunningEvents(payer, CaseClosed.class).stream().map(CaseClosed::reason).toList()));
        assertEquals(0, dunningEvents(payer, NotificationRequested.class).stream().filter(n -> n.template().equals("thank-you")).count(),
                "the clinic default thanks nobody: a tenant adds a THANK_YOU step when it wants one");

        JsonPath c = given().auth().oauth2(staff).get("/api/dunning/cases/" + caseC).then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", c.getString("state"));
        assertEquals("REMOVAL_REQUESTED", c.getString("bureauState"));
        assertEquals("carla", c.getString("collector"));
        assertEquals(List.of(
                "INSTALLMENT_OVERDUE installment 3/6 (R$ 300.00, due 2026-05-11) overdue",
                "CASE_OPENED case opened under default-clinic v1: 1 installment(s) overdue, R$ 306.10",
                "MESSAGE_REQUESTED overdue-first for installment 3/6: overdue-first via EMAIL, R$ 306.10",
                "STEP_EXECUTED overdue-first (SEND_MESSAGE)",
                "PROMISE promise to pay R$ 306.10 by 2026-05-15",
                "COLLECTOR_ASSIGNED assigned to carla",
                "PROMISE promise broken: nothing paid by 2026-05-15 plus 1 grace day(s)",
                "MESSAGE_REQUESTED overdue-second for installment 3/6: overdue-second via EMAIL, R$ 306.70",
                "STEP_EXECUTED overdue-second (SEND_MESSAGE)",
                "STEP_EXECUTED collector-call (CREATE_TASK)",
                "TASK_CREATED call task for carla, R$ 307.00 overdue",
                "CALL_OUTCOME NO_ANSWER: caixa postal",
                "NOTE paciente viajando, retorna em junho",
                "BUREAU_COMMAND NOTICE requested for 1 debt(s), R$ 307.50",
                "STEP_EXECUTED bureau-notice (BUREAU_NOTICE)",
                "RESTRICTION restriction applied: HOLD_ELECTIVE_APPOINTMENTS",
                "STEP_EXECUTED hold-elective-appointments (RESTRICT_SERVICE)",
                "MESSAGE_REQUESTED reminder-before-due for installment 4/6: before-due via EMAIL, R$ 300.00",
                "STEP_EXECUTED reminder-before-due (SEND_MESSAGE)",
                "INSTALLMENT_OVERDUE installment 4/6 (R$ 300.00, due 2026-06-10) overdue",
                "MESSAGE_REQUESTED overdue-first for installment 4/6: overdue-first via EMAIL, R$ 306.10",
                "STEP_EXECUTED overdue-first (SEND_MESSAGE)",
                "BUREAU_COMMAND REGISTER requested for 2 debt(s), R$ 616.00",
                "STEP_EXECUTED bureau-registration (BUREAU_REGISTRATION)",
                "INSTALLMENT_PAID installment 3/6 (R$ 300.00, due 2026-05-11) paid on 2026-06-16",
                "INSTALLMENT_PAID installment 4/6 (R$ 300.00, due 2026-06-10) paid on 2026-06-16",
                "BUREAU_STATUS negativação REGISTERED at SERASA",
                "BUREAU_COMMAND REMOVE requested for 2 debt(s)",
                "CASE_CLOSED case closed: paid",
                "RESTRICTION restriction lifted: HOLD_ELECTIVE_APPOINTMENTS"), timeline(staff, caseC));

        // isolation: the other tenant sees neither the case nor its timeline
        String other = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(other).get("/api/dunning/cases/" + caseC).then().statusCode(404);
        given().auth().oauth2(other).get("/api/dunning/cases/" + caseC + "/timeline").then().statusCode(404);
        given().auth().oauth2(other).queryParam("payerId", payer).get("/api/dunning/cases").then().statusCode(200).body("size()", equalTo(0));
    }

    // ---- policies ----

    @Test
    void aSchoolPolicyThatRestrictsAcademicServiceIsRefusedWithTheRuleNamedAndNothingIsStored() {
        // the second tenant's token, its profile declared a school for this test
        kafka().publish(KafkaEvents.Envelope.of(profile("otica-visao", "SCHOOL")));
        String admin = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin).get("/api/dunning/policies")
                .then().statusCode(200).body("code", org.hamcrest.Matchers.hasItem("default-school")));
        Map<String, Object> academic = Map.of("code", "suspende-aulas", "name", "Régua com suspensão", "steps", List.of(
                Map.of("code", "aviso", "offsetDays", 1, "action", "SEND_MESSAGE", "channels", List.of("EMAIL"), "template", "overdue-first"),
                Map.of("code", "suspender", "offsetDays", 30, "action", "RESTRICT_SERVICE", "restriction", "SUSPEND_CLASSES")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(academic).post("/api/dunning/policies/validate").then()
                .statusCode(200).body("valid", equalTo(false)).body("violations[0].rule", equalTo("school-academic-service"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(academic).post("/api/dunning/policies").then()
                .statusCode(422).body("rule", equalTo("school-academic-service"));
        given().auth().oauth2(admin).get("/api/dunning/policies/suspende-aulas").then().statusCode(404);
        // re-enrolment may be refused: the same policy with BLOCK_REENROLMENT is stored
        Map<String, Object> reenrolment = Map.of("code", "bloqueia-rematricula", "name", "Rematrícula", "steps", List.of(
                Map.of("code", "aviso", "offsetDays", 1, "action", "SEND_MESSAGE", "channels", List.of("EMAIL"), "template", "overdue-first"),
                Map.of("code", "rematricula", "offsetDays", 30, "action", "RESTRICT_SERVICE", "restriction", "BLOCK_REENROLMENT")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(reenrolment).post("/api/dunning/policies").then()
                .statusCode(201).body("version", equalTo(1));
        // a staff member may read but not write policies
        String bruno = KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "bruno", "bruno");
        given().auth().oauth2(bruno).contentType(ContentType.JSON).body(reenrolment).put("/api/dunning/policies/bloqueia-rematricula")
                .then().statusCode(403);
        given().auth().oauth2(bruno).get("/api/dunning/policies/bloqueia-rematricula").then().statusCode(200);
    }

    @Test
    void editsAddVersionsWithoutRewritingHistoryAndARunningCaseMovesToTheNewVersionAtItsNextStep() {
        String admin = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        String payer = UUID.randomUUID().toString();
        clock.setTo(Instant.parse("2026-03-11T10:00:00Z")); // 07:00 in São Paulo
        kafka().publish(KafkaEvents.Envelope.of(profile(TENANT, "CLINIC")));
        Map<String, Object> v1 = policy("Régua VIP", "vip", 2, "vip-first", 1, "vip-second", 5);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(v1).post("/api/dunning/policies").then().statusCode(201)
                .body("version", equalTo(1));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(v1).post("/api/dunning/policies").then().statusCode(422)
                .body("rule", equalTo("policy-code-taken"));
        // invalid input names the field; a registration without a prior notice names the law
        Map<String, Object> noNotice = Map.of("name", "x", "steps", List.of(Map.of("code", "reg", "offsetDays", 20, "action", "BUREAU_REGISTRATION")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(noNotice).put("/api/dunning/policies/vip").then().statusCode(422)
                .body("rule", equalTo("bureau-prior-notice"));
        Map<String, Object> tooSoon = Map.of("name", "x", "steps", List.of(Map.of("code", "notice", "offsetDays", 10, "action", "BUREAU_NOTICE"),
                Map.of("code", "reg", "offsetDays", 22, "action", "BUREAU_REGISTRATION")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(tooSoon).put("/api/dunning/policies/vip").then().statusCode(422)
                .body("rule", equalTo("bureau-prior-notice")).body("detail", org.hamcrest.Matchers.containsString("15"));
        Map<String, Object> badWindow = Map.of("name", "x", "steps", List.of(Map.of("code", "late", "offsetDays", 1, "action", "SEND_MESSAGE",
                "channels", List.of("SMS"), "template", "overdue-first", "windowStart", "20:00", "windowEnd", "22:00")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(badWindow).put("/api/dunning/policies/vip").then().statusCode(422)
                .body("rule", equalTo("contact-hours"));
        Map<String, Object> treatment = Map.of("name", "x", "steps", List.of(Map.of("code", "m", "offsetDays", 1, "action", "SEND_MESSAGE",
                "channels", List.of("EMAIL"), "template", "Seu {{procedure}} está em aberto")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(treatment).put("/api/dunning/policies/vip").then().statusCode(422)
                .body("rule", equalTo("clinic-health-data"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "x", "steps", List.of(Map.of("code", "BAD CODE",
                "offsetDays", 1, "action", "CREATE_TASK")))).put("/api/dunning/policies/vip").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/dunning/policies/vip/versions").then().statusCode(200).body("size()", equalTo(1));

        // a VIP payer's installment is overdue: the VIP policy (priority 2, tag vip) opens the case
        String contract = UUID.randomUUID().toString();
        InstallmentView i = view(UUID.randomUUID().toString(), contract, 1, 1, "300.00", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), "OVERDUE", "0.00");
        PayerRegistered p = payer(TENANT, payer, "Vera Vip", "SP");
        kafka().publish(KafkaEvents.Envelope.of(new PayerRegistered(p.eventId(), p.tenantId(), p.payerId(), p.name(), p.taxId(), p.email(),
                        p.mobile(), p.state(), p.whatsapp(), p.address(), p.consent(), p.responsible(), List.of("vip"))),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, i, LocalDate.of(2026, 3, 11))));
        String caseId = awaitCases(admin, payer, "OPEN", 1).getString("[0].id");
        given().auth().oauth2(admin).get("/api/dunning/cases/" + caseId).then().body("policyCode", equalTo("vip")).body("policyVersion", equalTo(1));

        // the edit: the second step moves from +5 to +3 days and is renamed; version 2 is stored, version 1 kept as it was
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(policy("Régua VIP", "vip", 2, "vip-first", 1, "vip-second-v2", 3))
                .put("/api/dunning/policies/vip").then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(admin).get("/api/dunning/policies/vip/versions").then().body("version", equalTo(List.of(2, 1)));
        given().auth().oauth2(admin).get("/api/dunning/policies/vip/versions/1").then().body("steps[1].code", equalTo("vip-second"))
                .body("steps[1].offsetDays", equalTo(5));

        // at its next step (vip-first, planned under v1) the case moves to v2: the old second step goes, the new one comes
        clock.setTo(Instant.parse("2026-03-11T12:30:00Z"));
        awaitCommand(payer, "vip-first", i);
        // notification reports the delivery: it lands on the case's timeline, once however often it is delivered
        MessageSent sent = new MessageSent(UUID.randomUUID().toString(), TENANT, payer, UUID.randomUUID().toString(),
                Commands.installmentKey(TENANT, UUID.fromString(i.installmentId()), "vip-first"), "EMAIL", "overdue-first",
                Instant.parse("2026-03-11T12:31:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(sent), KafkaEvents.Envelope.of(sent),
                new KafkaEvents.Envelope(UUID.randomUUID().toString(), sent));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1, timeline(admin, caseId).stream()
                .filter(l -> l.equals("MESSAGE_STATUS vip-first: sent by EMAIL")).count()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath steps = given().auth().oauth2(admin).get("/api/dunning/payers/" + payer + "/steps").then().extract().jsonPath();
            assertEquals("CANCELLED", steps.getString("find { it.stepCode == 'vip-second' }.status"));
            assertEquals("PENDING", steps.getString("find { it.stepCode == 'vip-second-v2' }.status"));
            assertEquals("2026-03-13T09:00:00", steps.getString("find { it.stepCode == 'vip-second-v2' }.effectiveLocal"));
        });
        given().auth().oauth2(admin).get("/api/dunning/cases/" + caseId).then().body("policyVersion", equalTo(2));
        assertTrue(timeline(admin, caseId).contains("POLICY_VERSION moved from vip v1 to v2 at its next step"));
        clock.setTo(Instant.parse("2026-03-13T12:30:00Z"));
        awaitCommand(payer, "vip-second-v2", i);
        assertEquals(0, dunningEvents(payer, NotificationRequested.class).stream().filter(n -> n.stepCode().equals("vip-second")).count());
        // paid: the policy's THANK_YOU step thanks the payer once, keyed by case and step
        clock.setTo(Instant.parse("2026-03-13T15:00:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payer, with(i, "PAID", "306.30"),
                UUID.randomUUID().toString(), MoneyAmount.brl(new BigDecimal("306.30")), LocalDate.of(2026, 3, 13), "PIX")));
        awaitCases(admin, payer, "CLOSED", 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of("dunning:" + TENANT + ":" + caseId + ":obrigado"),
                dunningEvents(payer, NotificationRequested.class).stream().filter(n -> n.stepCode().equals("obrigado"))
                        .map(NotificationRequested::idempotencyKey).toList()));
        // another tenant sees none of it
        String other = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(other).get("/api/dunning/policies/vip").then().statusCode(404);
        given().auth().oauth2(other).get("/api/dunning/policies/vip/versions").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(policy("x", "vip", 1, "a", 1, "b", 2))
                .put("/api/dunning/policies/vip").then().statusCode(404);
        given().auth().oauth2(other).get("/api/dunning/policies").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("vip")));
        // deactivated: no new case chooses it, its versions stay
        given().auth().oauth2(admin).delete("/api/dunning/policies/vip").then().statusCode(204);
        given().auth().oauth2(admin).get("/api/dunning/policies/vip").then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void aRunningCaseMovesToThePolicyItsSegmentNowSelectsAtItsNextStep() throws Exception {
        String admin = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        String payer = UUID.randomUUID().toString();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tag = "juridico-" + suffix;
        String code = "juridico-" + suffix;
        InstallmentView i = view(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 1, "500.00", LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 1), "OVERDUE", "0.00");
        clock.setTo(Instant.parse("2027-03-02T10:00:00Z")); // Tuesday 07:00 in São Paulo
        PayerRegistered p = payer(TENANT, payer, "Jonas Jurídico", "SP");
        kafka().publish(KafkaEvents.Envelope.of(profile(TENANT, "CLINIC")), KafkaEvents.Envelope.of(p),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, i, LocalDate.of(2027, 3, 2))));
        String caseId = awaitCases(admin, payer, "OPEN", 1).getString("[0].id");
        given().auth().oauth2(admin).get("/api/dunning/cases/" + caseId).then().body("policyCode", equalTo("default-clinic"));
        clock.setTo(Instant.parse("2027-03-02T12:30:00Z"));
        awaitCommand(payer, "overdue-first", i);

        // the tenant adds a policy for payers tagged for the legal team, and billing tags this payer
        Map<String, Object> legal = Map.of("code", code, "name", "Régua jurídica", "priority", 5, "segment", Map.of("payerTags", List.of(tag)),
                "steps", List.of(
                        Map.of("code", "juridico-aviso", "offsetDays", 5, "action", "SEND_MESSAGE", "channels", List.of("EMAIL"), "template", "overdue-second"),
                        Map.of("code", "collector-call", "offsetDays", 9, "action", "CREATE_TASK", "taskKind", "VISIT"),
                        Map.of("code", "juridico-escritorio", "offsetDays", 12, "action", "AGENCY_HANDOFF", "agency", "escritorio-" + suffix)));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(legal).post("/api/dunning/policies").then().statusCode(201);
        try {
            kafka().publish(KafkaEvents.Envelope.of(new dev.regua.contract.billing.PayerUpdated(UUID.randomUUID().toString(), TENANT, payer,
                    p.name(), p.taxId(), p.email(), p.mobile(), p.state(), p.whatsapp(), p.address(), p.consent(), p.responsible(), List.of(tag))));
            // the tag has reached dunning before the clock moves
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from payer where payer_id = '" + payer
                    + "' and tags = '" + tag + "'") == 1);
            given().auth().oauth2(admin).get("/api/dunning/cases/" + caseId).then().body("policyCode", equalTo("default-clinic"));

            // its next step (the second notice, +7) moves the case: steps the new policy lacks are cancelled, its step
            // whose moment passed (+5) is skipped, a step both have (the call) follows the new policy's day and kind
            clock.setTo(Instant.parse("2027-03-08T12:30:00Z")); // Monday 09:30
            Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertTrue(timeline(admin, caseId).contains(
                    "POLICY_CHANGED moved from default-clinic v1 to " + code + " v1 at its next step: its segment now selects it")));
            given().auth().oauth2(admin).get("/api/dunning/cases/" + caseId).then().body("policyCode", equalTo(code)).body("policyVersion", equalTo(1));
            JsonPath steps = given().auth().oauth2(admin).get("/api/dunning/payers/" + payer + "/steps").then().statusCode(200).extract().jsonPath();
            assertEquals("EXECUTED", steps.getString("find { it.stepCode == 'overdue-first' }.status"));
            for (String gone : List.of("overdue-second", "bureau-notice", "hold-elective-appointments", "bureau-registration")) {
                assertEquals("CANCELLED", steps.getString("find { it.stepCode == '" + gone + "' }.status"), gone);
            }
            assertEquals("SKIPPED", steps.getString("find { it.stepCode == 'juridico-aviso' }.status"));
            assertEquals("PENDING", steps.getString("find { it.stepCode == 'collector-call' }.status"));
            assertEquals("2027-03-10T09:00:00", steps.getString("find { it.stepCode == 'collector-call' }.effectiveLocal"));
            assertEquals("PENDING", steps.getString("find { it.stepCode == 'juridico-escritorio' }.status"));

            clock.setTo(Instant.parse("2027-03-10T12:30:00Z")); // Wednesday 09:30: the new policy's visit
            Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertTrue(timeline(admin, caseId).stream()
                    .anyMatch(l -> l.startsWith("TASK_CREATED visit task")), timeline(admin, caseId).toString()));
            assertEquals(List.of("overdue-first"), dunningEvents(payer, NotificationRequested.class).stream()
                    .map(NotificationRequested::stepCode).toList(), "nothing of the old policy after the move, no catch-up burst");
            assertEquals(1, timeline(admin, caseId).stream().filter(l -> l.startsWith("POLICY_CHANGED")).count());
        } finally {
            given().auth().oauth2(admin).delete("/api/dunning/policies/" + code).then().statusCode(204);
        }
    }

    static Map<String, Object> policy(String name, String tag, int priority, String first, int firstDays, String second, int secondDays) {
        return Map.of("code", "vip", "name", name, "priority", priority, "segment", Map.of("payerTags", List.of(tag)), "steps", List.of(
                Map.of("code", first, "offsetDays", firstDays, "action", "SEND_MESSAGE", "channels", List.of("EMAIL", "SMS"), "template", "overdue-first"),
                Map.of("code", second, "offsetDays", secondDays, "action", "SEND_MESSAGE", "channels", List.of("EMAIL"), "template", "overdue-second"),
                Map.of("code", "obrigado", "action", "THANK_YOU", "channels", List.of("EMAIL"), "template", "thank-you")));
    }

    // ---- agreements ----

    @Test
    void anAgreementPausesTheCaseOnItsOriginalsAndWhenBrokenTheOriginalsResume() {
        String staff = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        String payer = UUID.randomUUID().toString();
        String agreement = UUID.randomUUID().toString();
        InstallmentView i = view(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 1, "400.00", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1), "OVERDUE", "0.00");
        clock.setTo(Instant.parse("2026-12-02T12:30:00Z"));
        kafka().publish(KafkaEvents.Envelope.of(profile(TENANT, "CLINIC")), KafkaEvents.Envelope.of(payer(TENANT, payer, "Ana Acordo", "SP")),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, i, LocalDate.of(2026, 12, 2))));
        awaitCommand(payer, "overdue-first", i);
        String caseId = awaitCases(staff, payer, "OPEN", 1).getString("[0].id");
        kafka().publish(KafkaEvents.Envelope.of(new AgreementCreated(UUID.randomUUID().toString(), TENANT, payer, agreement,
                        UUID.randomUUID().toString(), List.of(i.installmentId()), MoneyAmount.brl(new BigDecimal("408.13")),
                        MoneyAmount.brl(new BigDecimal("8.13")), MoneyAmount.brl(new BigDecimal("400.00")), MoneyAmount.brl(new BigDecimal("100.00")),
                        3, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 2))),
                KafkaEvents.Envelope.of(new InstallmentRenegotiated(UUID.randomUUID().toString(), TENANT, payer, with(i, "RENEGOTIATED", "0.00"),
                        agreement, LocalDate.of(2026, 12, 2))));
        awaitCases(staff, payer, "PAUSED", 1);
        given().auth().oauth2(staff).post("/api/dunning/cases/" + caseId + "/resume").then().statusCode(422)
                .body("rule", equalTo("case-not-paused"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("outcome", "SHOUTED"))
                .post("/api/dunning/cases/" + caseId + "/call-outcomes").then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        given().auth().oauth2(staff).queryParam("state", "HALF_OPEN").get("/api/dunning/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().auth().oauth2(staff).get("/api/dunning/cases/" + UUID.randomUUID()).then().statusCode(404);
        // the second notice's day passes while the agreement stands: it waits
        clock.setTo(Instant.parse("2026-12-08T12:30:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("paused: the installment is in an agreement",
                given().auth().oauth2(staff).get("/api/dunning/payers/" + payer + "/steps").then().extract().jsonPath()
                        .getString("find { it.stepCode == 'overdue-second' }.outcome")));
        assertEquals(List.of("overdue-first"), dunningEvents(payer, NotificationRequested.class).stream().map(NotificationRequested::stepCode).toList());
        // the down payment was not made: the originals are owed again and the régua resumes on them
        kafka().publish(KafkaEvents.Envelope.of(new AgreementBroken(UUID.randomUUID().toString(), TENANT, payer, agreement,
                UUID.randomUUID().toString(), List.of(i.installmentId()), "DOWN_PAYMENT_MISSED", LocalDate.of(2026, 12, 8))));
        awaitCases(staff, payer, "OPEN", 1);
        awaitCommand(payer, "overdue-second", i);
        List<String> t = timeline(staff, caseId);
        assertTrue(t.contains("CASE_PAUSED case paused: an agreement replaced the overdue installments"), t.toString());
        assertTrue(t.contains("CASE_RESUMED case resumed: 1 installment(s) overdue again"), t.toString());
        assertTrue(t.stream().anyMatch(l -> l.startsWith("AGREEMENT_BROKEN")), t.toString());
    }

    // ---- staff tasks ----

    @Test
    void staffPlanAVisitThatAppearsOnTheAgendaAndAPromiseMadeOnItIsRecordedLikeThePromiseEndpointDoes() {
        String staff = KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "carla", "carla");
        String payer = UUID.randomUUID().toString();
        InstallmentView i = view(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 1, "250.00", LocalDate.of(2026, 12, 14),
                LocalDate.of(2026, 12, 14), "OVERDUE", "0.00");
        clock.setTo(Instant.parse("2026-12-15T13:00:00Z")); // Tuesday 10:00 in São Paulo
        kafka().publish(KafkaEvents.Envelope.of(profile(TENANT, "CLINIC")), KafkaEvents.Envelope.of(payer(TENANT, payer, "Tito Tarefa", "SP")),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, i, LocalDate.of(2026, 12, 15))));
        String caseId = awaitCases(staff, payer, "OPEN", 1).getString("[0].id");

        // bad input names the field and writes nothing; another tenant's case is not found
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "EMAIL", "dueOn", "2026-12-17"))
                .post("/api/dunning/cases/" + caseId + "/tasks").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "VISIT", "dueOn", "2026-12-14"))
                .post("/api/dunning/cases/" + caseId + "/tasks").then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        String other = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("kind", "VISIT", "dueOn", "2026-12-17"))
                .post("/api/dunning/cases/" + caseId + "/tasks").then().statusCode(404);
        given().auth().oauth2(staff).get("/api/dunning/cases/" + caseId + "/tasks").then().statusCode(200)
                .body("findAll { it.manual }.size()", equalTo(0));

        // a visit for carla on Thursday: on her agenda from that day, not before
        String task = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("kind", "VISIT", "dueOn", "2026-12-17", "collector", "carla", "note", "visitar no endereço de cobrança"))
                .post("/api/dunning/cases/" + caseId + "/tasks").then().statusCode(201).body("manual", equalTo(true))
                .body("assignedTo", equalTo("carla")).body("status", equalTo("OPEN")).body("createdBy", equalTo("carla"))
                .extract().path("id");
        given().auth().oauth2(staff).queryParam("collector", "carla").queryParam("date", "2026-12-16").get("/api/dunning/agenda").then()
                .statusCode(200).body("tasks.findAll { it.id == '" + task + "' }.size()", equalTo(0));
        given().auth().oauth2(staff).queryParam("collector", "carla").queryParam("date", "2026-12-17").get("/api/dunning/agenda").then()
                .statusCode(200).body("tasks.find { it.id == '" + task + "' }.kind", equalTo("VISIT"))
                .body("tasks.find { it.id == '" + task + "' }.note", equalTo("visitar no endereço de cobrança"));
        given().auth().oauth2(other).get("/api/dunning/cases/" + caseId + "/tasks").then().statusCode(404);

        // the visit ends with a promise: without its amount it is refused and nothing is written
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("outcome", "PROMISED_TO_PAY", "promisedDate", "2026-12-22"))
                .post("/api/dunning/cases/" + caseId + "/tasks/" + task + "/outcome").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("outcome", "NO_ANSWER", "amount", "10.00"))
                .post("/api/dunning/cases/" + caseId + "/tasks/" + task + "/outcome").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        given().auth().oauth2(staff).get("/api/dunning/payers/" + payer + "/promises").then().body("size()", equalTo(0));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("outcome", "PROMISED_TO_PAY", "promisedDate", "2026-12-22", "amount", "255.50", "note", "paga na segunda"))
                .post("/api/dunning/cases/" + caseId + "/tasks/" + task + "/outcome").then().statusCode(201);
        JsonPath promises = given().auth().oauth2(staff).get("/api/dunning/payers/" + payer + "/promises").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, promises.getList("$").size());
        assertEquals("OPEN", promises.getString("[0].status"));
        assertEquals("2026-12-22", promises.getString("[0].promisedDate"));
        assertEquals(0, new BigDecimal("255.50").compareTo(new BigDecimal(promises.getString("[0].amount"))), promises.getString("[0].amount"));
        assertEquals("carla", promises.getString("[0].createdBy"));
        given().auth().oauth2(staff).get("/api/dunning/cases/" + caseId + "/tasks").then()
                .body("find { it.id == '" + task + "' }.status", equalTo("DONE"))
                .body("find { it.id == '" + task + "' }.outcome", equalTo("PROMISED_TO_PAY"));
        given().auth().oauth2(staff).queryParam("collector", "carla").queryParam("date", "2026-12-17").get("/api/dunning/agenda").then()
                .body("tasks.findAll { it.id == '" + task + "' }.size()", equalTo(0));
        // a completed task cannot be completed again; a second promise on a call is refused by the promise's own rule,
        // and its call outcome is not written either
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("outcome", "NO_ANSWER"))
                .post("/api/dunning/cases/" + caseId + "/tasks/" + task + "/outcome").then().statusCode(422).body("rule", equalTo("task-done"));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("outcome", "PROMISED_TO_PAY", "promisedDate", "2026-12-23", "amount", "255.50"))
                .post("/api/dunning/cases/" + caseId + "/call-outcomes").then().statusCode(422).body("rule", equalTo("one-open-promise"));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("outcome", "PROMISED_TO_PAY", "promisedDate", "2026-12-10", "amount", "255.50"))
                .post("/api/dunning/cases/" + caseId + "/call-outcomes").then().statusCode(400).body("errors[0].field", equalTo("promisedDate"));
        List<String> t = timeline(staff, caseId);
        assertTrue(t.contains("TASK_CREATED visit task for carla on 2026-12-17: visitar no endereço de cobrança"), t.toString());
        assertTrue(t.contains("PROMISE promise to pay R$ 255.50 by 2026-12-22"), t.toString());
        assertEquals(List.of("CALL_OUTCOME PROMISED_TO_PAY: paga na segunda"), t.stream().filter(l -> l.startsWith("CALL_OUTCOME")).toList());
    }

    // ---- simulation ----

    @Test
    void aSimulationReportsWhatADraftWouldDoAndWritesNothing() throws Exception {
        String admin = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        String payer = UUID.randomUUID().toString();
        clock.setTo(Instant.parse("2026-09-01T12:00:00Z"));
        InstallmentView i = view(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 1, "1000.00", LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 8, 31), "OVERDUE", "0.00");
        kafka().publish(KafkaEvents.Envelope.of(profile(TENANT, "CLINIC")), KafkaEvents.Envelope.of(payer(TENANT, payer, "Sílvia Simulada", "SP")),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, i, LocalDate.of(2026, 9, 1))));
        awaitCases(admin, payer, "OPEN", 1);
        Map<String, Object> draft = Map.of("name", "Rascunho", "steps", List.of(
                Map.of("code", "d-first", "offsetDays", 2, "action", "SEND_MESSAGE", "channels", List.of("WHATSAPP", "EMAIL"), "template", "overdue-first"),
                Map.of("code", "d-call", "offsetDays", 4, "action", "CREATE_TASK", "taskKind", "CALL"),
                Map.of("code", "d-notice", "offsetDays", 5, "action", "BUREAU_NOTICE", "conditions", Map.of("minOverdueAmount", 100000))));
        String[] tables = {"outbox_event", "scheduled_step", "dunning_case", "case_event", "staff_task", "policy_version", "message_request"};
        long[] before = new long[tables.length];
        // the step runner and the relay stand still meanwhile, so any row that appears is the simulation's
        scheduler.pause();
        Thread.sleep(1500);
        try {
            for (int t = 0; t < tables.length; t++) {
                before[t] = count("select count(*) from " + tables[t]);
            }
            JsonPath sim = given().auth().oauth2(admin).contentType(ContentType.JSON).body(draft).queryParam("days", 10)
                    .post("/api/dunning/policies/simulate").then().statusCode(200).extract().jsonPath();
            // the largest debt comes first among the sample cases
            assertEquals(payer, sim.getString("result.sampleCases[0].payerId"));
            assertEquals(List.of("d-first", "d-call"), sim.getList("result.sampleCases[0].actions.stepCode"));
            assertEquals(List.of("2026-09-02", "2026-09-04"), sim.getList("result.sampleCases[0].actions.date"));
            assertEquals("EMAIL", sim.getString("result.sampleCases[0].actions[0].channel"), "no WhatsApp opt-in: the e-mail fallback");
            assertEquals(new BigDecimal("1021.33"), new BigDecimal(sim.getString("result.sampleCases[0].actions[1].amount")),
                    "1000 + 2 % fine + 4 days of 1 % a month on 09-04");
            assertEquals(0, sim.getInt("result.perStep.find { it.stepCode == 'd-notice' }.count"), "the condition keeps the notice out");
            assertTrue(sim.getInt("result.skippedByCondition") >= 1);
            for (int t = 0; t < tables.length; t++) {
                assertEquals(before[t], count("select count(*) from " + tables[t]), tables[t] + " unchanged by the simulation");
            }
        } finally {
            scheduler.resume();
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(draft).queryParam("days", 500)
                .post("/api/dunning/policies/simulate").then().statusCode(400).body("errors[0].field", equalTo("days"));
    }

    // ---- idempotence, order, downtime ----

    @Test
    void theSameStreamDuplicatedAndReorderedGivesTheSameTimeline() {
        String staff = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        clock.setTo(Instant.parse("2026-10-01T12:00:00Z"));
        String inOrder = UUID.randomUUID().toString();
        String shuffled = UUID.randomUUID().toString();
        List<KafkaEvents.Envelope> a = opening(inOrder);
        List<KafkaEvents.Envelope> b = opening(shuffled);
        kafka().publish(a.toArray(KafkaEvents.Envelope[]::new));
        List<KafkaEvents.Envelope> messy = new ArrayList<>(b);
        for (KafkaEvents.Envelope e : b) {
            messy.add(new KafkaEvents.Envelope(UUID.randomUUID().toString(), e.event())); // the same facts re-issued under new ids
            messy.add(e); // and redelivered under the same id
        }
        shuffle(messy, 42);
        kafka().publish(messy.toArray(KafkaEvents.Envelope[]::new));
        String caseA = awaitCases(staff, inOrder, "OPEN", 1).getString("[0].id");
        String caseB = awaitCases(staff, shuffled, "OPEN", 1).getString("[0].id");
        // both first notices go out on the day they are due; only then does the clock move (a notice found more than
        // two days late is skipped as stale, which would make the two timelines differ for a reason the test is not about)
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertTrue(timeline(staff, caseA).stream().anyMatch(l -> l.startsWith("MESSAGE_REQUESTED overdue-first")));
            assertTrue(timeline(staff, caseB).stream().anyMatch(l -> l.startsWith("MESSAGE_REQUESTED overdue-first")));
        });
        clock.setTo(Instant.parse("2026-10-12T12:30:00Z")); // Monday 09:30: the second notice and the call
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertTrue(timeline(staff, caseA).stream().anyMatch(l -> l.startsWith("TASK_CREATED")));
            assertTrue(timeline(staff, caseB).stream().anyMatch(l -> l.startsWith("TASK_CREATED")));
        });
        List<KafkaEvents.Envelope> payA = paying(inOrder, a);
        List<KafkaEvents.Envelope> payB = paying(shuffled, b);
        kafka().publish(payA.toArray(KafkaEvents.Envelope[]::new));
        List<KafkaEvents.Envelope> payMessy = new ArrayList<>(payB);
        payMessy.addAll(payB);
        shuffle(payMessy, 7);
        kafka().publish(payMessy.toArray(KafkaEvents.Envelope[]::new));
        awaitCases(staff, inOrder, "CLOSED", 1);
        awaitCases(staff, shuffled, "CLOSED", 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(timeline(staff, caseA), timeline(staff, caseB)));
        List<String> t = timeline(staff, caseA);
        assertEquals(1, t.stream().filter(l -> l.startsWith("CASE_OPENED")).count(), t.toString());
        assertEquals(2, t.stream().filter(l -> l.startsWith("INSTALLMENT_PAID")).count(), t.toString());
        assertEquals(dunningEvents(inOrder, NotificationRequested.class).stream().map(NotificationRequested::stepCode).sorted().toList(),
                dunningEvents(shuffled, NotificationRequested.class).stream().map(NotificationRequested::stepCode).sorted().toList());
    }

    private List<KafkaEvents.Envelope> opening(String payer) {
        String contract = UUID.randomUUID().toString();
        InstallmentView one = view(UUID.randomUUID().toString(), contract, 1, 2, "200.00", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30), "OPEN", "0.00");
        InstallmentView two = view(UUID.randomUUID().toString(), contract, 2, 2, "200.00", LocalDate.of(2026, 10, 30), LocalDate.of(2026, 10, 30), "OPEN", "0.00");
        return new ArrayList<>(List.of(
                KafkaEvents.Envelope.of(profile(TENANT, "CLINIC")),
                KafkaEvents.Envelope.of(payer(TENANT, payer, "Olga Ordem", "SP")),
                KafkaEvents.Envelope.of(new InstallmentCreated(UUID.randomUUID().toString(), TENANT, payer, one)),
                KafkaEvents.Envelope.of(new InstallmentCreated(UUID.randomUUID().toString(), TENANT, payer, two)),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, with(one, "OVERDUE", "0.00"),
                        LocalDate.of(2026, 10, 1)))));
    }

    private List<KafkaEvents.Envelope> paying(String payer, List<KafkaEvents.Envelope> opening) {
        InstallmentView one = ((InstallmentCreated) opening.get(2).event()).installment();
        InstallmentView two = ((InstallmentCreated) opening.get(3).event()).installment();
        return new ArrayList<>(List.of(
                KafkaEvents.Envelope.of(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payer, with(one, "PAID", "204.80"),
                        UUID.randomUUID().toString(), MoneyAmount.brl(new BigDecimal("204.80")), LocalDate.of(2026, 10, 12), "PIX")),
                KafkaEvents.Envelope.of(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payer, with(two, "PAID", "200.00"),
                        UUID.randomUUID().toString(), MoneyAmount.brl(new BigDecimal("200.00")), LocalDate.of(2026, 10, 12), "PIX"))));
    }

    @Test
    void afterDowntimeBetweenTwoStepsTheRowsSurviveAndEachCaseStepAndInstallmentRunsOnce() throws Exception {
        String staff = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        String payer = UUID.randomUUID().toString();
        InstallmentView i = view(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 1, "200.00", LocalDate.of(2026, 11, 3),
                LocalDate.of(2026, 11, 3), "OVERDUE", "0.00");
        clock.setTo(Instant.parse("2026-11-04T10:00:00Z")); // 07:00 in São Paulo
        kafka().publish(KafkaEvents.Envelope.of(profile(TENANT, "CLINIC")), KafkaEvents.Envelope.of(payer(TENANT, payer, "Davi Downtime", "SP")),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, i, LocalDate.of(2026, 11, 4))));
        String caseId = awaitCases(staff, payer, "OPEN", 1).getString("[0].id");
        clock.setTo(Instant.parse("2026-11-04T12:30:00Z"));
        awaitCommand(payer, "overdue-first", i);

        // the service is down (nothing ticks) while the clock passes the second notice (+7), the call (+10) and the
        // bureau notice (+15)
        scheduler.pause();
        try {
            clock.setTo(Instant.parse("2026-11-19T12:30:00Z"));
            assertEquals(3, count("select count(*) from scheduled_step where payer_id = '" + payer + "' and status = 'PENDING' "
                    + "and effective_local <= '2026-11-19T09:30:00'"), "the missed steps wait as rows");
        } finally {
            scheduler.resume();
        }
        // back up, with the payer's whole billing stream redelivered: each missed step runs once, in order
        kafka().republish(kafka().readAll(Topics.BILLING_EVENTS, Duration.ofSeconds(2)).stream()
                .filter(r -> r.key().endsWith(payer)).toList());
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertEquals(List.of("NOTICE"),
                dunningEvents(payer, BureauActionRequested.class).stream().map(BureauActionRequested::action).toList()));
        Thread.sleep(3000); // several more ticks: nothing may run twice
        assertEquals(List.of("overdue-first", "overdue-second"), dunningEvents(payer, NotificationRequested.class).stream()
                .map(NotificationRequested::stepCode).toList(), "the late second notice runs once (its setting is run-when-late)");
        assertEquals(List.of("NOTICE"), dunningEvents(payer, BureauActionRequested.class).stream().map(BureauActionRequested::action).toList());
        assertEquals(1, count("select count(*) from staff_task where case_id = '" + caseId + "'"));
        assertEquals(0, count("select count(*) from (select installment_id, step_code from scheduled_step where payer_id = '" + payer
                + "' group by 1, 2 having count(*) > 1) d"));
        List<String> t = timeline(staff, caseId).stream().filter(l -> l.startsWith("STEP_")).toList();
        assertEquals(List.of("STEP_EXECUTED overdue-first (SEND_MESSAGE)", "STEP_EXECUTED bureau-notice (BUREAU_NOTICE)",
                "STEP_EXECUTED collector-call (CREATE_TASK)", "STEP_EXECUTED overdue-second (SEND_MESSAGE)"), t,
                "the three missed steps ran in one tick after the restart (same instant, listed by kind and text)");
    }

    // ---- helpers ----

    static InstallmentView view(String id, String contract, int number, int count, String nominal, LocalDate originalDue,
                                LocalDate due, String status, String paid) {
        return new InstallmentView(id, contract, number, count, MoneyAmount.brl(new BigDecimal(nominal)), originalDue, due, TERMS,
                status, MoneyAmount.brl(new BigDecimal(paid)));
    }

    static InstallmentView with(InstallmentView v, String status, String paid) {
        return new InstallmentView(v.installmentId(), v.contractId(), v.number(), v.count(), v.nominal(), v.originalDueDate(),
                v.dueDate(), v.terms(), status, MoneyAmount.brl(new BigDecimal(paid)));
    }

    static TenantProfileUpdated profile(String tenant, String vertical) {
        TenantProfileUpdated s = GoldenSamples.payload(EventType.TENANT_PROFILE_UPDATED, TenantProfileUpdated.class);
        return new TenantProfileUpdated(UUID.randomUUID().toString(), tenant, s.legalName(), s.tradeName(), s.cnpj(), s.address(),
                s.timeZone(), vertical, s.state(), s.cityIbgeCode(), s.cityHolidays());
    }

    static PayerRegistered payer(String tenant, String payerId, String name, String state) {
        return new PayerRegistered(UUID.randomUUID().toString(), tenant, payerId, name, "529.982.247-25",
                name.toLowerCase().replace(' ', '.') + "@example.com", "+5519991234567", state, null,
                new Address("Rua Barão de Jaguara", "1200", null, "Centro", "Campinas", state, "13015-002"),
                new PayerConsent(List.of("SMS"), false, null, null), null, List.of());
    }

    void overdue(String payer, InstallmentView v, LocalDate since) {
        kafka().publish(KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer,
                with(v, "OVERDUE", "0.00"), since)));
    }

    void paid(String payer, InstallmentView v, String amount, LocalDate on) {
        kafka().publish(KafkaEvents.Envelope.of(new InstallmentPaid(UUID.randomUUID().toString(), TENANT, payer,
                with(v, "PAID", amount), UUID.randomUUID().toString(), MoneyAmount.brl(new BigDecimal(amount)), on, "PIX")));
    }

    static List<String> timeline(String token, String caseId) {
        JsonPath t = given().auth().oauth2(token).get("/api/dunning/cases/" + caseId + "/timeline").then().statusCode(200).extract().jsonPath();
        List<String> kinds = t.getList("kind", String.class);
        List<String> details = t.getList("detail", String.class);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            out.add(kinds.get(i) + " " + details.get(i));
        }
        return out;
    }

    void awaitSteps(String token, String payer, int pending) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(pending, given().auth().oauth2(token)
                .get("/api/dunning/payers/" + payer + "/steps").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.status == 'PENDING' }").size()));
    }

    JsonPath awaitCases(String token, String payer, String state, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .queryParam("payerId", payer).queryParam("state", state).get("/api/dunning/cases").then().statusCode(200)
                .extract().jsonPath(), j -> j.getList("$").size() == count);
    }

    void awaitCommand(String payer, String step, InstallmentView v) {
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertTrue(dunningEvents(payer, NotificationRequested.class)
                .stream().anyMatch(n -> n.stepCode().equals(step) && v.installmentId().equals(n.installmentId())), step + " for " + v.number()));
    }

    List<BureauActionRequested> awaitBureau(String payer, List<String> actions) {
        return Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> dunningEvents(payer, BureauActionRequested.class),
                l -> l.stream().map(BureauActionRequested::action).toList().equals(actions));
    }

    List<ServiceRestrictionChanged> awaitRestrictions(String payer, List<Boolean> states) {
        return Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> dunningEvents(payer, ServiceRestrictionChanged.class),
                l -> l.stream().map(ServiceRestrictionChanged::restricted).toList().equals(states));
    }

    static <T extends RegisteredEvent> List<T> dunningEvents(String payer, Class<T> type) {
        List<T> out = new ArrayList<>();
        String ceType = EventType.of(type).type();
        for (ConsumerRecord<String, String> rec : kafka().readAll(Topics.DUNNING_EVENTS, Duration.ofSeconds(2))) {
            if (ceType.equals(KafkaEvents.header(rec, "ce_type")) && rec.key().endsWith(payer)) {
                out.add(EventCodec.fromJson(rec.value(), type));
            }
        }
        return out;
    }

    static KafkaEvents kafka() {
        return new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
    }

    long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void shuffle(List<KafkaEvents.Envelope> list, long seed) {
        Collections.shuffle(list, new Random(seed));
    }
}
