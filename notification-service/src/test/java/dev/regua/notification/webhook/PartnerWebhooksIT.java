package dev.regua.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.Topics;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.notification.WebhookEndpointDisabled;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Partner webhooks against real Kafka, PostgreSQL and Keycloak, delivered to a real HTTP receiver that verifies the
 * Standard Webhooks signature with its own implementation. Time moves by setting the platform clock.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = {
        @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "notification"),
        @ResourceArg(name = LocalInfraTestResource.SMTP, value = "true")})
class PartnerWebhooksIT {
    private static final String BASE = "/api/notifications/webhooks";
    private static final String PAID = "dev.regua.billing.installment.paid.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-11T12:00:00Z");

    @Inject
    PlatformClock clock;

    private static String sorriso() {
        return KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "sorriso-integration", "sorriso-integration-secret");
    }

    private static String visao() {
        return KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), "visao-integration", "visao-integration-secret");
    }

    private WebhookReceiver receiver(int... scripted) throws Exception {
        return new WebhookReceiver(clock::instant, scripted);
    }

    private static JsonPath register(String token, String url, List<String> eventTypes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", eventTypes, "description", "ERP da clínica"))
                .post(BASE + "/endpoints").then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    private static InstallmentPaid installmentPaid(String tenantId) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(GoldenSamples.json(EventType.INSTALLMENT_PAID));
        node.put("eventId", UUID.randomUUID().toString());
        node.put("tenantId", tenantId);
        return EventCodec.fromJson(node.toString(), InstallmentPaid.class);
    }

    private static void publish(InstallmentPaid event) {
        new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers()).publish(new KafkaEvents.Envelope(event.eventId(), event));
    }

    private static Map<String, Object> delivery(String token, String endpointId, String webhookId) {
        List<Map<String, Object>> all = given().auth().oauth2(token).get(BASE + "/endpoints/" + endpointId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(d -> webhookId.equals(d.get("webhookId"))).findFirst().orElse(null);
    }

    private static Map<String, Object> awaitDelivery(String token, String endpointId, String webhookId, int attempts) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> delivery(token, endpointId, webhookId), d -> d != null && ((Number) d.get("attempts")).intValue() == attempts);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> log(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attemptLog");
    }

    private static Instant instant(Object iso) {
        return Instant.parse(iso.toString());
    }

    /** Rows as the database holds them (to prove what is and is not stored in clear). */
    private static List<String> column(String sql, Object... params) throws Exception {
        var infra = LocalInfraTestResource.infra();
        try (var connection = java.sql.DriverManager.getConnection(infra.jdbcUrl("notification"), infra.dbUser(), infra.dbPassword());
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static void delete(String token, String endpointId) {
        given().auth().oauth2(token).delete(BASE + "/endpoints/" + endpointId).then().statusCode(204);
    }

    @Test
    void signsRetriesOnTheScheduleAndDeliversOnceWhenTheReceiverFailsTwice() throws Exception {
        clock.setTo(T0);
        String token = sorriso();
        try (WebhookReceiver receiver = receiver(500, 500)) {
            JsonPath endpoint = register(token, receiver.url(), List.of(PAID));
            String endpointId = endpoint.getString("id");
            String secret = endpoint.getString("secret");
            InstallmentPaid event = installmentPaid("clinica-sorriso");
            publish(event);
            publish(event); // redelivered: the inbox keeps it to one delivery

            Map<String, Object> first = awaitDelivery(token, endpointId, event.eventId(), 1);
            assertEquals("PENDING", first.get("status"));
            Map<String, Object> a1 = log(first).get(0);
            assertEquals(500, a1.get("statusCode"));
            Duration firstBackoff = Duration.between(instant(a1.get("attemptedAt")), instant(first.get("nextAttemptAt")));
            assertTrue(firstBackoff.compareTo(Duration.ofSeconds(5)) >= 0 && firstBackoff.compareTo(Duration.ofMillis(5500)) <= 0,
                    "5 s plus at most 10 % jitter, was " + firstBackoff);

            clock.setTo(instant(first.get("nextAttemptAt")));
            Map<String, Object> second = awaitDelivery(token, endpointId, event.eventId(), 2);
            Map<String, Object> a2 = log(second).get(1);
            Duration secondBackoff = Duration.between(instant(a2.get("attemptedAt")), instant(second.get("nextAttemptAt")));
            assertTrue(secondBackoff.compareTo(Duration.ofMinutes(5)) >= 0 && secondBackoff.compareTo(Duration.ofSeconds(330)) <= 0,
                    "5 min plus at most 10 % jitter, was " + secondBackoff);
            assertEquals(instant(second.get("nextAttemptAt")), instant(a2.get("nextAttemptAt")));

            clock.setTo(instant(second.get("nextAttemptAt")));
            Map<String, Object> third = awaitDelivery(token, endpointId, event.eventId(), 3);
            assertEquals("DELIVERED", third.get("status"));
            assertEquals(List.of(500, 500, 200), log(third).stream().map(a -> a.get("statusCode")).toList());
            assertEquals(List.of(1, 2, 3), log(third).stream().map(a -> a.get("number")).toList());
            assertEquals(instant(log(third).get(2).get("attemptedAt")), instant(third.get("deliveredAt")));
            assertEquals(null, third.get("nextAttemptAt"));

            List<WebhookReceiver.Request> requests = receiver.requestsFor(event.eventId());
            assertEquals(3, requests.size(), "three attempts, all under the event's id as webhook-id");
            for (WebhookReceiver.Request r : requests) {
                assertTrue(WebhookReceiver.verifies(secret, r), "signature of " + r);
                assertEquals(1, r.signatures().size());
                assertEquals("application/json", r.contentType());
                assertTrue(Math.abs(Long.parseLong(r.timestamp()) - r.receivedAt().getEpochSecond()) <= 300,
                        "webhook-timestamp is the attempt's business time");
                JsonNode body = JSON.readTree(r.body());
                assertEquals(PAID, body.get("type").asText());
                assertEquals(event.eventId(), body.get("data").get("eventId").asText());
                assertEquals("clinica-sorriso", body.get("data").get("tenantId").asText());
            }
            assertEquals(requests.get(0).body(), requests.get(2).body(), "the same bytes on every attempt");
            assertNotEquals(requests.get(0).timestamp(), requests.get(2).timestamp());

            clock.setTo(instant(third.get("deliveredAt")).plus(Duration.ofDays(3)));
            Thread.sleep(2000);
            assertEquals(3, receiver.requestsFor(event.eventId()).size(), "delivered once, never retried after a 2xx");
            assertEquals(1, given().auth().oauth2(token).get(BASE + "/endpoints/" + endpointId + "/deliveries").then()
                    .extract().jsonPath().getList("findAll { it.webhookId == '" + event.eventId() + "' }").size());
            delete(token, endpointId);
        }
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() throws Exception {
        clock.setTo(T0);
        String token = sorriso();
        try (WebhookReceiver receiver = receiver()) {
            JsonPath endpoint = register(token, receiver.url(), List.of("dev.regua.billing.installment.*"));
            String endpointId = endpoint.getString("id");
            String oldSecret = endpoint.getString("secret");
            JsonPath rotated = given().auth().oauth2(token).header("Idempotency-Key", "rotate-" + endpointId)
                    .post(BASE + "/endpoints/" + endpointId + "/rotate-secret").then().statusCode(200)
                    .body("secret", startsWith("whsec_")).extract().jsonPath();
            String newSecret = rotated.getString("secret");
            Duration overlap = Duration.between(T0, instant(rotated.getString("previousSecretValidUntil")));
            assertTrue(overlap.compareTo(Duration.ofHours(24)) >= 0 && overlap.compareTo(Duration.ofHours(24).plusMinutes(1)) < 0,
                    "the old secret signs for 24 h, was " + overlap);
            given().auth().oauth2(token).header("Idempotency-Key", "rotate-" + endpointId)
                    .post(BASE + "/endpoints/" + endpointId + "/rotate-secret").then().statusCode(200)
                    .header("Idempotent-Replayed", "true").body("secret", nullValue());
            assertNotEquals(oldSecret, newSecret);
            given().auth().oauth2(token).get(BASE + "/endpoints/" + endpointId).then().statusCode(200).body("secret", nullValue());
            List<String> stored = column("select secret_ciphertext || ' ' || previous_secret_ciphertext from webhook_endpoint where id = ?",
                    UUID.fromString(endpointId));
            assertTrue(stored.get(0).startsWith("v1:"), "encrypted at rest");
            assertFalse(stored.get(0).contains(newSecret.substring(6)) || stored.get(0).contains(oldSecret.substring(6)), "never in clear");
            assertEquals(List.of("0"), column("select count(*) from idempotency_record where body like '%whsec_%'"),
                    "the idempotency record of the rotation holds no secret");

            InstallmentPaid during = installmentPaid("clinica-sorriso");
            publish(during);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.requestsFor(during.eventId()).isEmpty());
            WebhookReceiver.Request r = receiver.requestsFor(during.eventId()).get(0);
            assertEquals(2, r.signatures().size(), r.signature());
            assertTrue(WebhookReceiver.signatureMatches(newSecret, r, r.signatures().get(0)), "the new secret signs first");
            assertTrue(WebhookReceiver.signatureMatches(oldSecret, r, r.signatures().get(1)), "the old secret still signs");

            clock.setTo(T0.plus(Duration.ofHours(25)));
            InstallmentPaid after = installmentPaid("clinica-sorriso");
            publish(after);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.requestsFor(after.eventId()).isEmpty());
            WebhookReceiver.Request later = receiver.requestsFor(after.eventId()).get(0);
            assertEquals(1, later.signatures().size(), later.signature());
            assertTrue(WebhookReceiver.verifies(newSecret, later));
            assertFalse(WebhookReceiver.verifies(oldSecret, later), "the overlap is over");
            delete(token, endpointId);
        }
    }

    @Test
    void anEndpointFailingForThirtySixHoursIsDisabledWithAnEventAndAReplayAfterReEnablingDelivers() throws Exception {
        clock.setTo(T0);
        String token = sorriso();
        try (WebhookReceiver receiver = receiver()) {
            receiver.defaultStatus = 503;
            String endpointId = register(token, receiver.url(), List.of(PAID)).getString("id");
            InstallmentPaid event = installmentPaid("clinica-sorriso");
            publish(event);

            Map<String, Object> d = null;
            boolean enabled = true;
            for (int attempt = 1; attempt <= 11 && enabled; attempt++) {
                d = awaitDelivery(token, endpointId, event.eventId(), attempt);
                enabled = given().auth().oauth2(token).get(BASE + "/endpoints/" + endpointId).then().extract().path("enabled");
                if (enabled) {
                    clock.setTo(instant(d.get("nextAttemptAt")));
                }
            }
            int attempts = ((Number) d.get("attempts")).intValue();
            assertFalse(enabled, "disabled before the delivery ran out of attempts");
            assertEquals(9, attempts, "disabled once every attempt failed for 36 h: attempt 8 comes at 27 h 35 min (30 h 20 min with full jitter), attempt 9 at 37 h 35 min or later");
            assertEquals("PENDING", d.get("status"), "the delivery waits for the endpoint");
            JsonPath endpoint = given().auth().oauth2(token).get(BASE + "/endpoints/" + endpointId).then().statusCode(200).extract().jsonPath();
            assertTrue(endpoint.getString("disabledReason").startsWith("every attempt failed since"), endpoint.getString("disabledReason"));
            assertEquals(attempts, endpoint.getInt("consecutiveFailures"));

            KafkaEvents kafka = new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
            WebhookEndpointDisabled disabled = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> kafka
                            .readAll(Topics.NOTIFICATION_EVENTS, Duration.ofSeconds(2)).stream()
                            .filter(r -> EventType.WEBHOOK_ENDPOINT_DISABLED.type().equals(KafkaEvents.header(r, CloudEventHeaders.TYPE)))
                            .map(r -> EventCodec.fromJson(r.value(), WebhookEndpointDisabled.class))
                            .filter(e -> e.endpointId().equals(endpointId)).findFirst().orElse(null),
                    e -> e != null);
            assertEquals("clinica-sorriso", disabled.tenantId());
            assertEquals(receiver.url(), disabled.url());
            assertEquals(attempts, disabled.consecutiveFailures());

            String deliveryId = d.get("id").toString();
            given().auth().oauth2(token).post(BASE + "/deliveries/" + deliveryId + "/replay").then().statusCode(422)
                    .contentType("application/problem+json").body("rule", equalTo("webhook-endpoint-disabled"));
            Thread.sleep(1500);
            assertEquals(attempts, receiver.requestsFor(event.eventId()).size(), "nothing goes to a disabled endpoint");

            receiver.defaultStatus = 204;
            given().auth().oauth2(token).header("Idempotency-Key", "enable-" + endpointId)
                    .post(BASE + "/endpoints/" + endpointId + "/enable").then().statusCode(200)
                    .body("enabled", equalTo(true)).body("consecutiveFailures", equalTo(0)).body("disabledReason", nullValue());
            given().auth().oauth2(token).header("Idempotency-Key", "replay-" + deliveryId)
                    .post(BASE + "/deliveries/" + deliveryId + "/replay").then().statusCode(202).body("status", equalTo("PENDING"));
            Map<String, Object> replayed = awaitDelivery(token, endpointId, event.eventId(), attempts + 1);
            assertEquals("DELIVERED", replayed.get("status"));
            Map<String, Object> last = log(replayed).get(attempts);
            assertEquals("REPLAY", last.get("trigger"));
            assertEquals(204, last.get("statusCode"));
            assertEquals(attempts + 1, receiver.requestsFor(event.eventId()).size(), "the replay went out under the same webhook-id");
            delete(token, endpointId);
        }
    }

    @Test
    void anEndpointAnswering410GoneIsDisabledAndTheDeliveryFails() throws Exception {
        clock.setTo(T0);
        String token = sorriso();
        try (WebhookReceiver receiver = receiver(410)) {
            String endpointId = register(token, receiver.url(), List.of("dev.regua.billing.*")).getString("id");
            InstallmentPaid event = installmentPaid("clinica-sorriso");
            publish(event);
            Map<String, Object> d = awaitDelivery(token, endpointId, event.eventId(), 1);
            assertEquals("FAILED", d.get("status"));
            given().auth().oauth2(token).get(BASE + "/endpoints/" + endpointId).then()
                    .body("enabled", equalTo(false)).body("disabledReason", equalTo("the endpoint answered 410 Gone"));
            delete(token, endpointId);
        }
    }

    @Test
    void eventsOfOneTenantNeverReachAnotherTenantsEndpointsAndItsIdsAreNotFound() throws Exception {
        clock.setTo(T0);
        String sorriso = sorriso();
        String visao = visao();
        try (WebhookReceiver mine = receiver(); WebhookReceiver theirs = receiver()) {
            String myEndpoint = register(sorriso, mine.url(), List.of(PAID)).getString("id");
            String theirEndpoint = register(visao, theirs.url(), List.of("*")).getString("id");

            InstallmentPaid forSorriso = installmentPaid("clinica-sorriso");
            InstallmentPaid forVisao = installmentPaid("otica-visao");
            publish(forSorriso);
            publish(forVisao);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    !mine.requestsFor(forSorriso.eventId()).isEmpty() && !theirs.requestsFor(forVisao.eventId()).isEmpty());
            Thread.sleep(1500);
            assertTrue(theirs.requestsFor(forSorriso.eventId()).isEmpty(), "tenant A's event never reaches tenant B");
            assertTrue(mine.requestsFor(forVisao.eventId()).isEmpty(), "tenant B's event never reaches tenant A");

            String myDelivery = delivery(sorriso, myEndpoint, forSorriso.eventId()).get("id").toString();
            given().auth().oauth2(visao).get(BASE + "/endpoints/" + myEndpoint).then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(visao).get(BASE + "/endpoints/" + myEndpoint + "/deliveries").then().statusCode(404);
            given().auth().oauth2(visao).get(BASE + "/deliveries/" + myDelivery).then().statusCode(404);
            given().auth().oauth2(visao).post(BASE + "/deliveries/" + myDelivery + "/replay").then().statusCode(404);
            given().auth().oauth2(visao).post(BASE + "/endpoints/" + myEndpoint + "/rotate-secret").then().statusCode(404);
            given().auth().oauth2(visao).post(BASE + "/endpoints/" + myEndpoint + "/disable").then().statusCode(404);
            given().auth().oauth2(visao).contentType(ContentType.JSON).body(Map.of("url", theirs.url(), "eventTypes", List.of("*")))
                    .put(BASE + "/endpoints/" + myEndpoint).then().statusCode(404);
            given().auth().oauth2(visao).delete(BASE + "/endpoints/" + myEndpoint).then().statusCode(404);
            given().auth().oauth2(visao).get(BASE + "/endpoints").then().statusCode(200).body("id", not(hasItem(myEndpoint)));
            given().auth().oauth2(sorriso).get(BASE + "/endpoints/" + myEndpoint).then().statusCode(200).body("enabled", equalTo(true));
            delete(sorriso, myEndpoint);
            delete(visao, theirEndpoint);
        }
    }

    @Test
    void badRegistrationsAreProblemsThatWriteNothingAndAnIdempotencyKeyRegistersOnce() throws Exception {
        String token = sorriso();
        int before = given().auth().oauth2(token).get(BASE + "/endpoints").then().extract().jsonPath().getList("$").size();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://erp.example.com.br/hook", "eventTypes", List.of("dev.regua.billing.installment.paid.v9")))
                .post(BASE + "/endpoints").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventTypes[0]"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://erp.example.com.br/hook", "eventTypes", List.of("dev.regua.notification.*")))
                .post(BASE + "/endpoints").then().statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://erp.example.com.br/hook", "eventTypes", List.of(PAID)))
                .post(BASE + "/endpoints").then().statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].message", equalTo("must use https"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://erp.example.com.br/hook", "eventTypes", List.of()))
                .post(BASE + "/endpoints").then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://erp.example.com.br/hook", "eventTypes", List.of(PAID), "secret", "whsec_mine"))
                .post(BASE + "/endpoints").then().statusCode(400).body("errors[0].field", equalTo("secret"));
        given().auth().oauth2(token).get(BASE + "/endpoints/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(token).get(BASE + "/endpoints/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        assertEquals(before, given().auth().oauth2(token).get(BASE + "/endpoints").then().extract().jsonPath().getList("$").size());

        String key = "register-" + UUID.randomUUID();
        Map<String, Object> request = Map.of("url", "https://erp.example.com.br/hook", "eventTypes", List.of("dev.regua.dunning.*"));
        JsonPath created = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(request)
                .post(BASE + "/endpoints").then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(request)
                .post(BASE + "/endpoints").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(created.getString("id"))).body("secret", nullValue());
        assertEquals(before + 1, given().auth().oauth2(token).get(BASE + "/endpoints").then().extract().jsonPath().getList("$").size());
        assertEquals(List.of("0"), column("select count(*) from idempotency_record where body like ?", "%" + created.getString("secret").substring(6) + "%"),
                "the stored answer for the Idempotency-Key holds no secret");
        given().auth().oauth2(token).get(BASE + "/event-types").then().statusCode(200).body("$", hasItem(PAID))
                .body("$", not(hasItem(EventType.WEBHOOK_ENDPOINT_DISABLED.type())));
        delete(token, created.getString("id"));
    }

    @Test
    void aReceiverAskingForALongerWaitWithRetryAfterGetsItsNextAttemptThen() throws Exception {
        clock.setTo(T0);
        String token = sorriso();
        try (WebhookReceiver receiver = receiver(503)) {
            receiver.retryAfter = "600";
            String endpointId = register(token, receiver.url(), List.of(PAID)).getString("id");
            InstallmentPaid event = installmentPaid("clinica-sorriso");
            publish(event);
            Map<String, Object> first = awaitDelivery(token, endpointId, event.eventId(), 1);
            assertEquals(Duration.ofSeconds(600), Duration.between(instant(log(first).get(0).get("attemptedAt")),
                    instant(first.get("nextAttemptAt"))), "Retry-After: 600 instead of the scheduled 5 s");
            clock.setTo(instant(first.get("nextAttemptAt")));
            assertEquals("DELIVERED", awaitDelivery(token, endpointId, event.eventId(), 2).get("status"));
            delete(token, endpointId);
        }
    }
}
