package dev.regua.contract.notification;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;

/**
 * A partner's webhook endpoint kept failing and was disabled; deliveries wait until the tenant enables it again.
 */
public record WebhookEndpointDisabled(String eventId, String tenantId, String endpointId, String url, String reason,
                                      int consecutiveFailures, Instant disabledAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.tenantKey(tenantId);
    }

    @Override
    public String subject() {
        return "webhook-endpoint/" + endpointId;
    }
}
