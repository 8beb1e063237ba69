package dev.regua.contract.notification;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;

/** A message could not be delivered through any allowed channel; {@code reason} says why. */
public record MessageFailed(String eventId, String tenantId, String payerId, String messageId, String idempotencyKey,
                            String reason, Instant failedAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "message/" + messageId;
    }
}
