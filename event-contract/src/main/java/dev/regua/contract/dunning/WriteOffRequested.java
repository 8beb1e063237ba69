package dev.regua.contract.dunning;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;
import java.util.List;

/**
 * The régua asks billing to write these overdue installments off as a loss; billing writes each off once and
 * publishes installment.written-off.
 */
public record WriteOffRequested(String eventId, String tenantId, String payerId, String caseId, String idempotencyKey,
                                List<String> installmentIds, String reason, Instant requestedAt)
        implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "payer/" + payerId;
    }
}
