package dev.regua.dunning.regua.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.dunning.regua.domain.InstallmentFacts.BillingStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private final ReguaPolicy policy = ReguaPolicy.standard();
    private final LocalDate due = LocalDate.of(2026, 3, 10);

    private Schedule.Plan recompute(BillingStatus status) {
        return Schedule.recompute(policy, new InstallmentFacts("i1", "t1", "p1", due, status));
    }

    @Test
    void anOpenInstallmentGetsOnlyTheReminderThreeDaysBeforeItsDueDate() {
        Schedule.Plan plan = recompute(BillingStatus.OPEN);
        assertEquals(1, plan.ensure().size());
        Schedule.Planned reminder = plan.ensure().get(0);
        assertEquals("reminder-before-due", reminder.stepCode());
        assertEquals(LocalDateTime.of(2026, 3, 7, 9, 0), reminder.effectiveLocal());
        assertEquals(due.atTime(23, 59, 59, 999_999_999), reminder.notAfterLocal());
    }

    @Test
    void anOverdueInstallmentGetsTheNoticesAndLosesThePendingReminder() {
        Schedule.Plan plan = recompute(BillingStatus.OVERDUE);
        assertEquals(List.of("overdue-first", "overdue-second"), plan.ensure().stream().map(Schedule.Planned::stepCode).toList());
        assertEquals(LocalDateTime.of(2026, 3, 11, 9, 0), plan.ensure().get(0).effectiveLocal());
        assertEquals(LocalDateTime.of(2026, 3, 17, 9, 0), plan.ensure().get(1).effectiveLocal());
        assertEquals(List.of("reminder-before-due"), plan.cancelStepCodes());
    }

    @Test
    void aPaidInstallmentCancelsEverythingPending() {
        Schedule.Plan plan = recompute(BillingStatus.PAID);
        assertTrue(plan.cancelPending());
        assertTrue(plan.ensure().isEmpty());
    }

    @Test
    void statusNeverMovesBackwardsWhenEventsArriveLateOrTwice() {
        assertEquals(BillingStatus.PAID, BillingStatus.PAID.merge(BillingStatus.OVERDUE));
        assertEquals(BillingStatus.OVERDUE, BillingStatus.OVERDUE.merge(BillingStatus.DUE));
        assertEquals(BillingStatus.OVERDUE, BillingStatus.OVERDUE.merge(BillingStatus.OVERDUE));
        assertEquals(BillingStatus.OVERDUE, BillingStatus.DUE.merge(BillingStatus.OVERDUE));
        assertEquals(BillingStatus.PAID, BillingStatus.OPEN.merge(BillingStatus.PAID));
    }

    @Test
    void aReminderThatComesAfterTheDueDateIsStale() {
        Schedule.Planned reminder = recompute(BillingStatus.OPEN).ensure().get(0);
        assertFalse(Schedule.stale(reminder.notAfterLocal(), LocalDateTime.of(2026, 3, 10, 18, 0)));
        assertTrue(Schedule.stale(reminder.notAfterLocal(), LocalDateTime.of(2026, 3, 11, 0, 1)));
        assertFalse(Schedule.stale(null, LocalDateTime.of(2030, 1, 1, 0, 0)));
    }
}
