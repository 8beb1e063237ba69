package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.LocalInfra;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.testing.KafkaEvents;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Tokens, tenant settings, payers and the events published about a payer, for billing's API tests. */
final class BillingFixtures {
    static final String SORRISO = "clinica-sorriso";

    final String sorriso;
    final String visao;

    /** Both tenants' tokens, and their settings as a clinic (vertical CLINIC, 2 % fine, 1 % a month). */
    BillingFixtures() {
        this("CLINIC");
    }

    /** Both tenants' tokens, and their settings with the given vertical (CLINIC, OTICA, SCHOOL, COURSE, OTHER). */
    BillingFixtures(String vertical) {
        this(vertical, Map.of());
    }

    /**
     * Both tenants' tokens, and their settings with the given vertical plus {@code extraSettings} (e.g. a
     * {@code punctualityDiscount}); every call replaces the settings, so what one test class adds does not leak into
     * the next one's.
     */
    BillingFixtures(String vertical, Map<String, Object> extraSettings) {
        LocalInfra infra = LocalInfraTestResource.infra();
        sorriso = KeycloakTokens.clientCredentials(infra.realmUrl(), "sorriso-integration", "sorriso-integration-secret");
        visao = KeycloakTokens.clientCredentials(infra.realmUrl(), "visao-integration", "visao-integration-secret");
        putSettings(sorriso, "Clínica Odontológica Sorriso Ltda", "11.222.333/0001-81", vertical, extraSettings);
        putSettings(visao, "Ótica Visão Ltda", "12.ABC.345/01DE-35", vertical, extraSettings);
    }

    /** A staff user's token (role staff, tenant clinica-sorriso). */
    static String staff() {
        return KeycloakTokens.password(LocalInfraTestResource.infra().realmUrl(), "regua-console", "ana", "ana");
    }

    private static void putSettings(String token, String legalName, String cnpj, String vertical, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "legalName", legalName, "cnpj", cnpj, "timeZone", "America/Sao_Paulo", "vertical", vertical,
                "finePercent", 2, "monthlyInterestPercent", 1,
                "address", Map.of("street", "Rua das Flores", "number", "100", "city", "Campinas", "state", "SP")));
        body.putAll(extra);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/billing/settings").then().statusCode(200);
    }

    String payer(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "taxId", cpf(), "email", "pagador@example.com", "state", "SP"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
    }

    /** A random valid CPF (so test classes sharing one database never collide). */
    static String cpf() {
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = ThreadLocalRandom.current().nextInt(10);
        }
        for (int k = 9; k < 11; k++) {
            int sum = 0;
            for (int i = 0; i < k; i++) {
                sum += d[i] * (k + 1 - i);
            }
            int r = sum % 11;
            d[k] = r < 2 ? 0 : 11 - r;
        }
        StringBuilder sb = new StringBuilder();
        for (int x : d) {
            sb.append(x);
        }
        return sb.toString();
    }

    /** The CloudEvents types published on billing's topic about one payer of clinica-sorriso, in order. */
    static List<String> typesFor(String payerId) {
        return eventsFor(payerId).stream().map(e -> EventType.of(e.getClass()).type()).toList();
    }

    /** The events published on billing's topic about one payer of clinica-sorriso, in order. */
    static List<RegisteredEvent> eventsFor(String payerId) {
        String key = Topics.payerKey(SORRISO, payerId);
        List<RegisteredEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers())
                .readAll(Topics.BILLING_EVENTS, Duration.ofSeconds(4))) {
            if (key.equals(r.key())) {
                EventType type = EventType.ofType(KafkaEvents.header(r, CloudEventHeaders.TYPE)).orElseThrow();
                RegisteredEvent event = EventCodec.fromJson(r.value(), type.payloadType());
                assertEquals(event.eventId(), KafkaEvents.header(r, CloudEventHeaders.ID));
                events.add(event);
            }
        }
        return events;
    }

    static <T extends RegisteredEvent> List<T> only(List<RegisteredEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
