package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.util.List;

/** A payer's name or contact points changed; the event carries the whole new version (the tax id never changes). */
public record PayerUpdated(String eventId, String tenantId, String payerId, String name, String taxId, String email,
                           String mobile, String state, String whatsapp, Address address, PayerConsent consent,
                           ResponsiblePerson responsible, List<String> tags) implements RegisteredEvent {
    @Override
    public String partitionKey() {
        return Topics.payerKey(tenantId, payerId);
    }

    @Override
    public String subject() {
        return "payer/" + payerId;
    }
}
