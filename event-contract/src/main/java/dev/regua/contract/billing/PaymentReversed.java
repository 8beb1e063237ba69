package dev.regua.contract.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment was reversed (chargeback, returned Pix, bounced boleto), in whole or in part: the installments it had
 * paid are owed again as far as the reversal took their money back; {@code installments} shows each installment the
 * reversal touched as it is afterwards. {@code amount} is the payment's amount; {@code reversedAmount} (added later in
 * version 1) is what this reversal took back — less than {@code amount} for a partial reversal (estorno parcial);
 * absent (older events) means the whole payment.
 */
public record PaymentReversed(String eventId, String tenantId, String payerId, String paymentId, String method,
                              String externalId, MoneyAmount amount, List<InstallmentView> installments,
                              String reason, LocalDate reversedOn,
                              @JsonInclude(JsonInclude.Include.NON_NULL) MoneyAmount reversedAmount) implements RegisteredEvent {

    /** What this reversal took back: {@code reversedAmount}, or the whole payment for an older event without it. */
    public MoneyAmount reversed() {
        return reversedAmount == null ? amount : reversedAmount;
    }
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "payment/" + paymentId;
    }
}
