package dev.regua.contract.billing;

import java.time.Instant;
import java.util.List;

/**
 * What the payer allowed: the channels they opted out of (EMAIL, SMS, WHATSAPP) and their WhatsApp opt-in, which
 * WhatsApp Business requires before any message, with when and how it was given (its evidence).
 */
public record PayerConsent(List<String> optedOutChannels, boolean whatsappOptIn, Instant whatsappOptInAt,
                           String whatsappOptInEvidence) {
    public PayerConsent {
        optedOutChannels = optedOutChannels == null ? List.of() : List.copyOf(optedOutChannels);
    }

    /** No opt-out and no WhatsApp opt-in. */
    public static PayerConsent none() {
        return new PayerConsent(List.of(), false, null, null);
    }
}
