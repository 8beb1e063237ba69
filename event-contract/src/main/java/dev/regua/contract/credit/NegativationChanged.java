package dev.regua.contract.credit;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;
import java.util.List;

/**
 * A negativação moved to a new state at a bureau: NOTICE_SENT, REGISTERED, REFUSED, REMOVAL_REQUESTED, REMOVED,
 * DISPUTED or SUSPENDED. {@code reason} explains refusals (e.g. NOTICE_TOO_RECENT, DEBT_PAID,
 * OLDER_THAN_FIVE_YEARS, BELOW_MINIMUM); {@code commandKey} is the idempotency key of dunning's command that
 * caused it.
 */
public record NegativationChanged(String eventId, String tenantId, String payerId, String negativationId,
                                  String bureau, String state, String previousState, String reason, String commandKey,
                                  String protocol, List<String> installmentIds, MoneyAmount amount,
                                  Instant occurredAt) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "negativation/" + negativationId;
    }
}
