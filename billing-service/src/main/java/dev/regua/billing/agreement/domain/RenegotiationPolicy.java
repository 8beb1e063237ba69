package dev.regua.billing.agreement.domain;

import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;

/**
 * How a tenant renegotiates overdue debt (acordo): at most {@code maxInstallments} installments after the down
 * payment, a down payment of at least {@code minDownPaymentPercent} of the renegotiated total, paid within
 * {@code downPaymentDays} days, and the discounts granted on the fine and on the interest accrued.
 */
public record RenegotiationPolicy(int maxInstallments, BigDecimal minDownPaymentPercent, BigDecimal fineDiscountPercent,
                                  BigDecimal interestDiscountPercent, int downPaymentDays) {
    /** Without a policy of its own a tenant grants no discount: 12 installments, 10 % down within 3 days. */
    public static final RenegotiationPolicy DEFAULT = new RenegotiationPolicy(12, new BigDecimal("10.00"),
            new BigDecimal("0.00"), new BigDecimal("0.00"), 3);

    public RenegotiationPolicy {
        if (maxInstallments < 1 || maxInstallments > 60) {
            throw new InvalidInputException("maxInstallments", "must be between 1 and 60");
        }
        requirePercent("minDownPaymentPercent", minDownPaymentPercent, BigDecimal.ONE, new BigDecimal("90"));
        requirePercent("fineDiscountPercent", fineDiscountPercent, BigDecimal.ZERO, new BigDecimal("100"));
        requirePercent("interestDiscountPercent", interestDiscountPercent, BigDecimal.ZERO, new BigDecimal("100"));
        if (downPaymentDays < 1 || downPaymentDays > 30) {
            throw new InvalidInputException("downPaymentDays", "must be between 1 and 30");
        }
    }

    private static void requirePercent(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidInputException(field, "must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
    }
}
