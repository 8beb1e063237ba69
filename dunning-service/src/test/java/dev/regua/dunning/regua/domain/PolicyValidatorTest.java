package dev.regua.dunning.regua.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {
    private static PolicyValidator.Context ctx(String vertical, String... states) {
        return new PolicyValidator.Context(vertical, Set.of(states), Map.of("SP", 15), 10);
    }

    private static List<String> rules(ReguaPolicy p, PolicyValidator.Context ctx) {
        return PolicyValidator.validate(p.code(), p.definition(), ctx).stream().map(v -> v.rule() == null ? "invalid:" + v.field() : v.rule()).toList();
    }

    private static ReguaPolicy with(String vertical, PolicyStep... extra) {
        List<PolicyStep> steps = new ArrayList<>(List.of(PolicyStep.message("first", 1, "overdue-first", WhenLate.RUN, "EMAIL")));
        steps.addAll(List.of(extra));
        return new ReguaPolicy("p", 1, "P", 0, Segment.ALL, steps);
    }

    @Test
    void everyVerticalDefaultIsLawfulEvenForSaoPauloAndRioPayers() {
        for (String vertical : List.of("CLINIC", "OTICA", "SCHOOL", "COURSE", "OTHER")) {
            ReguaPolicy p = ReguaPolicy.defaultFor(vertical);
            assertEquals(List.of(), rules(p, ctx(vertical, "SP", "RJ", "ES", "AL", "MG")), vertical);
        }
    }

    @Test
    void theOtherVerticalUsesTheClinicStepsWithoutARestriction() {
        ReguaPolicy other = ReguaPolicy.defaultFor("OTHER");
        assertTrue(other.steps().stream().noneMatch(s -> s.action() == StepAction.RESTRICT_SERVICE));
        assertEquals(ReguaPolicy.defaultFor("CLINIC").steps().size() - 1, other.steps().size());
    }

    @Test
    void aRegistrationNeedsANoticeTenDaysEarlierAndFifteenForSaoPauloPayers() {
        ReguaPolicy twelveDays = with("CLINIC", PolicyStep.action("notice", 10, StepAction.BUREAU_NOTICE),
                PolicyStep.action("register", 22, StepAction.BUREAU_REGISTRATION));
        assertEquals(List.of(), rules(twelveDays, ctx("CLINIC", "MG")));
        assertEquals(List.of(PolicyValidator.PRIOR_NOTICE), rules(twelveDays, ctx("CLINIC", "MG", "SP")));
        ReguaPolicy noNotice = with("CLINIC", PolicyStep.action("register", 22, StepAction.BUREAU_REGISTRATION));
        assertEquals(List.of(PolicyValidator.PRIOR_NOTICE), rules(noNotice, ctx("CLINIC", "MG")));
    }

    @Test
    void businessDayNoticesCountWithTheirLongestStretch() {
        PolicyStep notice = new PolicyStep("notice", 10, DayCount.BUSINESS, null, null, StepAction.BUREAU_NOTICE, null, null,
                null, null, null, null, null, null);
        ReguaPolicy p = with("CLINIC", notice, PolicyStep.action("register", 30, StepAction.BUREAU_REGISTRATION));
        // 10 business days may be 20 calendar days (weekends, Carnival): 30 − 20 = 10 < 15 for SP
        assertEquals(List.of(PolicyValidator.PRIOR_NOTICE), rules(p, ctx("CLINIC", "SP")));
    }

    @Test
    void aSchoolMayBlockReEnrolmentButNotAcademicService() {
        assertEquals(List.of(), rules(with("SCHOOL", PolicyStep.action("r", 30, StepAction.RESTRICT_SERVICE)
                .withRestriction("BLOCK_REENROLMENT")), ctx("SCHOOL")));
        for (String academic : List.of("SUSPEND_CLASSES", "BLOCK_EXAMS", "WITHHOLD_DOCUMENTS")) {
            assertEquals(List.of(PolicyValidator.SCHOOL_ACADEMIC), rules(with("SCHOOL", PolicyStep.action("r", 30,
                    StepAction.RESTRICT_SERVICE).withRestriction(academic)), ctx("COURSE")), academic);
        }
    }

    @Test
    void messageWindowsMustFitTheContactHoursOfThePayersStates() {
        PolicyStep evening = new PolicyStep("late", 3, null, LocalTime.of(18, 0), LocalTime.of(19, 30), StepAction.SEND_MESSAGE,
                List.of("SMS"), "overdue-second", null, null, null, null, null, null);
        assertEquals(List.of(), rules(with("CLINIC", evening), ctx("CLINIC", "SP")));
        assertEquals(List.of(PolicyValidator.CONTACT_HOURS), rules(with("CLINIC", evening), ctx("CLINIC", "SP", "RJ")));
        PolicyStep dawn = new PolicyStep("early", 3, null, LocalTime.of(7, 0), LocalTime.of(9, 0), StepAction.SEND_MESSAGE,
                List.of("SMS"), "overdue-second", null, null, null, null, null, null);
        assertEquals(List.of(PolicyValidator.CONTACT_HOURS), rules(with("CLINIC", dawn), ctx("CLINIC")));
    }

    @Test
    void aClinicMessageMayNotRevealTheTreatment() {
        PolicyStep named = new PolicyStep("m", 3, null, null, null, StepAction.SEND_MESSAGE, List.of("EMAIL"),
                "Olá, falta pagar {{procedureName}}", null, null, null, null, null, null);
        PolicyStep variable = new PolicyStep("v", 4, null, null, null, StepAction.SEND_MESSAGE, List.of("EMAIL"),
                "overdue-first", List.of("treatment"), null, null, null, null, null);
        assertEquals(List.of(PolicyValidator.HEALTH_DATA, PolicyValidator.HEALTH_DATA), rules(with("CLINIC", named, variable), ctx("CLINIC")));
        assertEquals(List.of(), rules(with("OTICA", named, variable), ctx("OTICA")), "only clinics hold health data");
    }

    @Test
    void structuralMistakesAreNamedByField() {
        ReguaPolicy p = with("CLINIC", PolicyStep.message("first", 2, "x", WhenLate.RUN, "PIGEON"),
                PolicyStep.action("early-register", -2, StepAction.BUREAU_NOTICE));
        List<String> rules = rules(p, ctx("CLINIC"));
        assertTrue(rules.contains("invalid:steps[1].code"), rules.toString());
        assertTrue(rules.contains("invalid:steps[1].channels"), rules.toString());
        assertTrue(rules.contains("invalid:steps[2].offsetDays"), rules.toString());
    }
}
