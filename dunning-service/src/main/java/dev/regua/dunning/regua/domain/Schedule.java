package dev.regua.dunning.regua.domain;

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
    private Schedule() {
    }

    /** A step that should exist for the installment, with its effective local time and optional deadline. */
    public record Planned(String stepCode, LocalDateTime effectiveLocal, LocalDateTime notAfterLocal) {
    }

    /** The outcome of a recomputation: steps to ensure exist, and whether every pending step is to be cancelled. */
    public record Plan(List<Planned> ensure, boolean cancelPending, List<String> cancelStepCodes) {
    }

    public static Plan recompute(ReguaPolicy policy, InstallmentFacts facts) {
        if (facts.status().settled()) {
            return new Plan(List.of(), true, List.of());
        }
        boolean overdue = facts.status() == InstallmentFacts.BillingStatus.OVERDUE;
        List<Planned> ensure = new ArrayList<>();
        List<String> cancel = new ArrayList<>();
        for (PolicyStep step : policy.steps()) {
            if (step.beforeDue() && overdue) {
                cancel.add(step.code());
            } else if (step.beforeDue() || overdue) {
                ensure.add(plan(step, facts.dueDate()));
            }
        }
        return new Plan(ensure, false, cancel);
    }

    static Planned plan(PolicyStep step, LocalDate dueDate) {
        LocalDateTime effective = dueDate.plusDays(step.offsetDays()).atTime(step.sendAt());
        LocalDateTime notAfter = step.skipWhenLate() ? dueDate.atTime(LocalTime.MAX) : null;
        return new Planned(step.code(), effective, notAfter);
    }

    /** Whether a pending step that comes due at {@code nowLocal} must be skipped rather than run. */
    public static boolean stale(LocalDateTime notAfterLocal, LocalDateTime nowLocal) {
        return notAfterLocal != null && nowLocal.isAfter(notAfterLocal);
    }
}
