package dev.regua.contract.credit;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;

/**
 * A protest at a notary office moved to a new state: REQUESTED, DEBTOR_NOTIFIED (the office registered the title and
 * notified the debtor, who may pay there until the third business day after), PROTESTED, REFUSED,
 * CANCELLATION_CONSENT_ISSUED or CANCELLED.
 */
public record ProtestChanged(String eventId, String tenantId, String payerId, String protestId, String notaryOffice,
                             String state, String previousState, String reason, String commandKey, MoneyAmount amount,
                             Instant occurredAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "protest/" + protestId;
    }
}
