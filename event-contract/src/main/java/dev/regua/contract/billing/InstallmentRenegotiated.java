package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/**
 * An overdue installment was replaced by an agreement (acordo); it is no longer collected on its own while the
 * agreement stands.
 */
public record InstallmentRenegotiated(String eventId, String tenantId, String payerId, InstallmentView installment,
                                      String agreementId, LocalDate renegotiatedOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "installment/" + installment.installmentId();
    }
}
