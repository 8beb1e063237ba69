package dev.regua.contract.notification;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;

/** A message left Régua through a channel (for e-mail: accepted by the SMTP server). */
public record MessageSent(String eventId, String tenantId, String payerId, String messageId, String idempotencyKey,
                          String channel, String template, Instant sentAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "message/" + messageId;
    }
}
