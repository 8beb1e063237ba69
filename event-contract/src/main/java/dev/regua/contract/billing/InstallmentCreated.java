package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;

/** An installment was created as part of a contract (one-off, plan or monthly fee). */
public record InstallmentCreated(String eventId, String tenantId, String payerId, InstallmentView installment)
        implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "installment/" + installment.installmentId();
    }
}
