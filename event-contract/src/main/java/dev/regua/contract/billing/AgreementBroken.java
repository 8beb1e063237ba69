package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement was broken (its down payment was not paid in time): its plan is cancelled and the original
 * installments are owed again, with their original due dates and charges.
 */
public record AgreementBroken(String eventId, String tenantId, String payerId, String agreementId, String contractId,
                              List<String> originalInstallmentIds, String reason, LocalDate brokenOn)
        implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "agreement/" + agreementId;
    }
}
