package dev.regua.dunning.regua.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A promise to pay (promessa de pagamento): the payer says they will pay {@code amount} by {@code promisedDate}.
 * While it is open the payer's régua waits; it is broken the day after the promised date plus grace if something
 * is still overdue then, and kept as soon as nothing is.
 */
public record Promise(LocalDate promisedDate, int graceDays) {
    public Promise {
        if (graceDays < 0) {
            throw new IllegalArgumentException("grace days must not be negative");
        }
    }

    /** The first day the promise counts as broken. */
    public LocalDate brokenOn() {
        return promisedDate.plusDays(graceDays + 1L);
    }

    /** Where a step that came due during the promise waits: the morning the promise would be broken. */
    public LocalDateTime resumeAt(LocalTime sendAt) {
        return brokenOn().atTime(sendAt);
    }

    public boolean brokenBy(LocalDate today) {
        return !today.isBefore(brokenOn());
    }
}
