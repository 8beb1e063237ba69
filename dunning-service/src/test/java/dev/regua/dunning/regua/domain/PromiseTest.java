package dev.regua.dunning.regua.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class PromiseTest {
    @Test
    void isBrokenTheDayAfterThePromisedDatePlusGraceAndHeldStepsResumeThatMorning() {
        Promise promise = new Promise(LocalDate.of(2026, 3, 13), 1);
        assertFalse(promise.brokenBy(LocalDate.of(2026, 3, 14)), "the grace day still counts");
        assertTrue(promise.brokenBy(LocalDate.of(2026, 3, 15)));
        assertEquals(LocalDateTime.of(2026, 3, 15, 9, 0), promise.resumeAt(LocalTime.of(9, 0)));
    }

    @Test
    void withoutGraceItBreaksTheDayAfterThePromisedDate() {
        assertEquals(LocalDate.of(2026, 3, 14), new Promise(LocalDate.of(2026, 3, 13), 0).brokenOn());
    }
}
