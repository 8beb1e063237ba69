package dev.regua.notification.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h and five times 10 h —
 * eleven attempts, the last 57 h 35 min after the first (63 h 20 min with the most jitter), so a delivery is given
 * up within three days. Each delay gets up to 10 % of random jitter added (never subtracted). The next attempt's
 * time is stored on the delivery, not kept in a timer.
 */
public final class RetrySchedule {
    public static final List<Duration> DELAYS = List.of(
            Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10));
    /** The first attempt plus one retry per delay. */
    public static final int MAX_ATTEMPTS = DELAYS.size() + 1;
    public static final double JITTER = 0.10;

    private RetrySchedule() {
    }

    /** The delay before the next attempt after attempt number {@code attempt} (1-based) failed; empty after the last. */
    public static Optional<Duration> delayAfter(int attempt) {
        if (attempt < 1 || attempt > DELAYS.size()) {
            return Optional.empty();
        }
        return Optional.of(DELAYS.get(attempt - 1));
    }

    /**
     * The next attempt after attempt {@code attempt} failed at {@code failedAt}, with jitter from {@code random} in
     * [0, 1); empty when no attempt is left.
     */
    public static Optional<Instant> nextAttempt(Instant failedAt, int attempt, double random) {
        return delayAfter(attempt).map(delay -> failedAt.plus(withJitter(delay, random)));
    }

    /** The longest a delivery is retried: its attempts end within three days of its first. */
    public static final Duration BUDGET = Duration.ofDays(3);

    /**
     * Honours a receiver's {@code Retry-After} when it asks for a longer wait than {@code scheduled} and that still
     * falls within three days of {@code firstAttempt}; otherwise keeps {@code scheduled}.
     */
    public static Instant respectingRetryAfter(Instant scheduled, Instant failedAt, Duration retryAfter, Instant firstAttempt) {
        if (retryAfter == null || retryAfter.isNegative()) {
            return scheduled;
        }
        Instant asked = failedAt.plus(retryAfter);
        return asked.isAfter(scheduled) && !asked.isAfter(firstAttempt.plus(BUDGET)) ? asked : scheduled;
    }

    static Duration withJitter(Duration delay, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1)");
        }
        return delay.plusMillis((long) (delay.toMillis() * JITTER * random));
    }
}
