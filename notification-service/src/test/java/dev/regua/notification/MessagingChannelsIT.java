package dev.regua.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.Topics;
import dev.regua.contract.billing.PayerConsent;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.MailMessage;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * SMS and WhatsApp through the provider simulator, e-mail through the real SMTP server: request formats as the
 * simulator received them, callbacks, fallback, contact hours, consent, outage recovery and provider settings.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = {
        @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "notification"),
        @ResourceArg(name = LocalInfraTestResource.SMTP, value = "true")})
@QuarkusTestResource(MessagingSimulatorTestResource.class)
class MessagingChannelsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TWILIO_TOKEN = "twilio-auth-token-test";
    private final SimulatorClient simulator = new SimulatorClient();

    @Inject
    PlatformClock clock;

    private static String token(String client) {
        return KeycloakTokens.clientCredentials(LocalInfraTestResource.infra().realmUrl(), client, client + "-secret");
    }

    private static String sorriso() {
        return token("sorriso-integration");
    }

    private static String visao() {
        return token("visao-integration");
    }

    private static String mobile() {
        return "+5519" + (900000000 + ThreadLocalRandom.current().nextInt(99999999));
    }

    private static void configureTwilio(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("provider", "TWILIO", "sender", "+15005550006", "accountId", TWILIO_SID,
                        "secrets", Map.of("authToken", TWILIO_TOKEN), "unitCost", "0.08"))
                .put("/api/notifications/providers/SMS").then().statusCode(200);
    }

    private static void configureWhatsapp(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("provider", "WHATSAPP_CLOUD", "sender", "109876543210", "secrets",
                        Map.of("accessToken", "EAAG-test-token", "appSecret", MessagingSimulatorTestResource.WHATSAPP_APP_SECRET),
                        "unitCost", "0.35", "whatsappTemplates", Map.of("overdue-first", "cobranca_atraso_1")))
                .put("/api/notifications/providers/WHATSAPP").then().statusCode(200);
    }

    private static void configureZenvia(String token, String budget) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("provider", "ZENVIA", "sender", "otica-visao", "secrets",
                Map.of("apiToken", "zenvia-api-token-test", "webhookToken", MessagingSimulatorTestResource.ZENVIA_WEBHOOK_TOKEN),
                "unitCost", "0.10"));
        if (budget != null) {
            body.put("monthlyBudget", budget);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/notifications/providers/SMS").then().statusCode(200);
    }

    private static NotificationRequested command(String tenant, String payerId, String email, String mobile, String state,
                                                 List<String> channels, String template) {
        NotificationRequested g = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
        return new NotificationRequested(UUID.randomUUID().toString(), tenant, payerId, g.installmentId(),
                "dunning:" + tenant + ":" + payerId + ":" + template, g.stepCode(), channels, template,
                new NotificationRequested.Recipient(g.recipient().name(), email, mobile, state), g.creditor(), g.variables(),
                null, null);
    }

    private static KafkaEvents kafka() {
        return new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
    }

    private static void registerPayer(String tenant, String payerId, String email, String mobile, String whatsapp, String state,
                                      PayerConsent consent) {
        PayerRegistered g = GoldenSamples.payload(EventType.PAYER_REGISTERED, PayerRegistered.class);
        kafka().publish(KafkaEvents.Envelope.of(new PayerRegistered(UUID.randomUUID().toString(), tenant, payerId, g.name(), g.taxId(),
                email, mobile, state, whatsapp, g.address(), consent, null, List.of())));
        awaitContact(tenant, payerId, "");
    }

    /** Waits until the consent read model holds the payer with these opted-out channels. */
    private static void awaitContact(String tenant, String payerId, String optedOut) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                optedOut.equals(query("select opted_out_channels from payer_contact where tenant_id = ? and payer_id = ?::uuid", tenant, payerId)));
    }

    private static String query(String sql, String... params) {
        var infra = LocalInfraTestResource.infra();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("notification"), infra.dbUser(), infra.dbPassword());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath messages(String token, String payerId) {
        return given().auth().oauth2(token).get("/api/notifications/payers/" + payerId + "/messages").then().statusCode(200).extract().jsonPath();
    }

    private static JsonNode form(JsonNode request) {
        var node = JSON.createObjectNode();
        for (String pair : request.get("body").asText().split("&")) {
            String[] kv = pair.split("=", 2);
            node.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return node;
    }

    @Test
    void sendsAnApprovedWhatsappTemplateAndTheProvidersCallbacksMarkItDeliveredAndRead() throws Exception {
        clock.setTo(Instant.parse("2026-03-11T13:00:00Z"));
        String token = sorriso();
        configureWhatsapp(token);
        configureTwilio(token);
        String payerId = UUID.randomUUID().toString();
        String whatsapp = mobile();
        registerPayer("clinica-sorriso", payerId, "wa-" + payerId.substring(0, 8) + "@example.com", mobile(), whatsapp, "SP",
                new PayerConsent(List.of(), true, Instant.parse("2026-02-10T13:05:00Z"), "signed-form:ficha-0042"));
        NotificationRequested command = command("clinica-sorriso", payerId, "x@example.com", mobile(), "SP",
                List.of("WHATSAPP", "SMS", "EMAIL"), "overdue-first");
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(), command));

        String digits = whatsapp.substring(1);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !simulator.requests("whatsapp", digits).isEmpty());
        JsonNode request = simulator.requests("whatsapp", digits).get(0);
        assertEquals("/v21.0/109876543210/messages", request.get("path").asText());
        assertEquals("Bearer EAAG-test-token", request.at("/headers/authorization").asText());
        assertEquals(command.idempotencyKey() + ":WHATSAPP", request.at("/headers/x-regua-idempotency-key").asText());
        JsonNode body = JSON.readTree(request.get("body").asText());
        assertEquals("whatsapp", body.get("messaging_product").asText());
        assertEquals(digits, body.get("to").asText());
        assertEquals("template", body.get("type").asText());
        assertEquals("cobranca_atraso_1", body.at("/template/name").asText());
        assertEquals("pt_BR", body.at("/template/language/code").asText());
        assertTrue(body.get("biz_opaque_callback_data").asText().startsWith("regua:"), "our send reference, echoed in Meta's statuses");
        JsonNode parameters = body.at("/template/components/0/parameters");
        assertEquals("Maria", parameters.get(0).get("text").asText());
        assertEquals("R$ 306,10", parameters.get(3).get("text").asText());
        assertTrue(parameters.get(5).get("text").asText().contains("CNPJ 11.222.333/0001-81"), "the supplier's identity (CDC art. 42-A)");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath m = messages(token, payerId);
            assertEquals("READ", m.getString("[0].status"), () -> "callbacks posted: " + simulator.callbacks().stream()
                    .map(c -> c.get("provider").asText() + " " + c.get("status").asText() + " → " + c.get("answeredStatus").asInt() + " " + c.get("url").asText()).toList());
            assertEquals("WHATSAPP", m.getString("[0].channel"));
            assertEquals(List.of("QUEUED", "SENT", "DELIVERED", "READ"), m.getList("[0].history.status"));
        });
        assertTrue(simulator.requests("twilio", digits.substring(4)).isEmpty(), "no fallback once WhatsApp delivered");

        // a forged callback is refused and changes nothing
        String wamid = messages(token, payerId).getString("[0].history[1].providerMessageId");
        String forged = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":"
                + "{\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"failed\",\"timestamp\":\"1773234000\",\"recipient_id\":\"" + digits + "\"}]}}]}]}";
        given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=00ff").body(forged)
                .post("/api/notifications/callbacks/whatsapp").then().statusCode(403);
        assertEquals("READ", messages(token, payerId).getString("[0].status"));

        List<ConsumerRecord<String, String>> events = kafka().readAll(Topics.NOTIFICATION_EVENTS, Duration.ofSeconds(4));
        List<String> statuses = events.stream()
                .filter(r -> EventType.MESSAGE_STATUS_CHANGED.type().equals(KafkaEvents.header(r, "ce_type")) && r.value().contains(wamid))
                .map(r -> JsonPath.from(r.value()).getString("status")).toList();
        assertEquals(List.of("SENT", "DELIVERED", "READ"), statuses, "one MessageStatusChanged per status");
    }

    @Test
    void fallsBackFromWhatsappToSmsToEmailWhenEachChannelRefuses() {
        clock.setTo(Instant.parse("2026-03-11T13:00:00Z"));
        String token = sorriso();
        configureWhatsapp(token);
        configureTwilio(token);
        String payerId = UUID.randomUUID().toString();
        String whatsapp = mobile();
        String sms = mobile();
        String email = "fallback-" + payerId.substring(0, 8) + "@example.com";
        simulator.settings("{\"undeliverableNumbers\":[\"" + whatsapp.substring(1) + "\"],\"invalidNumbers\":[\"" + sms + "\"]}");
        registerPayer("clinica-sorriso", payerId, email, sms, whatsapp, "SP", new PayerConsent(List.of(), true, Instant.parse("2026-02-10T13:05:00Z"), "app"));
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(),
                command("clinica-sorriso", payerId, email, sms, "SP", List.of("WHATSAPP", "SMS", "EMAIL"), "overdue-first")));

        MailMessage mail = LocalInfraTestResource.infra().mailbox().awaitMessages(email, 1, Duration.ofSeconds(60)).get(0);
        assertEquals("Clínica Sorriso: parcela 1/3 em aberto desde 10/03/2026", mail.subject());
        assertEquals(1, simulator.requests("whatsapp", whatsapp.substring(1)).size());
        JsonNode twilio = simulator.requests("twilio", java.net.URLEncoder.encode(sms, java.nio.charset.StandardCharsets.UTF_8)).get(0);
        assertEquals(400, twilio.get("answeredStatus").asInt(), "21211: invalid number, not retried");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath m = messages(token, payerId);
            assertEquals("SENT", m.getString("[0].status"));
            assertEquals("EMAIL", m.getString("[0].channel"));
            assertEquals(List.of("WHATSAPP:QUEUED", "WHATSAPP:SENT", "WHATSAPP:FAILED", "SMS:FAILED", "EMAIL:SENT"),
                    m.getList("[0].history").stream().map(h -> ((Map<?, ?>) h).get("channel") + ":" + ((Map<?, ?>) h).get("status")).toList());
            assertTrue(m.getString("[0].history[2].detail").contains("131026"), m.getString("[0].history[2].detail"));
        });
        assertEquals(1, simulator.requests("twilio", java.net.URLEncoder.encode(sms, java.nio.charset.StandardCharsets.UTF_8)).size(), "a permanent refusal is not retried");
    }

    @Test
    void waitsOverTheWeekendForTheContactHoursOfThePayersStateThenSendsTheSmsThroughZenvia() throws Exception {
        String token = visao();
        configureZenvia(token, null);
        // Friday 19:30 in Rio de Janeiro: RJ allows contact on weekdays 09–19 only
        clock.setTo(Instant.parse("2026-03-13T22:30:00Z"));
        String payerId = UUID.randomUUID().toString();
        String sms = mobile();
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(),
                command("otica-visao", payerId, null, sms, "RJ", List.of("SMS"), "overdue-first")));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("2026-03-16T12:00:00Z", messages(token, payerId).getString("[0].nextAttemptAt"), "Monday 09:00 in Rio"));
        clock.setTo(Instant.parse("2026-03-14T15:00:00Z")); // Saturday noon
        Thread.sleep(2000);
        assertEquals("QUEUED", messages(token, payerId).getString("[0].status"));
        assertTrue(simulator.requests("zenvia", sms.substring(1)).isEmpty(), "nothing on Saturday in RJ");

        clock.setTo(Instant.parse("2026-03-16T12:00:30Z"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !simulator.requests("zenvia", sms.substring(1)).isEmpty());
        JsonNode request = simulator.requests("zenvia", sms.substring(1)).get(0);
        assertEquals("/v2/channels/sms/messages", request.get("path").asText());
        assertEquals("zenvia-api-token-test", request.at("/headers/x-api-token").asText());
        JsonNode body = JSON.readTree(request.get("body").asText());
        assertEquals("otica-visao", body.get("from").asText());
        assertEquals(sms.substring(1), body.get("to").asText());
        assertEquals("text", body.at("/contents/0/type").asText());
        String text = body.at("/contents/0/text").asText();
        assertTrue(text.contains("R$ 306,10") && text.contains("CNPJ 11.222.333/0001-81") && text.contains("Campinas/SP"), text);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("DELIVERED", messages(token, payerId).getString("[0].status"), "Zenvia's MESSAGE_STATUS webhook"));
        given().auth().oauth2(sorriso()).get("/api/notifications/payers/" + payerId + "/messages").then().body("size()", equalTo(0));
    }

    @Test
    void anOptOutReceivedWhileTheCommandWaitsIsHonouredAndTheNextChannelIsUsed() {
        String token = sorriso();
        configureTwilio(token);
        // Sunday afternoon in São Paulo: the command waits for Monday 08:00
        clock.setTo(Instant.parse("2026-03-15T18:00:00Z"));
        String payerId = UUID.randomUUID().toString();
        String sms = mobile();
        String email = "optout-" + payerId.substring(0, 8) + "@example.com";
        registerPayer("clinica-sorriso", payerId, email, sms, null, "SP", PayerConsent.none());
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(),
                command("clinica-sorriso", payerId, email, sms, "SP", List.of("SMS", "EMAIL"), "overdue-first")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("2026-03-16T11:00:00Z", messages(token, payerId).getString("[0].nextAttemptAt")));

        PayerUpdated g = GoldenSamples.payload(EventType.PAYER_UPDATED, PayerUpdated.class);
        kafka().publish(KafkaEvents.Envelope.of(new PayerUpdated(UUID.randomUUID().toString(), "clinica-sorriso", payerId, g.name(),
                g.taxId(), email, sms, "SP", null, g.address(), new PayerConsent(List.of("SMS"), false, null, null), null, List.of())));
        awaitContact("clinica-sorriso", payerId, "SMS");

        clock.setTo(Instant.parse("2026-03-16T11:00:30Z"));
        LocalInfraTestResource.infra().mailbox().awaitMessages(email, 1, Duration.ofSeconds(60));
        assertTrue(simulator.requests("twilio", java.net.URLEncoder.encode(sms, java.nio.charset.StandardCharsets.UTF_8)).isEmpty(), "no SMS after the opt-out");
        JsonPath m = messages(token, payerId);
        assertEquals("EMAIL", m.getString("[0].channel"));
        assertEquals("SENT", m.getString("[0].status"));
    }

    @Test
    void aTwilioOutageIsRecoveredWithBackoffWithoutLossOrDuplicates() throws Exception {
        String token = sorriso();
        configureTwilio(token);
        Instant start = Instant.parse("2026-03-11T14:00:00Z");
        clock.setTo(start);
        String payerId = UUID.randomUUID().toString();
        String sms = mobile();
        String encoded = java.net.URLEncoder.encode(sms, java.nio.charset.StandardCharsets.UTF_8);
        simulator.settings("{\"twilio\":{\"failNext\":2,\"transientStatus\":503}}");
        NotificationRequested command = command("clinica-sorriso", payerId, null, sms, "SP", List.of("SMS"), "overdue-first");
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(), command));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> simulator.requests("twilio", encoded).size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(1, messages(token, payerId).getInt("[0].attempts")));
        assertEquals("QUEUED", messages(token, payerId).getString("[0].status"));
        Thread.sleep(1500);
        assertEquals(1, simulator.requests("twilio", encoded).size(), "no retry before its backoff time");

        clock.setTo(start.plus(Duration.ofMinutes(2)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> simulator.requests("twilio", encoded).size() == 2);
        clock.setTo(start.plus(Duration.ofMinutes(10)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("DELIVERED", messages(token, payerId).getString("[0].status")));

        List<JsonNode> requests = simulator.requests("twilio", encoded);
        assertEquals(List.of(503, 503, 201), requests.stream().map(r -> r.get("answeredStatus").asInt()).toList());
        for (JsonNode r : requests) {
            assertEquals(command.idempotencyKey() + ":SMS", r.at("/headers/x-regua-idempotency-key").asText(), "the same key on every attempt");
            assertTrue(r.at("/headers/authorization").asText().startsWith("Basic "));
        }
        JsonNode form = form(requests.get(2));
        assertEquals("+15005550006", form.get("From").asText());
        assertEquals(sms, form.get("To").asText());
        assertTrue(form.get("StatusCallback").asText().contains("/api/notifications/callbacks/twilio?ref="), "our send reference rides in the callback URL");
        assertTrue(form.get("Body").asText().contains("CNPJ 11.222.333/0001-81"));
        assertEquals("/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json", requests.get(2).get("path").asText());
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(), command)); // redelivered command
        Thread.sleep(2000);
        assertEquals(3, simulator.requests("twilio", encoded).size(), "sent once");
    }

    @Test
    void aPaidChannelOverTheTenantsMonthlyBudgetGivesWayToEmail() {
        String token = visao();
        configureZenvia(token, "0.15");
        clock.setTo(Instant.parse("2026-04-08T14:00:00Z"));
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String email = "budget-" + second.substring(0, 8) + "@example.com";
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(),
                command("otica-visao", first, null, mobile(), "SP", List.of("SMS", "EMAIL"), "overdue-first")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("SMS", messages(token, first).getString("[0].channel")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/notifications/providers").then().body("find { it.channel == 'SMS' }.spentThisMonth", equalTo(0.1f)));
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(),
                command("otica-visao", second, email, mobile(), "SP", List.of("SMS", "EMAIL"), "overdue-first")));
        LocalInfraTestResource.infra().mailbox().awaitMessages(email, 1, Duration.ofSeconds(60));
        assertEquals("EMAIL", messages(token, second).getString("[0].channel"));
        configureZenvia(token, null);
    }

    @Test
    void providerCredentialsAreStoredEncryptedAndNeverReturned() {
        String token = sorriso();
        String body = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("provider", "TWILIO", "sender", "+15005550006", "accountId", TWILIO_SID,
                        "secrets", Map.of("authToken", TWILIO_TOKEN), "monthlyBudget", "500.00", "unitCost", "0.08"))
                .put("/api/notifications/providers/sms").then().statusCode(200)
                .body("provider", equalTo("TWILIO")).body("secretsSet", hasItem("authToken")).extract().asString();
        assertFalse(body.contains(TWILIO_TOKEN), body);
        given().auth().oauth2(token).get("/api/notifications/providers").then().statusCode(200)
                .body("channel", hasItem("SMS")).body(not(containsString(TWILIO_TOKEN)));
        String stored = query("select secrets_ciphertext from provider_config where tenant_id = ? and channel = ?", "clinica-sorriso", "SMS");
        assertTrue(stored.startsWith("v1:") && !stored.contains(TWILIO_TOKEN), "AES-GCM at rest");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("provider", "CARRIER_PIGEON", "sender", "x"))
                .put("/api/notifications/providers/SMS").then().statusCode(400).body("errors[0].field", equalTo("provider"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("provider", "ZENVIA", "sender", "x"))
                .put("/api/notifications/providers/SMS").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("provider", "TWILIO", "sender", "x", "accountId", TWILIO_SID))
                .put("/api/notifications/providers/WHATSAPP").then().statusCode(422);
        given().auth().oauth2(visao()).get("/api/notifications/providers").then().statusCode(200)
                .body("find { it.channel == 'SMS' }.provider", not(equalTo("TWILIO")));
    }

    @Test
    void aTenantOverridesATemplateThatMustCarryTheSupplierIdentityPreviewsItAndItsMessagesUseIt() {
        String token = visao();
        clock.setTo(Instant.parse("2026-03-11T13:00:00Z"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subject", "{creditorName}: lembrete", "body", "<p>Olá {payerName}, sem identificação.</p>"))
                .put("/api/notifications/templates/EMAIL/overdue-second").then().statusCode(422)
                .body("rule", equalTo("supplier-identity-required"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("body", "{#if}"))
                .put("/api/notifications/templates/SMS/overdue-second").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subject", "{creditorName}: ainda em aberto", "body",
                        "<p>Oi {payerName}, a {installmentLabel} soma {amountDue} hoje. Vamos conversar?</p>{#include email/footer.html /}"))
                .put("/api/notifications/templates/EMAIL/overdue-second").then().statusCode(200)
                .body("body", containsString("R$ 306,10")).body("body", containsString("CNPJ 11.222.333/0001-81"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("variables", Map.of("amountDue", "999.99")))
                .post("/api/notifications/templates/EMAIL/overdue-second/preview").then().statusCode(200)
                .body("override", equalTo(true)).body("body", containsString("R$ 999,99"));
        given().auth().oauth2(sorriso()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/notifications/templates/EMAIL/overdue-second/preview").then().statusCode(200)
                .body("override", equalTo(false)).body("body", containsString("continua em aberto"));

        String payerId = UUID.randomUUID().toString();
        String email = "override-" + payerId.substring(0, 8) + "@example.com";
        kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(),
                command("otica-visao", payerId, email, null, "SP", List.of("EMAIL"), "overdue-second")));
        MailMessage mail = LocalInfraTestResource.infra().mailbox().awaitMessages(email, 1, Duration.ofSeconds(60)).get(0);
        assertTrue(mail.body().contains("Vamos conversar?"), mail.body());
        assertEquals("Clínica Sorriso: ainda em aberto", mail.subject());
        given().auth().oauth2(token).delete("/api/notifications/templates/EMAIL/overdue-second").then().statusCode(204);
    }

    @Test
    void aTenantAdminSendsATestMessageThroughTheConfiguredSmsProviderOncePerIdempotencyKey() {
        String token = sorriso();
        configureTwilio(token);
        clock.setTo(Instant.parse("2026-03-11T15:00:00Z"));
        String to = mobile();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("channel", "SMS", "to", to, "template", "due-today", "creditor",
                Map.of("legalName", "Clínica Odontológica Sorriso Ltda", "tradeName", "Clínica Sorriso", "cnpj", "11.222.333/0001-81",
                        "address", "Rua das Flores, 100 - Centro, Campinas/SP"));
        String payerId = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/notifications/test-messages").then().statusCode(202).body("queued", equalTo(true)).extract().path("payerId");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/notifications/test-messages").then().statusCode(202).header("Idempotent-Replayed", "true");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/notifications/test-messages").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("channel", "SMS", "to", to, "creditor", Map.of("legalName", "Clínica Odontológica Sorriso Ltda")))
                .post("/api/notifications/test-messages").then().statusCode(400)
                .body("errors[0].field", equalTo("creditor"));

        String encoded = java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !simulator.requests("twilio", encoded).isEmpty());
        assertTrue(form(simulator.requests("twilio", encoded).get(0)).get("Body").asText().contains("vence hoje"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("SMS", messages(token, payerId).getString("find { it.recipient == '" + to + "' }.channel")));
        assertEquals(1, simulator.requests("twilio", encoded).size());
    }

    @Test
    void aMessageWhoseOnlyChannelKeepsFailingIsDeadLetteredAfterTheEighthAttempt() {
        String token = sorriso();
        configureTwilio(token);
        Instant start = Instant.parse("2026-03-12T13:00:00Z");
        clock.setTo(start);
        String payerId = UUID.randomUUID().toString();
        String sms = mobile();
        String encoded = java.net.URLEncoder.encode(sms, java.nio.charset.StandardCharsets.UTF_8);
        simulator.settings("{\"twilio\":{\"failNext\":1000,\"transientStatus\":500}}");
        try {
            kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(),
                    command("clinica-sorriso", payerId, null, sms, "SP", List.of("SMS"), "overdue-first")));
            for (int attempt = 1; attempt <= 8; attempt++) {
                int expected = attempt;
                clock.setTo(start.plus(Duration.ofMinutes(75L * (attempt - 1))));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> simulator.requests("twilio", encoded).size() == expected);
            }
        } finally {
            simulator.settings("{\"twilio\":{\"failNext\":0}}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath m = messages(token, payerId);
            assertEquals("FAILED", m.getString("[0].status"));
            assertEquals(8, m.getInt("[0].attempts"));
            assertTrue(m.getString("[0].deadLetteredAt") != null, "dead-lettered");
            assertTrue(m.getString("[0].lastError").contains("gave up after 8 attempts"), m.getString("[0].lastError"));
        });
        clock.setTo(start.plus(Duration.ofHours(24)));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> simulator.requests("twilio", encoded).size() == 8);
    }

    @Test
    void aTwilioAnswerLostAfterTheProviderAcceptedIsConfirmedByItsCallbackAndTheSmsIsNeverSentTwice() {
        String token = sorriso();
        configureTwilio(token);
        Instant start = Instant.parse("2026-03-11T14:00:00Z");
        clock.setTo(start);
        String payerId = UUID.randomUUID().toString();
        String sms = mobile();
        String encoded = java.net.URLEncoder.encode(sms, java.nio.charset.StandardCharsets.UTF_8);
        // Twilio accepts the message but answers after our 5 s timeout: the answer is lost, the SMS goes out
        simulator.settings("{\"twilio\":{\"latencyMillis\":7000}}");
        try {
            kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(),
                    command("clinica-sorriso", payerId, null, sms, "SP", List.of("SMS"), "overdue-first")));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> simulator.requests("twilio", encoded).size() == 1);
        } finally {
            simulator.settings("{\"twilio\":{\"latencyMillis\":0}}");
        }
        assertEquals(201, simulator.requests("twilio", encoded).get(0).get("answeredStatus").asInt(), "Twilio accepted it");

        // Twilio's status callbacks carry our reference back: the send is recorded once, as sent, then delivered
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath m = messages(token, payerId);
            assertEquals("DELIVERED", m.getString("[0].status"));
            assertEquals(List.of("QUEUED", "SENT", "DELIVERED"), m.getList("[0].history.status"));
            assertEquals(1, m.getInt("[0].attempts"));
        });
        String sid = simulator.requests("twilio", encoded).get(0).get("providerMessageId").asText();
        assertEquals(sid, messages(token, payerId).getString("[0].history[1].providerMessageId"));

        // long after the send's lease and the grace for callbacks: nothing is sent again
        clock.setTo(start.plus(Duration.ofHours(2)));
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> simulator.requests("twilio", encoded).size() == 1);
        assertEquals("DELIVERED", messages(token, payerId).getString("[0].status"));
    }

    @Test
    void aTwilioSendThatWasNeverConfirmedIsSentAgainOnceAfterTheGrace() {
        String token = sorriso();
        configureTwilio(token);
        Instant start = Instant.parse("2026-03-11T14:00:00Z");
        clock.setTo(start);
        String payerId = UUID.randomUUID().toString();
        String sms = mobile();
        String encoded = java.net.URLEncoder.encode(sms, java.nio.charset.StandardCharsets.UTF_8);
        // no answer within our timeout, and Twilio did not take it either (a 503 nobody read): no callback will come
        simulator.settings("{\"twilio\":{\"latencyMillis\":7000,\"failNext\":1,\"transientStatus\":503}}");
        NotificationRequested command = command("clinica-sorriso", payerId, null, sms, "SP", List.of("SMS"), "overdue-first");
        try {
            kafka().publish(new KafkaEvents.Envelope(UUID.randomUUID().toString(), command));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> simulator.requests("twilio", encoded).size() == 1);
        } finally {
            simulator.settings("{\"twilio\":{\"latencyMillis\":0,\"failNext\":0}}");
        }
        // the uncertain outcome is recorded (at the earlier time) before the clock moves
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath m = messages(token, payerId);
            assertTrue(String.valueOf(m.getString("[0].lastError")).contains("no answer from Twilio"), m.getString("[0].lastError"));
            assertEquals("QUEUED", m.getString("[0].status"));
            Instant next = Instant.parse(m.getString("[0].nextAttemptAt"));
            assertTrue(!next.isBefore(start.plus(Duration.ofMinutes(10))) && next.isBefore(start.plus(Duration.ofMinutes(11))),
                    "waits for a callback until 10 minutes after the send: " + next);
        });
        clock.setTo(start.plus(Duration.ofMinutes(5)));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> simulator.requests("twilio", encoded).size() == 1);

        clock.setTo(start.plus(Duration.ofMinutes(11)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertEquals("DELIVERED", messages(token, payerId).getString("[0].status")));
        List<JsonNode> requests = simulator.requests("twilio", encoded);
        assertEquals(List.of(503, 201), requests.stream().map(r -> r.get("answeredStatus").asInt()).toList());
        assertEquals(command.idempotencyKey() + ":SMS", requests.get(1).at("/headers/x-regua-idempotency-key").asText());
        assertTrue(!form(requests.get(0)).get("StatusCallback").asText().equals(form(requests.get(1)).get("StatusCallback").asText()),
                "each send has its own reference");
    }

    @Test
    void aTestMessageWithoutACreditorShowsTheTenantsProfileFromBillingAndIsRefusedWhileTheTenantHasNone() {
        clock.setTo(Instant.parse("2026-03-11T15:00:00Z"));
        // otica-visao's profile never reached notification: a clear 422, nothing queued
        given().auth().oauth2(visao()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("channel", "EMAIL", "to", "teste@otica-visao.example")).post("/api/notifications/test-messages")
                .then().statusCode(422).body("rule", equalTo("tenant-profile-required"));

        TenantProfileUpdated g = GoldenSamples.payload(EventType.TENANT_PROFILE_UPDATED, TenantProfileUpdated.class);
        String cnpj = "44.555.666/0001-" + (10 + ThreadLocalRandom.current().nextInt(89));
        TenantProfileUpdated profile = new TenantProfileUpdated(UUID.randomUUID().toString(), "clinica-sorriso",
                "Sorriso Odontologia Integrada Ltda", g.tradeName(), cnpj, g.address(), g.timeZone(), g.vertical(), g.state(),
                g.cityIbgeCode(), g.cityHolidays());
        KafkaEvents.Envelope envelope = KafkaEvents.Envelope.of(profile);
        kafka().publish(envelope);
        kafka().publish(envelope); // redelivered: kept once
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                cnpj.equals(query("select cnpj from tenant_profile where tenant_id = ?", "clinica-sorriso")));

        String email = "perfil-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().auth().oauth2(sorriso()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("channel", "EMAIL", "to", email)).post("/api/notifications/test-messages")
                .then().statusCode(202).body("queued", equalTo(true));
        MailMessage mail = LocalInfraTestResource.infra().mailbox().awaitMessages(email, 1, Duration.ofSeconds(60)).get(0);
        assertTrue(mail.body().contains(cnpj) && mail.body().contains("Sorriso Odontologia Integrada Ltda")
                && mail.body().contains("Rua das Flores"), "the supplier's identity from the tenant's profile (CDC art. 42-A)");

        // another tenant's profile is never used
        given().auth().oauth2(visao()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("channel", "EMAIL", "to", "teste@otica-visao.example")).post("/api/notifications/test-messages")
                .then().statusCode(422);
    }

    @Test
    void metasWebhookVerificationGetsTheChallengeBackOnlyWithATenantsVerifyToken() {
        String token = visao();
        String verifyToken = "verify-" + UUID.randomUUID();
        String body = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("provider", "WHATSAPP_CLOUD", "sender", "109876543299", "secrets",
                        Map.of("accessToken", "EAAG-visao-token", "appSecret", "visao-app-secret", "verifyToken", verifyToken)))
                .put("/api/notifications/providers/WHATSAPP").then().statusCode(200)
                .body("secretsSet", hasItem("verifyToken")).extract().asString();
        assertFalse(body.contains(verifyToken), "the verify token is a secret: never returned");

        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", verifyToken).queryParam("hub.challenge", "1158201444")
                .get("/api/notifications/callbacks/whatsapp").then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "not-" + verifyToken).queryParam("hub.challenge", "1158201444")
                .get("/api/notifications/callbacks/whatsapp").then().statusCode(403).body(not(containsString("1158201444")));
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", verifyToken).queryParam("hub.challenge", "1158201444")
                .get("/api/notifications/callbacks/whatsapp").then().statusCode(403);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "1158201444")
                .get("/api/notifications/callbacks/whatsapp").then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("provider", "WHATSAPP_CLOUD", "sender", "109876543299", "secrets", Map.of("pin", "1234")))
                .put("/api/notifications/providers/WHATSAPP").then().statusCode(400).body("errors[0].field", equalTo("secrets.pin"));
    }
}
