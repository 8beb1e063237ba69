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
    private final ReguaPolicy policy = ReguaPolicy.defaultFor("CLINIC");
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
        assertEquals(List.of("overdue-first", "overdue-second", "collector-call", "bureau-notice", "hold-elective-appointments",
                "bureau-registration"), plan.ensure().stream().map(Schedule.Planned::stepCode).toList());
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

    @Test
    void businessDayOffsetsSkipWeekendsAndHolidays() {
        PolicyStep step = new PolicyStep("call", 2, DayCount.BUSINESS, null, null, StepAction.CREATE_TASK, null, null, null,
                null, null, null, "CALL", null);
        // due Friday 2026-02-13; Carnival Monday and Tuesday (16, 17) are not business days: two business days later
        // is Thursday the 19th
        assertEquals(LocalDate.of(2026, 2, 19), Schedule.day(step, LocalDate.of(2026, 2, 13), dev.regua.kernel.calendar.BankCalendar.national()));
    }

    @Test
    void theThankYouIsNotScheduledInTime() {
        ReguaPolicy withThanks = new ReguaPolicy("t", 1, "T", 0, Segment.ALL, List.of(
                PolicyStep.message("first", 1, "overdue-first", WhenLate.RUN, "EMAIL"),
                PolicyStep.message("thanks", 0, "thank-you", WhenLate.RUN, "EMAIL").asThankYou()));
        for (BillingStatus status : List.of(BillingStatus.OPEN, BillingStatus.OVERDUE)) {
            Schedule.Plan plan = Schedule.recompute(withThanks, new InstallmentFacts("i1", "t1", "p1", due, status));
            assertFalse(plan.ensure().stream().anyMatch(p -> p.stepCode().equals("thanks")), status.name());
        }
    }
}
