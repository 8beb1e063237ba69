package dev.regua.notification.channel.domain;

/**
 * What a provider answered to one send: accepted, a failure worth retrying, a refusal that will not change, or no
 * answer at all after the request may have reached the provider.
 */
public sealed interface SendOutcome {
    record Accepted(String provider, String providerMessageId) implements SendOutcome {
    }

    /** 5xx, 429, the provider's "try later" codes, a connection that could not be opened: it was not sent. */
    record Transient(String provider, String detail) implements SendOutcome {
    }

    /** Invalid number, blocked, unknown template, bad credentials: retrying cannot help; the next channel may. */
    record Permanent(String provider, String detail) implements SendOutcome {
    }

    /**
     * The request left but no answer came back (a timeout, a connection reset): the provider may have accepted it.
     * Resending blindly could send twice (ADR 0010).
     */
    record Uncertain(String provider, String detail) implements SendOutcome {
    }
}
