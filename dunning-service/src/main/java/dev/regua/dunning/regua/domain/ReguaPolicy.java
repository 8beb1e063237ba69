package dev.regua.dunning.regua.domain;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * A régua de cobrança: the ordered steps a tenant applies to each installment. This foundation ships one lawful
 * default (friendly reminder before the due date, then a first and a second notice); per-tenant, versioned
 * policies are the dunning-engine issue.
 */
public record ReguaPolicy(String code, int version, List<PolicyStep> steps) {
    public ReguaPolicy {
        steps = List.copyOf(steps);
    }

    public static ReguaPolicy standard() {
        LocalTime nineAm = LocalTime.of(9, 0);
        return new ReguaPolicy("standard", 1, List.of(
                new PolicyStep("reminder-before-due", -3, nineAm, StepAction.SEND_MESSAGE, List.of("EMAIL"), "before-due", true),
                new PolicyStep("overdue-first", 1, nineAm, StepAction.SEND_MESSAGE, List.of("EMAIL"), "overdue-first", false),
                new PolicyStep("overdue-second", 7, nineAm, StepAction.SEND_MESSAGE, List.of("EMAIL"), "overdue-second", false)));
    }

    public Optional<PolicyStep> step(String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
