package dev.regua.contract.dunning;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;

/**
 * A step of the régua ran for a case: {@code action} is SEND_MESSAGE, CREATE_TASK, RESTRICT_SERVICE,
 * BUREAU_NOTICE, BUREAU_REGISTRATION, PROTEST, AGENCY_HANDOFF, WRITE_OFF or THANK_YOU; {@code outcome} is EXECUTED
 * or SKIPPED with {@code detail} saying why.
 */
public record StepExecuted(String eventId, String tenantId, String payerId, String caseId, String stepCode,
                           String action, String outcome, String detail, String installmentId, Instant executedAt)
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
