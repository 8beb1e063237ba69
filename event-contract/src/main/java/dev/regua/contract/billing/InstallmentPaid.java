package dev.regua.contract.billing;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/** The installment was paid in full (amount includes any fine and interest charged). */
public record InstallmentPaid(String eventId, String tenantId, String payerId, InstallmentView installment,
                              String paymentId, MoneyAmount amountPaid, LocalDate paidOn, String method)
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
