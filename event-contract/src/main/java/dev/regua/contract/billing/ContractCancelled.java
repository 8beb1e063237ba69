package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.time.LocalDate;

/**
 * A contract was cancelled; its open (not yet due) installments are cancelled with their own events.
 */
public record ContractCancelled(String eventId, String tenantId, String payerId, String contractId, String kind,
                                String reason, LocalDate cancelledOn) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "contract/" + contractId;
    }
}
