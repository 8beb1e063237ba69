package dev.regua.contract.billing;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment was reversed (chargeback, returned Pix, bounced boleto): the installments it had settled are owed
 * again; {@code installments} shows each as it is after the reversal.
 */
public record PaymentReversed(String eventId, String tenantId, String payerId, String paymentId, String method,
                              String externalId, MoneyAmount amount, List<InstallmentView> installments,
                              String reason, LocalDate reversedOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "payment/" + paymentId;
    }
}
