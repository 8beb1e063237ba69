package dev.regua.dunning.regua.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A régua de cobrança: one version of a tenant's policy. {@code segment} says which payers and debts it is for;
 * among the tenant's active policies whose segment matches, the highest {@code priority} wins. The steps are applied
 * to each installment. A version is never changed: an edit is the next version.
 */
public record ReguaPolicy(String code, int version, String name, int priority, Segment segment, List<PolicyStep> steps) {
    public ReguaPolicy {
        segment = segment == null ? Segment.ALL : segment;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** What a tenant edits: everything but the code and the version. */
    public record Definition(String name, Integer priority, Segment segment, List<PolicyStep> steps) {
        public ReguaPolicy as(String code, int version) {
            return new ReguaPolicy(code, version, name, priority == null ? 0 : priority, segment, steps);
        }
    }

    public Definition definition() {
        return new Definition(name, priority, segment, steps);
    }

    public Optional<PolicyStep> step(String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<PolicyStep> thankYou() {
        return steps.stream().filter(s -> s.action() == StepAction.THANK_YOU).findFirst();
    }

    /** The code of the built-in default policy of a vertical. */
    public static String defaultCode(String vertical) {
        return "default-" + family(vertical).toLowerCase();
    }

    /** CLINIC, OTICA, SCHOOL (schools and courses) or OTHER. */
    public static String family(String vertical) {
        if (vertical == null) {
            return "OTHER";
        }
        return switch (vertical) {
            case "CLINIC" -> "CLINIC";
            case "OTICA" -> "OTICA";
            case "SCHOOL", "COURSE" -> "SCHOOL";
            default -> "OTHER";
        };
    }

    /**
     * The lawful default a tenant of this vertical starts with. Messages at 09:00–18:00 local (inside every state's
     * contact-hour window), a staff call, the bureau notice 20 days before registration (more than the 15 days São
     * Paulo asks) and a vertical-aware service restriction (none for 'other'; re-enrolment only for schools). No
     * thank-you by default: a tenant adds a THANK_YOU step (and its template) when it wants one.
     */
    public static ReguaPolicy defaultFor(String vertical) {
        String family = family(vertical);
        StepConditions fromFifty = new StepConditions(new BigDecimal("50.00"), null, true);
        List<PolicyStep> steps = switch (family) {
            case "SCHOOL" -> List.of(
                    PolicyStep.message("reminder-before-due", -5, "before-due", WhenLate.SKIP, "EMAIL", "SMS"),
                    PolicyStep.message("overdue-first", 1, "overdue-first", WhenLate.RUN, "EMAIL", "SMS"),
                    PolicyStep.message("overdue-second", 10, "overdue-second", WhenLate.RUN, "EMAIL", "SMS"),
                    PolicyStep.action("collector-call", 15, StepAction.CREATE_TASK).withTask("CALL"),
                    PolicyStep.action("block-reenrolment", 30, StepAction.RESTRICT_SERVICE).withRestriction("BLOCK_REENROLMENT"),
                    PolicyStep.action("bureau-notice", 45, StepAction.BUREAU_NOTICE).withConditions(fromFifty),
                    PolicyStep.action("bureau-registration", 65, StepAction.BUREAU_REGISTRATION).withConditions(fromFifty));
            default -> {
                List<PolicyStep> common = new java.util.ArrayList<>(List.of(
                        PolicyStep.message("reminder-before-due", -3, "before-due", WhenLate.SKIP, "EMAIL", "SMS"),
                        PolicyStep.message("overdue-first", 1, "overdue-first", WhenLate.RUN, "EMAIL", "SMS"),
                        PolicyStep.message("overdue-second", 7, "overdue-second", WhenLate.RUN, "EMAIL", "SMS"),
                        PolicyStep.action("collector-call", 10, StepAction.CREATE_TASK).withTask("CALL"),
                        PolicyStep.action("bureau-notice", 15, StepAction.BUREAU_NOTICE).withConditions(fromFifty)));
                if (family.equals("CLINIC")) {
                    common.add(PolicyStep.action("hold-elective-appointments", 20, StepAction.RESTRICT_SERVICE)
                            .withRestriction("HOLD_ELECTIVE_APPOINTMENTS"));
                } else if (family.equals("OTICA")) {
                    common.add(PolicyStep.action("hold-lens-delivery", 20, StepAction.RESTRICT_SERVICE)
                            .withRestriction("HOLD_LENS_DELIVERY"));
                }
                common.add(PolicyStep.action("bureau-registration", 35, StepAction.BUREAU_REGISTRATION).withConditions(fromFifty));
                yield common;
            }
        };
        String label = switch (family) {
            case "CLINIC" -> "Clínica";
            case "OTICA" -> "Ótica";
            case "SCHOOL" -> "Escola";
            default -> "Padrão";
        };
        return new ReguaPolicy(defaultCode(vertical), 1, "Régua padrão — " + label, 0, Segment.ALL, steps);
    }
}
