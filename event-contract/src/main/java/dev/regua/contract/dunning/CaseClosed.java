package dev.regua.contract.dunning;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;

/**
 * A collection case closed: {@code reason} is PAID, AGREEMENT, WRITTEN_OFF or CANCELLED.
 */
public record CaseClosed(String eventId, String tenantId, String payerId, String caseId, String reason,
                         Instant closedAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "case/" + caseId;
    }
}
