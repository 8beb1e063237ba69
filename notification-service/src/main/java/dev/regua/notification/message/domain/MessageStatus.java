package dev.regua.notification.message.domain;

/**
 * QUEUED until a channel's provider accepted it (SENT); then DELIVERED and READ as the provider reports them.
 * FAILED when no allowed channel can deliver it (window closed, opted out, permanent refusals, retries exhausted).
 */
public enum MessageStatus {
    QUEUED(0), SENT(1), DELIVERED(2), READ(3), FAILED(-1);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    /** Whether a reported status moves the message forward (a late "sent" after "delivered" does not). */
    public boolean advances(MessageStatus current) {
        return rank > current.rank;
    }
}
