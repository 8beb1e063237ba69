package dev.regua.dunning.regua.domain;

import java.math.BigDecimal;

/**
 * When a step may run: the case owes at least {@code minOverdueAmount} today, its oldest overdue installment is at
 * least {@code minDaysOverdue} days late, and (unless {@code notWhilePromiseOpen} is false) no promise to pay is open.
 */
public record StepConditions(BigDecimal minOverdueAmount, Integer minDaysOverdue, Boolean notWhilePromiseOpen) {
    public static final StepConditions NONE = new StepConditions(null, null, true);

    public boolean holdWhilePromiseOpen() {
        return notWhilePromiseOpen == null || notWhilePromiseOpen;
    }

    /** Why the step may not run with these figures, or null when it may. */
    public String unmetBy(BigDecimal overdueAmount, long daysOverdue) {
        if (minOverdueAmount != null && overdueAmount.compareTo(minOverdueAmount) < 0) {
            return "condition: overdue amount " + overdueAmount.toPlainString() + " below " + minOverdueAmount.toPlainString();
        }
        if (minDaysOverdue != null && daysOverdue < minDaysOverdue) {
            return "condition: " + daysOverdue + " days overdue, needs " + minDaysOverdue;
        }
        return null;
    }
}
