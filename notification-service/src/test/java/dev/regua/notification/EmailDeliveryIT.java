package dev.regua.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.MailMessage;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Notification commands in from real Kafka, e-mails out through a real SMTP server. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = {
        @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "notification"),
        @ResourceArg(name = LocalInfraTestResource.SMTP, value = "true")})
@QuarkusTestResource(MessagingSimulatorTestResource.class)
class EmailDeliveryIT {
    @Inject
    PlatformClock clock;

    private NotificationRequested command(String payerId, String email, String template, Instant notBefore, Instant notAfter) {
        NotificationRequested g = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
        return new NotificationRequested(UUID.randomUUID().toString(), "clinica-sorriso", payerId, g.installmentId(),
                "dunning:clinica-sorriso:" + payerId + ":" + template, g.stepCode(), g.channels(), template,
                new NotificationRequested.Recipient(g.recipient().name(), email, g.recipient().mobile(), g.recipient().state()),
                g.creditor(), g.variables(), notBefore, notAfter);
    }

    private void publish(NotificationRequested command, String messageId) {
        new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers()).publish(new KafkaEvents.Envelope(messageId, command));
    }

    @Test
    void sendsTheGoldenCommandOnceInPortugueseWithTheCreditorIdentityHoweverOftenItArrives() {
        clock.setTo(Instant.parse("2026-03-11T12:30:00Z"));
        String payerId = UUID.randomUUID().toString();
        String email = "paciente-" + payerId.substring(0, 8) + "@example.com";
        NotificationRequested command = command(payerId, email, "overdue-first", Instant.parse("2026-03-11T12:00:00Z"), null);
        String id = UUID.randomUUID().toString();
        publish(command, id);
        publish(command, id);                           // redelivered
        publish(command, UUID.randomUUID().toString()); // re-issued under a new message id, same idempotency key

        MailMessage mail = LocalInfraTestResource.infra().mailbox().awaitMessages(email, 1, Duration.ofSeconds(60)).get(0);
        assertEquals("Clínica Sorriso: parcela 1/3 em aberto desde 10/03/2026", mail.subject());
        assertTrue(mail.body().contains("R$ 306,10"), mail.body());
        assertTrue(mail.body().contains("CNPJ 11.222.333/0001-81"), mail.body());
        assertTrue(mail.raw().contains("X-Regua-Idempotency-Key: " + command.idempotencyKey()), "the idempotency key travels with the mail");

        String token = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/notifications/payers/" + payerId + "/messages").then().statusCode(200)
                        .body("size()", equalTo(1)).body("[0].status", equalTo("SENT")));
        sleepSeconds(3);
        assertEquals(1, LocalInfraTestResource.infra().mailbox().messagesFor(email).size(), "sent once");
        String other = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
        given().auth().oauth2(other).get("/api/notifications/payers/" + payerId + "/messages").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void waitsForTheCommandsWindowAndFailsOnceItClosedWithoutSending() {
        clock.setTo(Instant.parse("2026-03-11T12:30:00Z"));
        String early = UUID.randomUUID().toString();
        String earlyEmail = "early-" + early.substring(0, 8) + "@example.com";
        publish(command(early, earlyEmail, "before-due", Instant.parse("2026-03-12T12:00:00Z"), null), UUID.randomUUID().toString());
        String late = UUID.randomUUID().toString();
        String lateEmail = "late-" + late.substring(0, 8) + "@example.com";
        publish(command(late, lateEmail, "before-due", Instant.parse("2026-03-09T12:00:00Z"), Instant.parse("2026-03-10T23:59:00Z")), UUID.randomUUID().toString());

        String token = KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/notifications/payers/" + late + "/messages").then()
                        .body("[0].status", equalTo("FAILED")));
        // the early command's intake goes through Kafka too: await it at the earlier time, before the clock moves
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/notifications/payers/" + early + "/messages").then().body("[0].status", equalTo("QUEUED")));
        assertTrue(LocalInfraTestResource.infra().mailbox().messagesFor(earlyEmail).isEmpty(), "not before its time");

        clock.setTo(Instant.parse("2026-03-12T12:30:00Z"));
        List<MailMessage> mails = LocalInfraTestResource.infra().mailbox().awaitMessages(earlyEmail, 1, Duration.ofSeconds(60));
        assertEquals("Clínica Sorriso: sua parcela 1/3 vence em 10/03/2026", mails.get(0).subject());
        assertTrue(LocalInfraTestResource.infra().mailbox().messagesFor(lateEmail).isEmpty(), "never after its window");
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
