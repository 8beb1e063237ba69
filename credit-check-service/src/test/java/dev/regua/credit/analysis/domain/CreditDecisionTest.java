package dev.regua.credit.analysis.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.credit.analysis.domain.CreditDecision.BureauView;
import dev.regua.credit.analysis.domain.CreditDecision.Decision;
import dev.regua.credit.analysis.domain.CreditDecision.OwnHistory;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import dev.regua.credit.limit.domain.CreditLimit;

class CreditDecisionTest {
    private static final CreditPolicy POLICY = new CreditPolicy(300, 500, new BigDecimal("0.00"), new BigDecimal("0.00"),
            new BigDecimal("0.7000"), 24, new BigDecimal("5000.00"));
    private static final BureauView CLEAN_650 = new BureauView("SERASA", 650, 0, new BigDecimal("0.00"));

    @Test
    void aCleanScoreIsApprovedWithTheLimitItAllowsAndALargerRequestGetsTheLowerLimit() {
        CreditDecision ok = CreditDecision.decide(new BigDecimal("1000.00"), 10, CLEAN_650, OwnHistory.none(), POLICY);
        assertEquals(Decision.APPROVED, ok.decision());
        assertEquals(new BigDecimal("3250.00"), ok.approvedLimit());
        CreditDecision lower = CreditDecision.decide(new BigDecimal("5000.00"), 10, CLEAN_650, OwnHistory.none(), POLICY);
        assertEquals(Decision.APPROVED_WITH_LOWER_LIMIT, lower.decision());
        assertEquals(new BigDecimal("3250.00"), lower.approvedLimit());
    }

    @Test
    void restrictionsAndOverdueDebtsDenyWithEveryReason() {
        CreditDecision d = CreditDecision.decide(new BigDecimal("100.00"), 2, new BureauView("SPC", 250, 2, new BigDecimal("90.00")),
                new OwnHistory(3, 1, new BigDecimal("1.0000"), new BigDecimal("40.00"), 0, 0), POLICY);
        assertEquals(Decision.DENIED, d.decision());
        assertEquals(3, d.reasons().size(), d.reasons().toString());
    }

    @Test
    void doubtsGoToManualReview() {
        assertEquals(Decision.MANUAL_REVIEW, CreditDecision.decide(new BigDecimal("100.00"), 2,
                new BureauView("SERASA", null, 0, BigDecimal.ZERO), OwnHistory.none(), POLICY).decision());
        assertEquals(Decision.MANUAL_REVIEW, CreditDecision.decide(new BigDecimal("100.00"), 2, CLEAN_650,
                new OwnHistory(10, 10, new BigDecimal("0.5000"), BigDecimal.ZERO, 1, 0), POLICY).decision());
        assertEquals(Decision.MANUAL_REVIEW, CreditDecision.decide(new BigDecimal("100.00"), 2, CLEAN_650,
                new OwnHistory(10, 10, new BigDecimal("0.9000"), BigDecimal.ZERO, 1, 1), POLICY).decision());
        assertEquals(Decision.MANUAL_REVIEW, CreditDecision.decide(new BigDecimal("100.00"), 36, CLEAN_650, OwnHistory.none(), POLICY).decision());
    }

    @Test
    void aLimitIsUsedByOpenInstallmentsAndExpires() {
        Instant granted = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2026-06-30T00:00:00Z");
        CreditLimit l = CreditLimit.of(new BigDecimal("4000.00"), granted, until, new BigDecimal("1000.00"), Instant.parse("2026-02-01T00:00:00Z"));
        assertEquals(new BigDecimal("3000.00"), l.available());
        assertTrue(l.allows(new BigDecimal("3000.00")));
        assertFalse(l.allows(new BigDecimal("3000.01")));
        assertEquals(CreditLimit.Status.EXPIRED, CreditLimit.of(new BigDecimal("4000.00"), granted, until, BigDecimal.ZERO,
                Instant.parse("2026-07-01T00:00:00Z")).status());
        assertEquals(CreditLimit.Status.NO_ANALYSIS, CreditLimit.of(null, null, null, BigDecimal.ZERO, granted).status());
    }
}
