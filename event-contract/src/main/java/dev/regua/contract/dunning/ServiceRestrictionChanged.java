package dev.regua.contract.dunning;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.Instant;

/**
 * The payer's service restriction was applied ({@code restricted} true) or lifted. {@code kind} depends on the
 * vertical: HOLD_ELECTIVE_APPOINTMENTS (clinic; continuity of care is kept), HOLD_LENS_DELIVERY (ótica),
 * BLOCK_REENROLMENT (school), HOLD_NEW_SALES (others).
 */
public record ServiceRestrictionChanged(String eventId, String tenantId, String payerId, String caseId,
                                        boolean restricted, String kind, String reason, Instant changedAt)
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
