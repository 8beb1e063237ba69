package dev.regua.kernel.charges;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The agreed late-payment terms of an installment or contract.
 *
 * <ul>
 *   <li>{@code finePercent}: the fine (multa), charged once on the nominal value; at most
 *       2 % for consumer debts (CDC, Lei 8.078/1990, art. 52 §1).</li>
 *   <li>{@code monthlyInterestPercent}: moratory interest per month, simple (never compounded, STF Súmula
 *       121), pro rata die: monthly / 30 per calendar day. The market convention is 1 % a month. Whether
 *       the rate is lawful for the debtor (CC art. 406, Lei 14.905/2024) is a tenant policy decided before
 *       building the terms, not here.</li>
 *   <li>{@code punctualityDiscount}: optional discount for paying until a date on or before the due date.</li>
 *   <li>{@code graceDays}: calendar days after the (business-day adjusted) due date during which payment
 *       still carries no fine or interest. It is a tolerance: once exceeded, interest counts from the due
 *       date (see {@link LateChargeCalculator}).</li>
 * </ul>
 *
 * <p>Rates are stored without trailing zeros, so {@code 2} and {@code 2.00} give equal terms.
 *
 * @param finePercent            0 to 2, e.g. {@code 2} for 2 %
 * @param monthlyInterestPercent 0 or more, e.g. {@code 1} for 1 % a month
 * @param punctualityDiscount    empty when there is no discount (never null)
 * @param graceDays              0 or more
 */
public record ChargeTerms(BigDecimal finePercent, BigDecimal monthlyInterestPercent,
                          Optional<PunctualityDiscount> punctualityDiscount, int graceDays) {

    /** Highest fine on consumer debts: 2 % (CDC art. 52 §1). */
    public static final BigDecimal MAX_FINE_PERCENT = new BigDecimal("2");

    public ChargeTerms {
        Objects.requireNonNull(finePercent, "finePercent");
        Objects.requireNonNull(monthlyInterestPercent, "monthlyInterestPercent");
        punctualityDiscount = punctualityDiscount == null ? Optional.empty() : punctualityDiscount;
        if (finePercent.signum() < 0) {
            throw new IllegalArgumentException("Fine must not be negative, got " + finePercent.toPlainString() + " %");
        }
        if (finePercent.compareTo(MAX_FINE_PERCENT) > 0) {
            throw new IllegalArgumentException("Fine of " + finePercent.toPlainString()
                    + " % exceeds the 2 % limit for consumer debts (CDC, Lei 8.078/1990, art. 52 §1)");
        }
        if (monthlyInterestPercent.signum() < 0) {
            throw new IllegalArgumentException(
                    "Monthly interest must not be negative, got " + monthlyInterestPercent.toPlainString() + " %");
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("Grace days must not be negative, got " + graceDays);
        }
        // so that equal terms are equal records: 2 and 2.00 are the same rate
        finePercent = finePercent.stripTrailingZeros();
        monthlyInterestPercent = monthlyInterestPercent.stripTrailingZeros();
    }

    /** Fine and monthly interest, no discount, no grace days. */
    public static ChargeTerms of(BigDecimal finePercent, BigDecimal monthlyInterestPercent) {
        return new ChargeTerms(finePercent, monthlyInterestPercent, Optional.empty(), 0);
    }

    /** Fine and monthly interest from decimal strings, e.g. {@code of("2", "1")}. */
    public static ChargeTerms of(String finePercent, String monthlyInterestPercent) {
        return of(new BigDecimal(finePercent), new BigDecimal(monthlyInterestPercent));
    }

    /** The usual market terms: 2 % fine and 1 % a month interest, no discount, no grace days. */
    public static ChargeTerms standard() {
        return of(MAX_FINE_PERCENT, BigDecimal.ONE);
    }

    /** No fine and no interest. */
    public static ChargeTerms none() {
        return of(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A copy with the given punctuality discount. */
    public ChargeTerms withPunctualityDiscount(PunctualityDiscount discount) {
        return new ChargeTerms(finePercent, monthlyInterestPercent, Optional.of(discount), graceDays);
    }

    /** A copy without punctuality discount. */
    public ChargeTerms withoutPunctualityDiscount() {
        return new ChargeTerms(finePercent, monthlyInterestPercent, Optional.empty(), graceDays);
    }

    /** A copy with the given grace days. */
    public ChargeTerms withGraceDays(int days) {
        return new ChargeTerms(finePercent, monthlyInterestPercent, punctualityDiscount, days);
    }
}
