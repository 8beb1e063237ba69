package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/** The installment was not paid by its (business-day adjusted) due date plus grace days: overdue since that day. */
public record InstallmentOverdue(String eventId, String tenantId, String payerId, InstallmentView installment,
                                 LocalDate overdueSince) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "installment/" + installment.installmentId();
    }
}
