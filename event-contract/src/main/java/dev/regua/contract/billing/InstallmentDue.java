package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;

/** The installment entered its billing window: it falls due within the tenant's lead days and can be paid now. */
public record InstallmentDue(String eventId, String tenantId, String payerId, InstallmentView installment)
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
