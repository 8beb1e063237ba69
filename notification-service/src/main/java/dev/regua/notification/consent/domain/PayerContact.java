package dev.regua.notification.consent.domain;

import java.util.Set;

/**
 * What notification knows of a payer from billing's events: contact points and consent. Collection needs no
 * consent (LGPD), but a channel the payer opted out of is never used, and WhatsApp needs the payer's opt-in.
 */
public record PayerContact(String email, String mobile, String whatsapp, String state, Set<String> optedOutChannels,
                           boolean whatsappOptIn) {
    public PayerContact {
        optedOutChannels = optedOutChannels == null ? Set.of() : Set.copyOf(optedOutChannels);
    }

    /** Nothing known yet: no opt-out, no WhatsApp opt-in. */
    public static PayerContact unknown() {
        return new PayerContact(null, null, null, null, Set.of(), false);
    }

    public boolean optedOutOf(String channel) {
        return optedOutChannels.contains(channel);
    }
}
