package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/**
 * A contract was suspended: no new installments are generated and its open installments stay owed; {@code reason}
 * is the staff's text.
 */
public record ContractSuspended(String eventId, String tenantId, String payerId, String contractId, String kind,
                                String reason, LocalDate suspendedOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "contract/" + contractId;
    }
}
