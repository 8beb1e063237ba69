package dev.regua.credit.analysis.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a credit request from the bureau's answer and the payer's own history with the tenant, under the
 * tenant's {@link CreditPolicy}. Every decision carries its reasons, in the order they were found.
 */
public record CreditDecision(Decision decision, BigDecimal approvedLimit, List<String> reasons) {

    public enum Decision {
        APPROVED, APPROVED_WITH_LOWER_LIMIT, DENIED, MANUAL_REVIEW
    }

    /** What the bureau said; {@code null} score means the bureau could not be consulted. */
    public record BureauView(String bureau, Integer score, int restrictions, BigDecimal restrictedAmount) {
    }

    /** The payer's history with this tenant (all zero for someone new). */
    public record OwnHistory(int installments, int paid, BigDecimal onTimeShare, BigDecimal amountOverdue, int agreements,
                             int brokenAgreements) {
        public static OwnHistory none() {
            return new OwnHistory(0, 0, null, BigDecimal.ZERO, 0, 0);
        }
    }

    public static CreditDecision decide(BigDecimal amount, int installments, BureauView bureau, OwnHistory own,
                                        CreditPolicy policy) {
        List<String> deny = new ArrayList<>();
        List<String> review = new ArrayList<>();
        List<String> positive = new ArrayList<>();
        if (bureau.score() == null) {
            review.add("BUREAU_UNAVAILABLE: " + bureau.bureau() + " could not be consulted");
        } else {
            if (bureau.restrictedAmount().compareTo(policy.maxRestrictedAmount()) > 0) {
                deny.add("BUREAU_RESTRICTIONS: " + bureau.restrictions() + " restriction(s) totalling " + bureau.restrictedAmount()
                        + " at " + bureau.bureau());
            }
            if (bureau.score() < policy.denyBelowScore()) {
                deny.add("SCORE_BELOW_MINIMUM: " + bureau.score() + " < " + policy.denyBelowScore());
            } else if (bureau.score() < policy.reviewBelowScore()) {
                review.add("SCORE_IN_REVIEW_BAND: " + bureau.score() + " < " + policy.reviewBelowScore());
            } else {
                positive.add("SCORE: " + bureau.score() + " at " + bureau.bureau());
            }
        }
        if (own.amountOverdue().compareTo(policy.maxOverdueWithTenant()) > 0) {
            deny.add("OVERDUE_WITH_TENANT: " + own.amountOverdue() + " overdue now");
        }
        if (own.brokenAgreements() > 0) {
            review.add("BROKEN_AGREEMENT: " + own.brokenAgreements() + " agreement(s) broken with this tenant");
        }
        if (own.onTimeShare() != null && own.onTimeShare().compareTo(policy.minOnTimeShare()) < 0) {
            review.add("LATE_PAYER: " + own.onTimeShare() + " of installments paid on time");
        } else if (own.onTimeShare() != null) {
            positive.add("PUNCTUAL: " + own.onTimeShare() + " of " + own.paid() + " installments paid on time");
        }
        if (installments > policy.maxInstallments()) {
            review.add("INSTALLMENTS_ABOVE_POLICY: " + installments + " > " + policy.maxInstallments());
        }
        if (!deny.isEmpty()) {
            return new CreditDecision(Decision.DENIED, BigDecimal.ZERO.setScale(2), deny);
        }
        if (!review.isEmpty()) {
            return new CreditDecision(Decision.MANUAL_REVIEW, BigDecimal.ZERO.setScale(2), review);
        }
        BigDecimal limit = policy.limitPerThousandScore().multiply(BigDecimal.valueOf(bureau.score()))
                .divide(BigDecimal.valueOf(1000), 2, RoundingMode.DOWN);
        if (limit.signum() <= 0) {
            return new CreditDecision(Decision.DENIED, BigDecimal.ZERO.setScale(2), List.of("NO_LIMIT: the score gives no limit"));
        }
        if (amount.compareTo(limit) > 0) {
            List<String> reasons = new ArrayList<>(positive);
            reasons.add(0, "AMOUNT_ABOVE_LIMIT: " + amount + " > limit " + limit);
            return new CreditDecision(Decision.APPROVED_WITH_LOWER_LIMIT, limit, reasons);
        }
        // approved: the limit granted is the whole limit the score allows, the request fits in it
        return new CreditDecision(Decision.APPROVED, limit, positive);
    }
}
