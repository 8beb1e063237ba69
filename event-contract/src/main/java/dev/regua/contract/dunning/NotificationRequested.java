package dev.regua.contract.dunning;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A command from dunning to notification-service: send this template to this payer through the first allowed
 * channel, between {@code notBefore} and {@code notAfter}. {@code idempotencyKey} identifies the side effect: a
 * command delivered any number of times sends once. {@code variables} are already computed (the amount updated
 * to the day by the shared late-charge calculator).
 */
public record NotificationRequested(String eventId, String tenantId, String payerId, String installmentId,
                                    String idempotencyKey, String stepCode, List<String> channels, String template,
                                    Recipient recipient, Creditor creditor, Map<String, String> variables,
                                    Instant notBefore, Instant notAfter) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "payer/" + payerId;
    }

    /** Who receives it. */
    public record Recipient(String name, String email, String mobile, String state) {
    }

    /** The supplier shown on every collection message (CDC art. 42-A). */
    public record Creditor(String legalName, String tradeName, String cnpj, String address) {
    }
}
