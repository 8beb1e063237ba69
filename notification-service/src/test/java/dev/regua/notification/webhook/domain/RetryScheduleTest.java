package dev.regua.notification.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant T0 = Instant.parse("2026-03-11T12:00:00Z");

    @Test
    void retriesAfterFiveSecondsFiveMinutesThirtyMinutesTwoHoursFiveHoursThenEveryTenHours() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), RetrySchedule.delayAfter(1));
        assertEquals(Optional.of(Duration.ofMinutes(5)), RetrySchedule.delayAfter(2));
        assertEquals(Optional.of(Duration.ofMinutes(30)), RetrySchedule.delayAfter(3));
        assertEquals(Optional.of(Duration.ofHours(2)), RetrySchedule.delayAfter(4));
        assertEquals(Optional.of(Duration.ofHours(5)), RetrySchedule.delayAfter(5));
        for (int attempt = 6; attempt <= 10; attempt++) {
            assertEquals(Optional.of(Duration.ofHours(10)), RetrySchedule.delayAfter(attempt));
        }
        assertEquals(Optional.empty(), RetrySchedule.delayAfter(11), "the eleventh attempt is the last");
        assertEquals(11, RetrySchedule.MAX_ATTEMPTS);
    }

    @Test
    void givesUpWithinThreeDaysEvenWithFullJitter() {
        Instant at = T0;
        for (int attempt = 1; attempt < RetrySchedule.MAX_ATTEMPTS; attempt++) {
            at = RetrySchedule.nextAttempt(at, attempt, 0.999_999).orElseThrow();
        }
        assertTrue(Duration.between(T0, at).compareTo(Duration.ofDays(3)) < 0, "last attempt at " + at);
        assertTrue(Duration.between(T0, at).compareTo(Duration.ofHours(57)) > 0, "last attempt at " + at);
    }

    @Test
    void jitterAddsAtMostTenPercentAndNeverComesEarly() {
        assertEquals(T0.plusSeconds(5), RetrySchedule.nextAttempt(T0, 1, 0.0).orElseThrow());
        Instant late = RetrySchedule.nextAttempt(T0, 2, 0.999_999).orElseThrow();
        assertTrue(!late.isBefore(T0.plus(Duration.ofMinutes(5))) && late.isBefore(T0.plus(Duration.ofSeconds(330))), late.toString());
    }

    @Test
    void aLongerRetryAfterIsHonouredWithinTheThreeDayBudgetAndAShorterOneIsIgnored() {
        Instant scheduled = T0.plusSeconds(5);
        assertEquals(T0.plusSeconds(600), RetrySchedule.respectingRetryAfter(scheduled, T0, Duration.ofSeconds(600), T0));
        assertEquals(scheduled, RetrySchedule.respectingRetryAfter(scheduled, T0, Duration.ofSeconds(1), T0));
        assertEquals(scheduled, RetrySchedule.respectingRetryAfter(scheduled, T0, Duration.ofDays(4), T0), "beyond three days");
        assertEquals(scheduled, RetrySchedule.respectingRetryAfter(scheduled, T0, null, T0));
    }
}
