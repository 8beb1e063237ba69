package dev.regua.dunning.regua.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a policy before it is saved. Structural mistakes are {@code invalid} (400); breaches of the law or of the
 * platform's rules are named {@code rule}s (422):
 * <ul>
 *   <li>{@value #PRIOR_NOTICE}: a bureau registration needs a bureau notice step at least N days earlier (CDC
 *       art. 43 §2; market practice 10 days, 15 for São Paulo payers; configurable per state). The days required
 *       are the most any state the policy may meet asks.</li>
 *   <li>{@value #SCHOOL_ACADEMIC}: a school may refuse re-enrolment but never restrict academic service (Lei
 *       9.870/1999): no step suspending classes or exams or withholding documents.</li>
 *   <li>{@value #CONTACT_HOURS}: a message step's window lies inside the contact-hour law of every state the
 *       policy may meet.</li>
 *   <li>{@value #HEALTH_DATA}: a clinic's templates may not use variables that reveal a treatment (LGPD sensitive
 *       data).</li>
 * </ul>
 */
public final class PolicyValidator {
    public static final String PRIOR_NOTICE = "bureau-prior-notice";
    public static final String SCHOOL_ACADEMIC = "school-academic-service";
    public static final String CONTACT_HOURS = "contact-hours";
    public static final String HEALTH_DATA = "clinic-health-data";
    public static final String RESTRICTION_KIND = "restriction-kind";

    public static final Set<String> ACADEMIC_RESTRICTIONS = Set.of("SUSPEND_CLASSES", "BLOCK_EXAMS", "WITHHOLD_DOCUMENTS",
            "WITHHOLD_GRADES", "PEDAGOGICAL_PENALTY", "EXPEL_STUDENT");
    public static final Set<String> RESTRICTIONS = Set.of("HOLD_ELECTIVE_APPOINTMENTS", "HOLD_LENS_DELIVERY",
            "BLOCK_REENROLMENT", "HOLD_NEW_SALES");
    public static final Set<String> TREATMENT_VARIABLES = Set.of("procedure", "procedureName", "treatment",
            "treatmentName", "diagnosis", "serviceDescription", "productDescription", "appointmentType", "specialty",
            "contractDescription", "items");
    public static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "WHATSAPP");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{?\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}?");

    private PolicyValidator() {
    }

    /** One problem: {@code rule} is null for a structural mistake (400), the rule's name otherwise (422). */
    public record Violation(String rule, String field, String message) {
        public boolean legal() {
            return rule != null;
        }
    }

    /**
     * What validation depends on: the tenant's vertical, the states of the payers the policy may meet, and the
     * days of prior notice each state needs (with a default).
     */
    public record Context(String vertical, Set<String> payerStates, Map<String, Integer> noticeDaysByState,
                          int defaultNoticeDays) {
        public int requiredNoticeDays() {
            int days = defaultNoticeDays;
            for (String state : payerStates) {
                days = Math.max(days, noticeDaysFor(state));
            }
            return days;
        }

        public int noticeDaysFor(String state) {
            return state == null ? defaultNoticeDays : noticeDaysByState.getOrDefault(state.toUpperCase(), defaultNoticeDays);
        }
    }

    public static List<Violation> validate(String code, ReguaPolicy.Definition d, Context ctx) {
        List<Violation> out = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            out.add(new Violation(null, "code", "must be 1–60 lower-case letters, digits or dashes"));
        }
        if (d == null) {
            out.add(new Violation(null, "definition", "is required"));
            return out;
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 120) {
            out.add(new Violation(null, "name", "is required (at most 120 characters)"));
        }
        if (d.steps() == null || d.steps().isEmpty()) {
            out.add(new Violation(null, "steps", "a policy needs at least one step"));
            return out;
        }
        Segment s = d.segment() == null ? Segment.ALL : d.segment();
        if (s.minAmount() != null && s.maxAmount() != null && s.minAmount().compareTo(s.maxAmount()) > 0) {
            out.add(new Violation(null, "segment.minAmount", "must not exceed maxAmount"));
        }
        if ((s.minPunctuality() != null && (s.minPunctuality() < 0 || s.minPunctuality() > 100))
                || (s.maxPunctuality() != null && (s.maxPunctuality() < 0 || s.maxPunctuality() > 100))) {
            out.add(new Violation(null, "segment.punctuality", "must be a percentage between 0 and 100"));
        }
        Set<String> codes = new HashSet<>();
        int thankYous = 0;
        String family = ReguaPolicy.family(ctx.vertical());
        for (int i = 0; i < d.steps().size(); i++) {
            PolicyStep step = d.steps().get(i);
            String f = "steps[" + i + "]";
            if (step == null) {
                out.add(new Violation(null, f, "is required"));
                continue;
            }
            if (step.code() == null || !CODE.matcher(step.code()).matches()) {
                out.add(new Violation(null, f + ".code", "must be 1–60 lower-case letters, digits or dashes"));
            } else if (!codes.add(step.code())) {
                out.add(new Violation(null, f + ".code", "appears twice: " + step.code()));
            }
            if (step.action() == null) {
                out.add(new Violation(null, f + ".action", "is required"));
                continue;
            }
            if (step.offsetDays() < -60 || step.offsetDays() > 365 * 5) {
                out.add(new Violation(null, f + ".offsetDays", "must be between -60 and 1825"));
            }
            if (!step.windowStart().isBefore(step.windowEnd())) {
                out.add(new Violation(null, f + ".windowStart", "must be before windowEnd"));
            }
            if (step.action() == StepAction.THANK_YOU) {
                thankYous++;
            } else if (step.beforeDue() && step.action() != StepAction.SEND_MESSAGE && step.action() != StepAction.CREATE_TASK) {
                out.add(new Violation(null, f + ".offsetDays", step.action() + " only applies after the due date (offset > 0)"));
            }
            if (step.action().contactsPayer()) {
                if (step.template() == null || step.template().isBlank()) {
                    out.add(new Violation(null, f + ".template", "a message step needs a template"));
                }
                if (step.channels().isEmpty() || !CHANNELS.containsAll(step.channels())) {
                    out.add(new Violation(null, f + ".channels", "one or more of " + CHANNELS + ", in fallback order"));
                }
                for (String state : statesOf(ctx)) {
                    ContactHours law = ContactHours.of(state);
                    if (!law.allowsOnWeekdays(step.windowStart(), step.windowEnd())) {
                        out.add(new Violation(CONTACT_HOURS, f + ".windowStart", "window " + step.windowStart() + "–"
                                + step.windowEnd() + " is outside the contact hours of " + law.state() + " ("
                                + law.weekdayStart() + "–" + law.weekdayEnd() + " on weekdays)"));
                        break;
                    }
                }
                if (family.equals("CLINIC")) {
                    for (String variable : variablesOf(step)) {
                        if (TREATMENT_VARIABLES.contains(variable)) {
                            out.add(new Violation(HEALTH_DATA, f + ".template", "a clinic's message may not use '" + variable
                                    + "': it reveals the treatment (health data, LGPD art. 11)"));
                        }
                    }
                }
            }
            if (step.action() == StepAction.CREATE_TASK && step.taskKind() != null
                    && !Set.of("CALL", "VISIT").contains(step.taskKind())) {
                out.add(new Violation(null, f + ".taskKind", "CALL or VISIT"));
            }
            if (step.action() == StepAction.RESTRICT_SERVICE && step.restriction() != null) {
                String kind = step.restriction();
                if (family.equals("SCHOOL") && (ACADEMIC_RESTRICTIONS.contains(kind) || !kind.equals("BLOCK_REENROLMENT"))) {
                    out.add(new Violation(SCHOOL_ACADEMIC, f + ".restriction", "a school may refuse re-enrolment but may not "
                            + "restrict academic service (" + kind + "): Lei 9.870/1999 art. 6"));
                } else if (ACADEMIC_RESTRICTIONS.contains(kind) || !RESTRICTIONS.contains(kind)) {
                    out.add(new Violation(RESTRICTION_KIND, f + ".restriction", kind + " is not a restriction this vertical may "
                            + "apply; allowed: " + RESTRICTIONS));
                }
            }
        }
        if (thankYous > 1) {
            out.add(new Violation(null, "steps", "at most one THANK_YOU step"));
        }
        checkPriorNotice(d.steps(), ctx, out);
        return out;
    }

    private static List<String> statesOf(Context ctx) {
        return ctx.payerStates().isEmpty() ? List.of("SP") : ctx.payerStates().stream().sorted().toList();
    }

    private static void checkPriorNotice(List<PolicyStep> steps, Context ctx, List<Violation> out) {
        int required = ctx.requiredNoticeDays();
        for (int i = 0; i < steps.size(); i++) {
            PolicyStep reg = steps.get(i);
            if (reg == null || reg.action() != StepAction.BUREAU_REGISTRATION) {
                continue;
            }
            int best = Integer.MIN_VALUE;
            for (PolicyStep notice : steps) {
                if (notice != null && notice.action() == StepAction.BUREAU_NOTICE) {
                    best = Math.max(best, minCalendarDays(reg) - maxCalendarDays(notice));
                }
            }
            if (best < required) {
                out.add(new Violation(PRIOR_NOTICE, "steps[" + i + "].offsetDays", best == Integer.MIN_VALUE
                        ? "a bureau registration needs a bureau notice step before it (CDC art. 43 §2)"
                        : "the bureau notice comes only " + best + " days before the registration; at least " + required
                        + " are required for the payers' states " + statesOf(ctx) + " (CDC art. 43 §2)"));
            }
        }
    }

    /** The fewest calendar days from the due date a step can fall on. */
    static int minCalendarDays(PolicyStep step) {
        return step.offsetDays();
    }

    /** The most calendar days from the due date a step can fall on (business days stretch over weekends and holidays). */
    static int maxCalendarDays(PolicyStep step) {
        if (step.dayCount() == DayCount.CALENDAR || step.offsetDays() <= 0) {
            return step.offsetDays();
        }
        return step.offsetDays() * 7 / 5 + 6;
    }

    static Set<String> variablesOf(PolicyStep step) {
        Set<String> vars = new HashSet<>(step.variables());
        if (step.template() != null) {
            Matcher m = PLACEHOLDER.matcher(step.template());
            while (m.find()) {
                vars.add(m.group(1));
            }
        }
        return vars;
    }
}
