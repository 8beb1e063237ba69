package dev.regua.kernel.charges;

import dev.regua.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A discount for paying on time (desconto de pontualidade), valid until and including a date that must be
 * on or before the installment's due date. Lawful as long as late charges are computed on the nominal
 * value, never on the discounted one (which {@link LateChargeCalculator} guarantees).
 *
 * <p>Like the due date, a deadline that falls on a weekend or bank holiday is extended to the next business
 * day (the reading most favourable to the consumer, CDC art. 47).
 */
public sealed interface PunctualityDiscount {

    /** Last day (inclusive) on which the discount applies, before moving to a business day. */
    LocalDate validUntil();

    /** The discount on the given nominal value, rounded {@code HALF_UP} to the cent. */
    Money amountFor(Money nominal);

    /** A discount of {@code percent} % of the nominal value, e.g. 5 for 5 %. */
    static PunctualityDiscount percent(BigDecimal percent, LocalDate validUntil) {
        return new Percent(percent, validUntil);
    }

    /** A discount of a fixed amount. */
    static PunctualityDiscount fixed(Money amount, LocalDate validUntil) {
        return new Fixed(amount, validUntil);
    }

    /**
     * A percentage of the nominal value.
     *
     * @param percent more than 0 and at most 100
     */
    record Percent(BigDecimal percent, LocalDate validUntil) implements PunctualityDiscount {
        public Percent {
            Objects.requireNonNull(percent, "percent");
            Objects.requireNonNull(validUntil, "validUntil");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException(
                        "Punctuality discount must be more than 0 % and at most 100 %, got " + percent.toPlainString() + " %");
            }
            percent = percent.stripTrailingZeros();
        }

        @Override
        public Money amountFor(Money nominal) {
            return nominal.percent(percent);
        }
    }

    /**
     * A fixed amount; it must not exceed the nominal value it is applied to.
     *
     * @param amount positive
     */
    record Fixed(Money amount, LocalDate validUntil) implements PunctualityDiscount {
        public Fixed {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(validUntil, "validUntil");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("Punctuality discount must be a positive amount, got " + amount);
            }
        }

        @Override
        public Money amountFor(Money nominal) {
            if (amount.isGreaterThan(nominal)) {
                throw new IllegalArgumentException(
                        "Punctuality discount of " + amount + " exceeds the nominal value " + nominal);
            }
            return amount;
        }
    }
}
