package dev.regua.notification.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    @Test
    void wrapsTheEventPayloadUnchangedAsData() {
        String payload = "{\"eventId\": \"e1\", \"tenantId\": \"clinica-sorriso\"}";
        assertEquals("{\"type\":\"dev.regua.billing.installment.paid.v1\",\"timestamp\":\"2026-03-11T12:00:00Z\",\"data\":"
                        + payload + "}",
                WebhookPayload.of("dev.regua.billing.installment.paid.v1", Instant.parse("2026-03-11T12:00:00Z"), payload));
    }
}
