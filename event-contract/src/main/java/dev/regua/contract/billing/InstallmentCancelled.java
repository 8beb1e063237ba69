package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/**
 * An installment is no longer owed (its contract was cancelled, or staff cancelled it); nothing is to be
 * collected.
 */
public record InstallmentCancelled(String eventId, String tenantId, String payerId, InstallmentView installment,
                                   String reason, LocalDate cancelledOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "installment/" + installment.installmentId();
    }
}
