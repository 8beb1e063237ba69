package dev.regua.notification.channel.domain;

/** What a provider answered to one send: accepted, a failure worth retrying, or a refusal that will not change. */
public sealed interface SendOutcome {
    record Accepted(String provider, String providerMessageId) implements SendOutcome {
    }

    /** Timeouts, 5xx, 429 and the provider's "try later" codes. */
    record Transient(String provider, String detail) implements SendOutcome {
    }

    /** Invalid number, blocked, unknown template, bad credentials: retrying cannot help; the next channel may. */
    record Permanent(String provider, String detail) implements SendOutcome {
    }
}
