package dev.regua.stack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.MailMessage;
import dev.regua.infra.Mailbox;
import dev.regua.infra.ReguaHome;
import dev.regua.testing.KafkaEvents;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first collection, end to end, exactly as an integrator drives it: through the gateway, against real Kafka,
 * PostgreSQL, Keycloak and SMTP, with the five services running as their packaged jars. The platform clock is
 * moved through a whole régua; the e-mails that reach the SMTP server are the assertion.
 */
class FirstCollectionE2EIT {
    private static Platform platform;
    private static String integrator;
    private static String otherTenant;
    private static String ops;

    @BeforeAll
    static void startPlatform() {
        long begin = System.nanoTime();
        platform = Platform.start(ReguaHome.checkoutRoot().orElseThrow(), Platform.Ports.free(), "e2e", true);
        System.out.printf("E2E: platform ready in %d s%n", Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        String realm = platform.infra().realmUrl();
        integrator = KeycloakTokens.clientCredentials(realm, "sorriso-integration", "sorriso-integration-secret");
        otherTenant = KeycloakTokens.clientCredentials(realm, "visao-integration", "visao-integration-secret");
        ops = KeycloakTokens.clientCredentials(realm, "regua-ops", "regua-ops-secret");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static RequestSpecification api(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static void setClock(String instant) {
        api(ops).body(Map.of("instant", instant)).post("/api/platform/clock").then().statusCode(200)
                .body("services.billing", org.hamcrest.Matchers.startsWith(instant.substring(0, 13)))
                .body("services.dunning", org.hamcrest.Matchers.startsWith(instant.substring(0, 13)))
                .body("services.notifications", org.hamcrest.Matchers.startsWith(instant.substring(0, 13)));
    }

    @Test
    void remindsThenNotifiesWithTheUpdatedAmountStopsOnPaymentAndNeverSendsTwice() {
        Mailbox mailbox = platform.infra().mailbox();
        String email = "maria.e2e@example.com";
        given().baseUri(platform.gatewayUrl()).get("/q/health/ready").then().statusCode(200);

        setClock("2026-03-02T15:00:00Z"); // Monday, noon in São Paulo
        defineClinicSettings();
        String payerId = api(integrator).body(Map.of("name", "Maria da Silva", "taxId", "529.982.247-25",
                        "email", email, "state", "SP"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");

        // bad input through the gateway: a problem that names the field, and nothing written
        api(integrator).body(plan(payerId, "900.00", 0, "2026-03-10")).post("/api/billing/installment-plans")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("installments"));
        api(integrator).body(plan(payerId, "900.001", 3, "2026-03-10")).post("/api/billing/installment-plans")
                .then().statusCode(400).body("errors[0].field", equalTo("totalAmount"));
        given().baseUri(platform.gatewayUrl()).get("/api/billing/payers").then().statusCode(401)
                .contentType("application/problem+json");
        api(integrator).get("/api/billing/payers/" + payerId + "/installments").then().statusCode(200).body("items.size()", equalTo(0));

        String first = api(integrator).body(plan(payerId, "900.00", 3, "2026-03-10")).post("/api/billing/installment-plans")
                .then().statusCode(201).extract().path("installments[0].id");
        api(otherTenant).get("/api/billing/payers/" + payerId).then().statusCode(404).contentType("application/problem+json");
        api(otherTenant).get("/api/billing/installments/" + first).then().statusCode(404);

        // three days before the due date: a friendly reminder
        setClock("2026-03-07T12:30:00Z");
        MailMessage reminder = mailbox.awaitMessages(email, 1, Duration.ofSeconds(60)).get(0);
        assertEquals("Clínica Sorriso: sua parcela 1/3 vence em 10/03/2026", reminder.subject());
        assertTrue(reminder.body().contains("R$ 300,00"), reminder.body());
        assertTrue(reminder.body().contains("CNPJ 11.222.333/0001-81"), reminder.body());

        // the day after the due date: the first notice, with 2 % fine and 1 % a month pro rata die
        setClock("2026-03-11T12:30:00Z");
        List<MailMessage> two = mailbox.awaitMessages(email, 2, Duration.ofSeconds(60));
        MailMessage notice = two.stream().filter(m -> m != reminder && !m.subject().equals(reminder.subject())).findFirst().orElseThrow();
        assertEquals("Clínica Sorriso: parcela 1/3 em aberto desde 10/03/2026", notice.subject());
        String body = notice.body();
        assertTrue(body.contains("R$ 306,10"), body);
        assertTrue(body.contains("multa de R$ 6,00 e juros de R$ 0,10 por 1 dia(s)"), body);
        assertTrue(body.contains("vencimento original em <strong>10/03/2026</strong>"), body);
        assertTrue(body.contains("Clínica Odontológica Sorriso Ltda, CNPJ 11.222.333/0001-81, Rua das Flores, 100 - Centro, Campinas/SP, CEP 13010-000"), body);

        // the payer pays by Pix: the régua stops for that installment
        api(integrator).body(Map.of("amount", "306.10", "method", "PIX", "externalId", "E18236120202603111530s0e2e0001"))
                .post("/api/billing/installments/" + first + "/payments").then().statusCode(201)
                .body("installment.status", equalTo("PAID"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                api(integrator).get("/api/dunning/payers/" + payerId + "/steps").then().statusCode(200)
                        .body("findAll { it.stepCode == 'overdue-second' }.status", hasItem("CANCELLED")));
        setClock("2026-03-18T12:30:00Z"); // past the second notice's day

        // every event delivered again, and the notification command re-issued under a new message id
        int replayed = redeliver("regua.billing.events", false) + redeliver("regua.dunning.events", true);
        assertTrue(replayed >= 7, "replayed " + replayed);

        // a sentinel on the same payer's partitions: when its reminder arrives, every replayed record before it
        // has been consumed
        api(integrator).body(plan(payerId, "100.00", 1, "2026-03-20")).post("/api/billing/installment-plans")
                .then().statusCode(201);
        List<MailMessage> all = mailbox.awaitMessages(email, 3, Duration.ofSeconds(60));
        sleep(3000);
        all = mailbox.messagesFor(email);
        assertEquals(List.of("Clínica Sorriso: sua parcela 1/3 vence em 10/03/2026",
                        "Clínica Sorriso: parcela 1/3 em aberto desde 10/03/2026",
                        "Clínica Sorriso: sua parcela 1/1 vence em 20/03/2026"),
                all.stream().map(MailMessage::subject).sorted(java.util.Comparator.comparing(s -> s.contains("1/1") ? 2 : s.contains("vence") ? 0 : 1)).toList(),
                "exactly one reminder, one notice and the sentinel's reminder: nothing twice, nothing after payment");
        api(integrator).get("/api/notifications/payers/" + payerId + "/messages").then().statusCode(200)
                .body("size()", equalTo(3)).body("status", org.hamcrest.Matchers.everyItem(equalTo("SENT")));
        api(otherTenant).get("/api/notifications/payers/" + payerId + "/messages").then().statusCode(200).body("size()", equalTo(0));

        // credit-check saw the same facts: one installment paid, one day late
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api(integrator).get("/api/credit/payers/" + payerId + "/history").then().statusCode(200)
                        .body("installments", equalTo(4)).body("paid", equalTo(1)).body("paidOnTime", equalTo(0))
                        .body("averageDaysLate", equalTo(1.0f)));
    }

    @Test
    void theGatewayServesEveryServicesApiInOneOpenApiDocument() {
        given().baseUri(platform.gatewayUrl()).get("/openapi").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/api/billing/installment-plans",
                        "/api/dunning/payers/{payerId}/steps", "/api/notifications/payers/{payerId}/messages",
                        "/api/credit/payers/{payerId}/history"))
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"));
        given().baseUri(platform.gatewayUrl()).get("/openapi/billing").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/billing/payers"));
        given().baseUri(platform.gatewayUrl()).get("/q/swagger-ui/").then().statusCode(200);
        api(integrator).body(Map.of("advanceBy", "P1D")).post("/api/platform/clock").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void providerCallbacksPassTheGatewayWithoutATokenAndTheServiceJudgesTheirSignature() {
        // Meta's webhook verification and the providers' status callbacks carry no Régua token: the gateway forwards
        // them and notification-service answers by the provider's own credentials
        given().baseUri(platform.gatewayUrl()).queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "not-a-tenants-token")
                .queryParam("hub.challenge", "1158201444").get("/api/notifications/callbacks/whatsapp").then().statusCode(403);
        given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON).body("{\"object\":\"whatsapp_business_account\",\"entry\":[]}")
                .header("X-Hub-Signature-256", "sha256=00").post("/api/notifications/callbacks/whatsapp").then().statusCode(204); // nothing in it to apply
        // everything else still needs a token
        given().baseUri(platform.gatewayUrl()).get("/api/notifications/payers/x/messages").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefusedWithAProblemWhileAFreshOneIsAccepted() throws Exception {
        // a client whose tokens live 2 seconds, created through Keycloak's admin API
        String keycloak = platform.infra().keycloakUrl();
        String admin = KeycloakTokens.password(keycloak + "/realms/master", "admin-cli",
                platform.infra().keycloakAdminUser(), platform.infra().keycloakAdminPassword());
        String client = """
                {"clientId": "short-lived", "enabled": true, "publicClient": false, "secret": "short-lived-secret",
                 "serviceAccountsEnabled": true, "standardFlowEnabled": false, "directAccessGrantsEnabled": false,
                 "attributes": {"access.token.lifespan": "2"},
                 "protocolMappers": [{"name": "tenant", "protocol": "openid-connect", "protocolMapper": "oidc-hardcoded-claim-mapper",
                   "config": {"claim.name": "tenant_id", "claim.value": "clinica-sorriso", "jsonType.label": "String",
                              "access.token.claim": "true"}}]}""";
        given().baseUri(keycloak).auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .post("/admin/realms/regua/clients").then().statusCode(201);
        String token = KeycloakTokens.clientCredentials(platform.infra().realmUrl(), "short-lived", "short-lived-secret");
        // fresh: authenticated, but this client has no role, so 403 (not 401) — proof the token itself is valid
        api(token).get("/api/billing/payers").then().statusCode(403);
        Thread.sleep(8000);
        api(token).get("/api/billing/payers").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void staffUsersSignInWithTheirOwnTokenAndSeeOnlyTheirTenant() {
        String realm = platform.infra().realmUrl();
        String ana = KeycloakTokens.password(realm, "regua-console", "ana", "ana");
        String bruno = KeycloakTokens.password(realm, "regua-console", "bruno", "bruno");
        defineClinicSettings();
        String payerId = api(integrator).body(Map.of("name", "Paciente Staff", "taxId", "390.533.447-05", "state", "RJ"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
        api(ana).get("/api/billing/payers/" + payerId).then().statusCode(200).body("name", equalTo("Paciente Staff"));
        api(bruno).get("/api/billing/payers/" + payerId).then().statusCode(404);
        api(ana).body(Map.of("legalName", "X", "cnpj", "11.222.333/0001-81", "timeZone", "America/Sao_Paulo",
                        "vertical", "CLINIC", "finePercent", 2, "monthlyInterestPercent", 1,
                        "address", Map.of("street", "R", "number", "1", "city", "Campinas", "state", "SP")))
                .put("/api/billing/settings").then().statusCode(403).contentType("application/problem+json");
    }

    private static void defineClinicSettings() {
        api(integrator).body(Map.of("legalName", "Clínica Odontológica Sorriso Ltda", "tradeName", "Clínica Sorriso",
                        "cnpj", "11.222.333/0001-81", "timeZone", "America/Sao_Paulo", "vertical", "CLINIC",
                        "finePercent", 2, "monthlyInterestPercent", 1,
                        "address", Map.of("street", "Rua das Flores", "number", "100", "district", "Centro",
                                "city", "Campinas", "state", "SP", "postalCode", "13010-000")))
                .put("/api/billing/settings").then().statusCode(200);
    }

    private static Map<String, Object> plan(String payerId, String total, int count, String firstDue) {
        return Map.of("payerId", payerId, "description", "Tratamento", "totalAmount", new java.math.BigDecimal(total),
                "installments", count, "firstDueDate", firstDue);
    }

    /** Re-publishes every record of a topic with its headers (the same CloudEvents id); optionally also a copy with a new id. */
    private static int redeliver(String topic, boolean alsoWithNewId) {
        KafkaEvents kafka = new KafkaEvents(platform.infra().kafkaBootstrapServers());
        List<ConsumerRecord<String, String>> records = kafka.readAll(topic, Duration.ofSeconds(4));
        kafka.republish(records);
        if (alsoWithNewId) {
            List<ConsumerRecord<String, String>> reissued = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                var copy = new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), r.value());
                for (Header h : r.headers()) {
                    copy.headers().add(h.key(), h.key().equals("ce_id") ? UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8) : h.value());
                }
                reissued.add(copy);
            }
            kafka.republish(reissued);
        }
        return records.size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
