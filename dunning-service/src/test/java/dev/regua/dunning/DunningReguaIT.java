package dev.regua.dunning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.Topics;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The régua against real Kafka and PostgreSQL: billing's facts go in as CloudEvents built from the golden samples,
 * the clock moves, notification commands come out.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "dunning"))
class DunningReguaIT {
    @Inject
    PlatformClock clock;

    @Test
    void remindsBeforeTheDueDateNotifiesTheDayAfterAndStopsOncePaidEvenWithDuplicatedAndReorderedEvents() {
        String tenant = "clinica-sorriso";
        String payer = UUID.randomUUID().toString();
        clock.setTo(Instant.parse("2026-03-02T15:00:00Z"));

        TenantProfileUpdated sample = GoldenSamples.payload(EventType.TENANT_PROFILE_UPDATED, TenantProfileUpdated.class);
        TenantProfileUpdated profile = new TenantProfileUpdated(UUID.randomUUID().toString(), tenant, sample.legalName(),
                sample.tradeName(), sample.cnpj(), sample.address(), sample.timeZone(), sample.vertical(), sample.state(), sample.cityIbgeCode(), sample.cityHolidays());
        PayerRegistered registered = GoldenSamples.payload(EventType.PAYER_REGISTERED, PayerRegistered.class);
        registered = new PayerRegistered(UUID.randomUUID().toString(), tenant, payer, registered.name(), registered.taxId(),
                registered.email(), registered.mobile(), registered.state(), registered.whatsapp(), registered.address(),
                registered.consent(), registered.responsible(), registered.tags());
        InstallmentView golden = GoldenSamples.payload(EventType.INSTALLMENT_CREATED, InstallmentCreated.class).installment();
        InstallmentView view = new InstallmentView(UUID.randomUUID().toString(), golden.contractId(), golden.number(),
                golden.count(), golden.nominal(), golden.originalDueDate(), golden.dueDate(), golden.terms(), golden.status(),
                golden.paidAmount());
        InstallmentCreated created = new InstallmentCreated(UUID.randomUUID().toString(), tenant, payer, view);

        KafkaEvents.Envelope p = KafkaEvents.Envelope.of(profile);
        KafkaEvents.Envelope r = KafkaEvents.Envelope.of(registered);
        KafkaEvents.Envelope c = KafkaEvents.Envelope.of(created);
        // out of order and twice: the installment before its payer, everything delivered again
        publish(c, p, r, c, r);

        clock.setTo(Instant.parse("2026-03-07T12:30:00Z")); // 09:30 in São Paulo, three days before the due date
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(List.of("reminder-before-due"), commandsFor(payer).stream().map(NotificationRequested::stepCode).toList()));

        InstallmentOverdue overdue = new InstallmentOverdue(UUID.randomUUID().toString(), tenant, payer,
                withStatus(view, "OVERDUE"), java.time.LocalDate.of(2026, 3, 11));
        KafkaEvents.Envelope o = KafkaEvents.Envelope.of(overdue);
        PayerUpdated moved = new PayerUpdated(UUID.randomUUID().toString(), tenant, payer, registered.name(),
                registered.taxId(), "maria.nova@example.com", registered.mobile(), "RJ", registered.whatsapp(),
                registered.address(), registered.consent(), registered.responsible(), registered.tags());
        clock.setTo(Instant.parse("2026-03-11T12:30:00Z"));
        publish(KafkaEvents.Envelope.of(moved), o, o);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<NotificationRequested> commands = commandsFor(payer);
            assertEquals(List.of("reminder-before-due", "overdue-first"), commands.stream().map(NotificationRequested::stepCode).toList());
            NotificationRequested notice = commands.get(1);
            assertEquals("306.10", notice.variables().get("amountDue"));
            assertEquals("6.00", notice.variables().get("fine"));
            assertEquals("0.10", notice.variables().get("interest"));
            assertEquals("2026-03-10", notice.variables().get("originalDueDate"));
            assertEquals(profile.cnpj(), notice.creditor().cnpj());
            assertEquals("maria.nova@example.com", notice.recipient().email(), "the payer's new address is used");
            assertEquals("dunning:" + tenant + ":" + view.installmentId() + ":overdue-first", notice.idempotencyKey());
        });

        InstallmentPaid paid = new InstallmentPaid(UUID.randomUUID().toString(), tenant, payer, withStatus(view, "PAID"),
                UUID.randomUUID().toString(), new dev.regua.contract.MoneyAmount("306.20", "BRL"), java.time.LocalDate.of(2026, 3, 12), "PIX");
        publish(KafkaEvents.Envelope.of(paid), o);
        String staff = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        // the payment must have reached dunning before the clock passes the second notice's day: moved earlier, the
        // step runner could claim that notice before the payment is consumed (a race the test is not about)
        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            var steps = given().auth().oauth2(staff).get("/api/dunning/payers/" + payer + "/steps").then().statusCode(200).extract().jsonPath();
            assertEquals("CANCELLED", steps.getString("find { it.stepCode == 'overdue-second' }.status"));
            assertEquals(0, steps.getList("findAll { it.status == 'PENDING' }").size(), "payment cancels every pending step");
        });
        clock.setTo(Instant.parse("2026-03-20T12:30:00Z")); // past the second notice's day
        var later = given().auth().oauth2(staff).get("/api/dunning/payers/" + payer + "/steps").then().statusCode(200).extract().jsonPath();
        assertEquals("CANCELLED", later.getString("find { it.stepCode == 'overdue-second' }.status"));
        String otherTenant = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(otherTenant).get("/api/dunning/payers/" + payer + "/steps").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(2, commandsFor(payer).size(), "no second notice after payment, nothing sent twice");
    }

    @Test
    void aPromiseToPayPausesTheReguaAndABrokenOneResumesItWhileAKeptOneClosesIt() {
        String tenant = "clinica-sorriso";
        clock.setTo(Instant.parse("2026-03-11T11:00:00Z")); // 08:00 in São Paulo, before the 09:00 notices
        TenantProfileUpdated sample = GoldenSamples.payload(EventType.TENANT_PROFILE_UPDATED, TenantProfileUpdated.class);
        InstallmentView golden = GoldenSamples.payload(EventType.INSTALLMENT_OVERDUE, InstallmentOverdue.class).installment();
        String breaker = UUID.randomUUID().toString();
        String keeper = UUID.randomUUID().toString();
        InstallmentView breakerInstallment = new InstallmentView(UUID.randomUUID().toString(), golden.contractId(), 1, 1,
                golden.nominal(), golden.originalDueDate(), golden.dueDate(), golden.terms(), "OVERDUE", golden.paidAmount());
        InstallmentView keeperInstallment = new InstallmentView(UUID.randomUUID().toString(), golden.contractId(), 1, 1,
                golden.nominal(), golden.originalDueDate(), golden.dueDate(), golden.terms(), "OVERDUE", golden.paidAmount());
        publish(KafkaEvents.Envelope.of(new TenantProfileUpdated(UUID.randomUUID().toString(), tenant, sample.legalName(),
                        sample.tradeName(), sample.cnpj(), sample.address(), sample.timeZone(), sample.vertical(), sample.state(), sample.cityIbgeCode(), sample.cityHolidays())),
                KafkaEvents.Envelope.of(new PayerRegistered(UUID.randomUUID().toString(), tenant, breaker, "Rui Breaker",
                        "529.982.247-25", "rui@example.com", null, "SP", null, null, null, null, null)),
                KafkaEvents.Envelope.of(new PayerRegistered(UUID.randomUUID().toString(), tenant, keeper, "Kátia Keeper",
                        "390.533.447-05", "katia@example.com", null, "SP", null, null, null, null, null)),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), tenant, breaker, breakerInstallment,
                        java.time.LocalDate.of(2026, 3, 11))),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), tenant, keeper, keeperInstallment,
                        java.time.LocalDate.of(2026, 3, 11))));
        String staff = KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "ana", "ana");
        for (String payer : List.of(breaker, keeper)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(staff)
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("promisedDate", "2026-03-13", "amount", "306.10"))
                    .post("/api/dunning/payers/" + payer + "/promises").then().statusCode(201).body("status", equalTo("OPEN")));
        }
        // the staff agenda: both became overdue today; on the 13th both promises fall due
        given().auth().oauth2(staff).queryParam("date", "2026-03-11").get("/api/dunning/agenda").then().statusCode(200)
                .body("newlyOverdue.payerId", org.hamcrest.Matchers.hasItems(breaker, keeper))
                .body("overdue.find { it.payerId == '" + breaker + "' }.promiseOpen", equalTo(true))
                .body("overdue.find { it.payerId == '" + breaker + "' }.overdueAmount", equalTo(300.00f));
        given().auth().oauth2(staff).queryParam("date", "2026-03-13").get("/api/dunning/agenda").then().statusCode(200)
                .body("promisesDue.payerId", org.hamcrest.Matchers.hasItems(breaker, keeper));
        // the other tenant's agenda never shows these payers (404 while it has no billing facts, else without them)
        var bruno = given().auth().oauth2(KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "bruno", "bruno"))
                .queryParam("date", "2026-03-11").get("/api/dunning/agenda");
        if (bruno.statusCode() != 404) {
            bruno.then().statusCode(200).body("newlyOverdue.payerId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(breaker)))
                    .body("overdue.payerId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(breaker)));
        }
        given().auth().oauth2(staff).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("promisedDate", "2026-03-14", "amount", "1.00"))
                .post("/api/dunning/payers/" + breaker + "/promises").then().statusCode(422).body("rule", equalTo("one-open-promise"));
        given().auth().oauth2(staff).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("promisedDate", "2026-03-01", "amount", "1.00"))
                .post("/api/dunning/payers/" + keeper + "/promises").then().statusCode(400).body("errors[0].field", equalTo("promisedDate"));

        clock.setTo(Instant.parse("2026-03-11T12:30:00Z")); // the first notice's moment: the promise holds it back
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(staff).get("/api/dunning/payers/" + breaker + "/steps").then()
                        .body("find { it.stepCode == 'overdue-first' }.outcome", org.hamcrest.Matchers.startsWith("waiting for the promise")));
        assertEquals(List.of(), commandsFor(breaker));

        kafka().publish(KafkaEvents.Envelope.of(new InstallmentPaid(UUID.randomUUID().toString(), tenant, keeper,
                withStatus(keeperInstallment, "PAID"), UUID.randomUUID().toString(),
                new dev.regua.contract.MoneyAmount("306.10", "BRL"), java.time.LocalDate.of(2026, 3, 12), "PIX")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(staff).get("/api/dunning/payers/" + keeper + "/promises").then().body("[0].status", equalTo("KEPT")));

        // promised 03-13 + 1 grace day: broken from Sunday 03-15; São Paulo's contact-hour law allows no message on a
        // Sunday, so the held-back notice goes out on Monday morning
        clock.setTo(Instant.parse("2026-03-16T12:30:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(staff).get("/api/dunning/payers/" + breaker + "/promises").then().body("[0].status", equalTo("BROKEN"));
            assertEquals(List.of("overdue-first"), commandsFor(breaker).stream().map(NotificationRequested::stepCode).toList());
        });
        var types = kafka().readAll(Topics.DUNNING_EVENTS, Duration.ofSeconds(3)).stream()
                .filter(r -> r.key().endsWith(breaker) || r.key().endsWith(keeper))
                .map(r -> KafkaEvents.header(r, "ce_type")).toList();
        assertEquals(true, types.contains("dev.regua.dunning.promise.broken.v1"), types.toString());
        assertEquals(true, types.contains("dev.regua.dunning.promise.kept.v1"), types.toString());
        assertEquals(List.of(), commandsFor(keeper), "a kept promise closes the payer's régua");
        given().auth().oauth2(KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret"))
                .get("/api/dunning/payers/" + breaker + "/promises").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aMessageThatIsNotACloudEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String marker = "poison-" + UUID.randomUUID();
        kafka().publishRaw(Topics.BILLING_EVENTS, "clinica-sorriso/poison", "{\"" + marker + "\": true}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> kafka().readAll("regua.dunning.dlq", Duration.ofSeconds(2))
                .stream().anyMatch(rec -> rec.value() != null && rec.value().contains(marker)));
    }

    @Test
    void aCallWithoutTokenIsRefused() {
        given().get("/api/dunning/payers/" + UUID.randomUUID() + "/steps").then().statusCode(401);
    }

    private static InstallmentView withStatus(InstallmentView v, String status) {
        return new InstallmentView(v.installmentId(), v.contractId(), v.number(), v.count(), v.nominal(),
                v.originalDueDate(), v.dueDate(), v.terms(), status, v.paidAmount());
    }

    private static KafkaEvents kafka() {
        return new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
    }

    private void publish(KafkaEvents.Envelope... events) {
        kafka().publish(events);
    }

    private List<NotificationRequested> commandsFor(String payer) {
        List<NotificationRequested> out = new ArrayList<>();
        for (ConsumerRecord<String, String> rec : kafka().readAll(Topics.DUNNING_EVENTS, Duration.ofSeconds(3))) {
            if (!EventType.NOTIFICATION_REQUESTED.type().equals(KafkaEvents.header(rec, "ce_type"))) {
                continue;
            }
            NotificationRequested command = EventCodec.fromJson(rec.value(), NotificationRequested.class);
            if (payer.equals(command.payerId())) {
                out.add(command);
            }
        }
        return out;
    }
}
