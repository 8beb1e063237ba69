package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/**
 * An installment was written off as a loss (by staff or at dunning's request); {@code reason} says why.
 */
public record InstallmentWrittenOff(String eventId, String tenantId, String payerId, InstallmentView installment,
                                    String reason, LocalDate writtenOffOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "installment/" + installment.installmentId();
    }
}
