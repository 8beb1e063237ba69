package dev.regua.contract.billing;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.Topics;
import java.util.List;

/**
 * A payer (the debtor) was registered with the tenant. {@code state} is the UF, used for contact-hour law;
 * {@code consent} carries channel opt-outs and the WhatsApp opt-in; {@code responsible} (optional) is who pays for
 * the payer, e.g. a student's parent; {@code tags} feed dunning segments.
 */
public record PayerRegistered(String eventId, String tenantId, String payerId, String name, String taxId, String email,
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
