package dev.regua.contract.notification;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;

/**
 * A provider reported a message's delivery status (QUEUED, SENT, DELIVERED, READ or FAILED) for one channel;
 * {@code detail} carries the provider's code for failures.
 */
public record MessageStatusChanged(String eventId, String tenantId, String payerId, String messageId,
                                   String idempotencyKey, String channel, String status, String providerMessageId,
                                   String detail, Instant occurredAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "message/" + messageId;
    }
}
