package dev.regua.dunning.regua.domain;

import java.time.LocalTime;
import java.util.List;

/**
 * One step of a régua: {@code offsetDays} from the due date (negative = before it), counted in calendar or business
 * days, run within the local time-of-day window {@code windowStart}–{@code windowEnd}. A step before or on the due
 * date applies while the installment is unpaid and not yet overdue; a step after it once billing says the
 * installment is overdue. {@link StepAction#THANK_YOU} has no time: it runs when the case is paid.
 *
 * <p>Per action: {@code channels} (fallback order) and {@code template} (messages), {@code restriction} (the kind of
 * service restriction; the vertical's kind when absent), {@code taskKind} (CALL or VISIT), {@code agency}.
 * {@code variables} are the extra variables the template uses.
 */
public record PolicyStep(String code, int offsetDays, DayCount dayCount, LocalTime windowStart, LocalTime windowEnd,
                         StepAction action, List<String> channels, String template, List<String> variables,
                         StepConditions conditions, WhenLate whenLate, String restriction, String taskKind,
                         String agency) {
    public static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_END = LocalTime.of(18, 0);

    public PolicyStep {
        dayCount = dayCount == null ? DayCount.CALENDAR : dayCount;
        windowStart = windowStart == null ? DEFAULT_START : windowStart;
        windowEnd = windowEnd == null ? DEFAULT_END : windowEnd;
        channels = channels == null ? List.of() : List.copyOf(channels);
        variables = variables == null ? List.of() : List.copyOf(variables);
        conditions = conditions == null ? StepConditions.NONE : conditions;
        whenLate = whenLate == null ? WhenLate.RUN : whenLate;
    }

    /** A message step with the defaults: calendar days, 09:00–18:00. */
    public static PolicyStep message(String code, int offsetDays, String template, WhenLate whenLate, String... channels) {
        return new PolicyStep(code, offsetDays, DayCount.CALENDAR, DEFAULT_START, DEFAULT_END, StepAction.SEND_MESSAGE,
                List.of(channels), template, List.of(), StepConditions.NONE, whenLate, null, null, null);
    }

    /** Any other action at 09:00–18:00 local, calendar days. */
    public static PolicyStep action(String code, int offsetDays, StepAction action) {
        return new PolicyStep(code, offsetDays, DayCount.CALENDAR, DEFAULT_START, DEFAULT_END, action, List.of(), null,
                List.of(), StepConditions.NONE, WhenLate.RUN, null, null, null);
    }

    public PolicyStep withRestriction(String kind) {
        return new PolicyStep(code, offsetDays, dayCount, windowStart, windowEnd, action, channels, template, variables,
                conditions, whenLate, kind, taskKind, agency);
    }

    public PolicyStep withTask(String kind) {
        return new PolicyStep(code, offsetDays, dayCount, windowStart, windowEnd, action, channels, template, variables,
                conditions, whenLate, restriction, kind, agency);
    }

    public PolicyStep withConditions(StepConditions c) {
        return new PolicyStep(code, offsetDays, dayCount, windowStart, windowEnd, action, channels, template, variables,
                c, whenLate, restriction, taskKind, agency);
    }

    public PolicyStep asThankYou() {
        return new PolicyStep(code, offsetDays, dayCount, windowStart, windowEnd, StepAction.THANK_YOU, channels, template,
                variables, conditions, whenLate, restriction, taskKind, agency);
    }

    public LocalTime sendAt() {
        return windowStart;
    }

    public boolean skipWhenLate() {
        return whenLate == WhenLate.SKIP;
    }

    public boolean beforeDue() {
        return offsetDays <= 0;
    }

    /** Whether the step is scheduled in time (all but the thank-you, which follows the payment). */
    public boolean timed() {
        return action != StepAction.THANK_YOU;
    }
}
