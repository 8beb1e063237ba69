package dev.regua.credit.analysis.api;

import dev.regua.credit.analysis.persistence.CreditAnalysisEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A credit analysis: what was asked, what was decided, why, and from which facts. */
public record AnalysisView(UUID id, UUID payerId, String taxId, BigDecimal amount, int installments, String purpose,
                           String decision, BigDecimal approvedLimit, List<String> reasons, String bureau, Integer score,
                           BigDecimal restrictedAmount, BigDecimal amountOverdueWithTenant, BigDecimal onTimeShare,
                           int brokenAgreements, String requestedBy, Instant decidedAt) {

    static AnalysisView of(CreditAnalysisEntity a) {
        return new AnalysisView(a.id, a.payerId, a.taxId, a.amount, a.installments, a.purpose, a.decision, a.approvedLimit,
                a.reasons.isEmpty() ? List.of() : Arrays.asList(a.reasons.split("\n")), a.bureau, a.score, a.restrictedAmount,
                a.amountOverdue, a.onTimeShare, a.brokenAgreements, a.requestedBy, a.decidedAt);
    }
}
