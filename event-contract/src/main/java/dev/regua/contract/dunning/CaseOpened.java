package dev.regua.contract.dunning;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The payer has overdue installments and a collection case was opened, under this policy version.
 */
public record CaseOpened(String eventId, String tenantId, String payerId, String caseId, String policyId,
                         int policyVersion, MoneyAmount amountOverdue, LocalDate oldestDueDate, Instant openedAt)
        implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "case/" + caseId;
    }
}
