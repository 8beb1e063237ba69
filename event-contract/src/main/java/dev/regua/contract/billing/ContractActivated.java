package dev.regua.contract.billing;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/**
 * A contract took effect: the terms the payer agreed, its kind (ONE_OFF, INSTALLMENT_PLAN, MONTHLY_FEE) and the
 * dunning segment it names (may be null). Published before the contract's installments are created.
 */
public record ContractActivated(String eventId, String tenantId, String payerId, String contractId, String kind,
                                String segment, ChargeTermsView terms, MoneyAmount total, int installmentCount,
                                LocalDate signedOn, LocalDate activatedOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "contract/" + contractId;
    }
}
