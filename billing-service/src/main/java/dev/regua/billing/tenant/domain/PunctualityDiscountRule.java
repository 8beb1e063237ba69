package dev.regua.billing.tenant.domain;

import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.PunctualityDiscount;
import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The tenant's desconto de pontualidade: {@code percent} % off the nominal value when paid up to
 * {@code daysBeforeDueDate} days before the due date (0 = until the due date itself). Lawful because the fine is
 * always computed on the nominal value ({@link dev.regua.kernel.charges.LateChargeCalculator}).
 */
public record PunctualityDiscountRule(BigDecimal percent, int daysBeforeDueDate) {
    public static final BigDecimal MAX_PERCENT = new BigDecimal("100");
    public static final int MAX_DAYS_BEFORE = 30;

    public PunctualityDiscountRule {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(MAX_PERCENT) >= 0) {
            throw new InvalidInputException("punctualityDiscount.percent", "must be more than 0 and less than 100");
        }
        if (percent.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("punctualityDiscount.percent", "must have at most 2 decimal places");
        }
        if (daysBeforeDueDate < 0 || daysBeforeDueDate > MAX_DAYS_BEFORE) {
            throw new InvalidInputException("punctualityDiscount.daysBeforeDueDate", "must be between 0 and " + MAX_DAYS_BEFORE);
        }
    }

    /** The discount for an installment originally due on {@code originalDueDate}, as the calculator takes it. */
    public PunctualityDiscount forDueDate(LocalDate originalDueDate) {
        return PunctualityDiscount.percent(percent, originalDueDate.minusDays(daysBeforeDueDate));
    }

    /**
     * The terms of one installment: {@code terms} (fine, interest, grace days) with the discount of {@code rule} for
     * an installment originally due on {@code originalDueDate}; {@code terms} unchanged when {@code rule} is null.
     */
    public static ChargeTerms termsFor(ChargeTerms terms, PunctualityDiscountRule rule, LocalDate originalDueDate) {
        return rule == null ? terms.withoutPunctualityDiscount() : terms.withPunctualityDiscount(rule.forDueDate(originalDueDate));
    }
}
