package dev.regua.dunning.regua.domain;

import java.time.LocalTime;
import java.util.List;

/**
 * One step of a régua: {@code offsetDays} from the due date (negative = before it) at {@code sendAt} local time.
 * A step before the due date applies while the installment is unpaid and not yet overdue; a step after it applies
 * once billing says the installment is overdue. {@code skipWhenLate}: a step that could only run after its useful
 * moment (a "due in 3 days" reminder after the due date) is skipped instead.
 */
public record PolicyStep(String code, int offsetDays, LocalTime sendAt, StepAction action, List<String> channels,
                         String template, boolean skipWhenLate) {
    public PolicyStep {
        channels = List.copyOf(channels);
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a step needs a code");
        }
    }

    public boolean beforeDue() {
        return offsetDays <= 0;
    }
}
