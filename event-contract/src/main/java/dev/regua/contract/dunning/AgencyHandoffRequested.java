package dev.regua.contract.dunning;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;
import java.util.List;

/**
 * The payer's overdue debts are handed to a collection agency; {@code idempotencyKey} identifies the handoff.
 */
public record AgencyHandoffRequested(String eventId, String tenantId, String payerId, String caseId, String agency,
                                     String idempotencyKey, List<String> installmentIds, MoneyAmount amount,
                                     Instant requestedAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "payer/" + payerId;
    }
}
