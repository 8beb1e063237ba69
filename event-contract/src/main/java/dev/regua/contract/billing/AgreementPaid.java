package dev.regua.contract.billing;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/**
 * Every installment of an agreement was paid: the renegotiated debt is settled.
 */
public record AgreementPaid(String eventId, String tenantId, String payerId, String agreementId, String contractId,
                            MoneyAmount totalPaid, LocalDate paidOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "agreement/" + agreementId;
    }
}
