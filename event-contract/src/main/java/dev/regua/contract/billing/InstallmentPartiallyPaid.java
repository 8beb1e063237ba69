package dev.regua.contract.billing;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/** A payment smaller than the amount due was applied; {@code installment.paidAmount} is the total paid so far. */
public record InstallmentPartiallyPaid(String eventId, String tenantId, String payerId, InstallmentView installment,
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
