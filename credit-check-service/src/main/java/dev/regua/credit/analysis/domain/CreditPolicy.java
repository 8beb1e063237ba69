package dev.regua.credit.analysis.domain;

import java.math.BigDecimal;

/**
 * A tenant's credit-analysis thresholds. Below {@code denyBelowScore} the answer is no; below
 * {@code reviewBelowScore} a person decides; restrictions at bureaus above {@code maxRestrictedAmount} or an
 * amount overdue with the tenant above {@code maxOverdueWithTenant} deny; a share of installments paid on time
 * below {@code minOnTimeShare}, a broken agreement or more installments than {@code maxInstallments} go to manual
 * review; the limit is {@code limitPerThousandScore} × score / 1000.
 */
public record CreditPolicy(int denyBelowScore, int reviewBelowScore, BigDecimal maxRestrictedAmount,
                           BigDecimal maxOverdueWithTenant, BigDecimal minOnTimeShare, int maxInstallments,
                           BigDecimal limitPerThousandScore) {
}
