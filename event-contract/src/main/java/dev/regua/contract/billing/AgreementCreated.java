package dev.regua.contract.billing;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;
import java.util.List;

/**
 * A renegotiation agreement (acordo) replaced overdue installments with a new plan; the down payment must be paid
 * by {@code downPaymentDeadline} or the agreement is broken and the originals return.
 */
public record AgreementCreated(String eventId, String tenantId, String payerId, String agreementId, String contractId,
                               List<String> originalInstallmentIds, MoneyAmount originalDebt, MoneyAmount discount,
                               MoneyAmount total, MoneyAmount downPayment, int installmentCount,
                               LocalDate downPaymentDeadline, LocalDate createdOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "agreement/" + agreementId;
    }
}
