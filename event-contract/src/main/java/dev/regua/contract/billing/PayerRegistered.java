package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;

/** A payer (the debtor) was registered with the tenant. {@code state} is the UF, used for contact-hour law. */
public record PayerRegistered(String eventId, String tenantId, String payerId, String name, String taxId, String email,
                              String mobile, String state) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "payer/" + payerId;
    }
}
