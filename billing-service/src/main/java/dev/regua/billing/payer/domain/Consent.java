package dev.regua.billing.payer.domain;

import dev.regua.contract.billing.PayerConsent;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the payer allowed. Collection needs no consent (LGPD legal bases), but an opt-out of a channel must be
 * honoured and WhatsApp needs an opt-in, recorded with its evidence: when, how and a reference to the proof.
 * Opting out of WhatsApp withdraws the opt-in; a new opt-in lifts a WhatsApp opt-out.
 */
public record Consent(Set<Channel> optedOut, WhatsappOptIn whatsappOptIn) {

    /** A WhatsApp opt-in and its evidence. */
    public record WhatsappOptIn(Instant at, OptInMethod how, String reference) {
        public WhatsappOptIn {
            if (at == null || how == null || reference == null || reference.isBlank()) {
                throw new BusinessRuleException("whatsapp-opt-in-evidence-required",
                        "a WhatsApp opt-in needs its evidence: when (at), how and a reference to the proof");
            }
            if (reference.length() > 200) {
                throw new InvalidInputException("whatsappOptIn.reference", "must be at most 200 characters");
            }
            reference = reference.strip();
            at = at.truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        }

        String evidence() {
            return how.name() + ": " + reference;
        }
    }

    public Consent {
        optedOut = optedOut == null || optedOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optedOut));
        if (whatsappOptIn != null && optedOut.contains(Channel.WHATSAPP)) {
            throw new BusinessRuleException("whatsapp-consent-conflict",
                    "a payer cannot both opt out of WhatsApp and opt in to it");
        }
    }

    public static Consent none() {
        return new Consent(Set.of(), null);
    }

    public Consent optOut(Channel channel) {
        EnumSet<Channel> next = copy();
        next.add(channel);
        return new Consent(next, channel == Channel.WHATSAPP ? null : whatsappOptIn);
    }

    public Consent allow(Channel channel) {
        EnumSet<Channel> next = copy();
        next.remove(channel);
        return new Consent(next, whatsappOptIn);
    }

    public Consent optIn(WhatsappOptIn optIn) {
        EnumSet<Channel> next = copy();
        next.remove(Channel.WHATSAPP);
        return new Consent(next, optIn);
    }

    public Consent withdrawOptIn() {
        return new Consent(optedOut, null);
    }

    /** Opted-out channels in a stable order. */
    public List<Channel> optedOutInOrder() {
        return copy().stream().toList();
    }

    public PayerConsent toContract() {
        return new PayerConsent(optedOutInOrder().stream().map(Enum::name).toList(), whatsappOptIn != null,
                whatsappOptIn == null ? null : whatsappOptIn.at(), whatsappOptIn == null ? null : whatsappOptIn.evidence());
    }

    private EnumSet<Channel> copy() {
        return optedOut.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(optedOut);
    }
}
