package dev.regua.dunning.regua.domain;

import dev.regua.kernel.calendar.BankCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes, from the facts alone, which steps of a policy an installment should have pending. Applying the same
 * facts twice, or in another order, gives the same answer; that is what makes duplicated and reordered events
 * harmless.
 */
public final class Schedule {
    /** A step that skips when late after the due date is stale this many days after its day. */
    public static final int STALE_AFTER_DAYS = 2;

    private Schedule() {
    }

    /** A step that should exist for the installment, with its effective local time and optional deadline. */
    public record Planned(String stepCode, LocalDateTime effectiveLocal, LocalDateTime notAfterLocal) {
    }

    /** The outcome of a recomputation: steps to ensure exist, and whether every pending step is to be cancelled. */
    public record Plan(List<Planned> ensure, boolean cancelPending, List<String> cancelStepCodes) {
    }

    public static Plan recompute(ReguaPolicy policy, InstallmentFacts facts) {
        return recompute(policy, facts, BankCalendar.national());
    }

    public static Plan recompute(ReguaPolicy policy, InstallmentFacts facts, BankCalendar calendar) {
        if (facts.status().settled()) {
            return new Plan(List.of(), true, List.of());
        }
        boolean overdue = facts.status() == InstallmentFacts.BillingStatus.OVERDUE;
        List<Planned> ensure = new ArrayList<>();
        List<String> cancel = new ArrayList<>();
        for (PolicyStep step : policy.steps()) {
            if (!step.timed()) {
                continue;
            }
            if (step.beforeDue() && overdue) {
                cancel.add(step.code());
            } else if (step.beforeDue() || overdue) {
                ensure.add(plan(step, facts.dueDate(), calendar));
            }
        }
        return new Plan(ensure, false, cancel);
    }

    /** The step's day: the due date plus its offset in calendar or business days. */
    public static LocalDate day(PolicyStep step, LocalDate dueDate, BankCalendar calendar) {
        return step.dayCount() == DayCount.BUSINESS ? calendar.plusBusinessDays(dueDate, step.offsetDays())
                : dueDate.plusDays(step.offsetDays());
    }

    public static Planned plan(PolicyStep step, LocalDate dueDate, BankCalendar calendar) {
        LocalDate day = day(step, dueDate, calendar);
        LocalDateTime effective = day.atTime(step.sendAt());
        LocalDateTime notAfter = null;
        if (step.skipWhenLate()) {
            notAfter = step.beforeDue() ? dueDate.atTime(LocalTime.MAX) : day.plusDays(STALE_AFTER_DAYS).atTime(LocalTime.MAX);
        }
        return new Planned(step.code(), effective, notAfter);
    }

    static Planned plan(PolicyStep step, LocalDate dueDate) {
        return plan(step, dueDate, BankCalendar.national());
    }

    /** Whether a pending step that comes due at {@code nowLocal} must be skipped rather than run. */
    public static boolean stale(LocalDateTime notAfterLocal, LocalDateTime nowLocal) {
        return notAfterLocal != null && nowLocal.isAfter(notAfterLocal);
    }
}
