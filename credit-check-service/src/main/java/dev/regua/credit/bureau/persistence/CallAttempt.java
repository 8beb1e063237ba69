package dev.regua.credit.bureau.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A call to make to an outside party (a bureau, the notary central), retried from its row until it answers: the
 * columns {@code bureau_attempt} and {@code protest_attempt} share, and how a row moves. {@code status}: PENDING,
 * DONE, FAILED (refused), CANCELLED (no longer needed).
 */
@MappedSuperclass
public abstract class CallAttempt {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    public String operation;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    public boolean pending() {
        return "PENDING".equals(status);
    }

    /** Claimed for a call: hidden from other workers for {@code lease} (a crash means another try after it). */
    public void lease(Instant now, Duration lease) {
        attempts++;
        nextAttemptAt = now.plus(lease);
    }

    /** Not called: what it was for no longer holds. */
    public void cancel(Instant now, String why) {
        status = "CANCELLED";
        completedAt = now;
        lastError = truncate(why);
    }

    public void done(Instant now) {
        status = "DONE";
        completedAt = now;
        lastError = null;
    }

    /** The other party refused the request: no retry. */
    public void failed(Instant now, String error) {
        status = "FAILED";
        completedAt = now;
        lastError = truncate(error);
    }

    /** The other party was unavailable: try again after {@code wait} (unless the row was cancelled meanwhile). */
    public void retryAfter(Instant now, Duration wait, String error) {
        lastError = truncate(error);
        if (pending()) {
            nextAttemptAt = now.plus(wait);
        }
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
