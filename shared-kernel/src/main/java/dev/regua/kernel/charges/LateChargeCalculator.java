package dev.regua.kernel.charges;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one late-charge calculator of Régua: billing, dunning and notifications must all quote the amounts it
 * returns. Pure and stateless.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li><b>Effective due date.</b> A due date on a weekend or bank holiday moves to the next business day of
 *       the given {@link BankCalendar}; paying on that day is on time.</li>
 *   <li><b>Punctuality discount.</b> Paid on or before the discount deadline (moved to the next business day
 *       like the due date): nominal − discount. The deadline must not be after the original due date.</li>
 *   <li><b>On time.</b> Paid up to and including the effective due date plus the grace days (that last day
 *       also moved to the next business day): the nominal value.</li>
 *   <li><b>Late.</b> Afterwards: nominal + fine + interest, where
 *       <ul>
 *         <li>fine = nominal × fine % (once, on the <em>nominal</em> value, never on the discounted one;
 *             CDC art. 52 §1 caps it at 2 %);</li>
 *         <li>interest = nominal × monthly % / 30 × days late, simple, never compounded (STF Súmula 121);</li>
 *         <li>days late = calendar days from the <em>effective</em> due date to the payment date. Counting
 *             from the original date would charge days on which paying was still on time, so the moved
 *             date is the only safe reading. Grace days are a tolerance, not a shift: once they are
 *             exceeded, interest counts from the effective due date.</li>
 *       </ul></li>
 * </ol>
 * Each component (discount, fine, interest) is rounded {@code HALF_UP} to the cent once, at the end of its
 * own computation; the total is the exact sum of the rounded components.
 *
 * <p>Example: R$ 300,00 due Tuesday 2026-03-10 with 2 % fine and 1 % a month, paid 2026-03-11: fine 6,00,
 * interest 300 × 1 % / 30 × 1 = 0,10, total 306,10.
 */
public final class LateChargeCalculator {

    private static final BigDecimal DAYS_PER_MONTH_TIMES_100 = BigDecimal.valueOf(30 * 100);

    private LateChargeCalculator() {
    }

    /**
     * The amount due on {@code paymentDate} for an installment with no partial payments.
     *
     * @param nominal         the installment's value, positive
     * @param originalDueDate the due date as agreed (may be a weekend or holiday)
     * @param terms           fine, interest, discount and grace days
     * @param calendar        the bank calendar of the debtor's place of payment
     * @param paymentDate     the day the payment is (or would be) made
     * @throws IllegalArgumentException if the nominal value is not positive, the discount deadline is after
     *                                  the due date, or a fixed discount exceeds the nominal value
     */
    public static AmountDue amountDue(Money nominal, LocalDate originalDueDate, ChargeTerms terms,
                                      BankCalendar calendar, LocalDate paymentDate) {
        return amountDue(nominal, originalDueDate, terms, calendar, paymentDate, Money.ZERO);
    }

    /**
     * The amount still due on {@code paymentDate} when part of the installment was already paid.
     *
     * <p>Deliberately simple: discount, fine and interest are computed exactly as for an unpaid installment
     * (on the nominal value, up to {@code paymentDate}) and {@code alreadyPaid} is then deducted from the
     * total. This is exact when the earlier amounts were received on the same day, and when a discount or
     * no charge applies. It does <em>not</em> reduce the interest base for amounts received earlier than
     * {@code paymentDate}; when partial payments arrive on different days, settle each one with its own
     * date instead (compute the amount due on that date, then treat the rest as a new nominal). An
     * overpayment is reported by {@link AmountDue#overpayment()} and must be refunded (CDC art. 42).
     *
     * @param alreadyPaid partial payments received, zero or positive
     * @throws IllegalArgumentException as {@link #amountDue(Money, LocalDate, ChargeTerms, BankCalendar, LocalDate)},
     *                                  or if {@code alreadyPaid} is negative
     */
    public static AmountDue amountDue(Money nominal, LocalDate originalDueDate, ChargeTerms terms,
                                      BankCalendar calendar, LocalDate paymentDate, Money alreadyPaid) {
        Objects.requireNonNull(nominal, "nominal");
        Objects.requireNonNull(originalDueDate, "originalDueDate");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(paymentDate, "paymentDate");
        Objects.requireNonNull(alreadyPaid, "alreadyPaid");
        if (!nominal.isPositive()) {
            throw new IllegalArgumentException("Nominal value must be positive, got " + nominal);
        }
        if (alreadyPaid.isNegative()) {
            throw new IllegalArgumentException("Already paid amount must not be negative, got " + alreadyPaid);
        }
        Money zero = nominal.minus(nominal);
        LocalDate effectiveDueDate = effectiveDueDate(originalDueDate, calendar);

        Money discount = zero;
        if (terms.punctualityDiscount().isPresent()) {
            PunctualityDiscount d = terms.punctualityDiscount().get();
            if (d.validUntil().isAfter(originalDueDate)) {
                throw new IllegalArgumentException("Punctuality discount deadline " + d.validUntil()
                        + " is after the due date " + originalDueDate);
            }
            Money amount = d.amountFor(nominal); // validates a fixed discount against the nominal value
            if (!paymentDate.isAfter(calendar.nextBusinessDayOnOrAfter(d.validUntil()))) {
                discount = amount;
            }
        }

        Money fine = zero;
        Money interest = zero;
        int daysLate = 0;
        if (paymentDate.isAfter(lastDayWithoutCharges(originalDueDate, terms, calendar))) {
            daysLate = Math.toIntExact(ChronoUnit.DAYS.between(effectiveDueDate, paymentDate));
            fine = nominal.percent(terms.finePercent());
            interest = Money.of(nominal.amount()
                    .multiply(terms.monthlyInterestPercent())
                    .multiply(BigDecimal.valueOf(daysLate))
                    .divide(DAYS_PER_MONTH_TIMES_100, Money.SCALE, Money.ROUNDING), nominal.currency());
        }

        Money gross = nominal.minus(discount).plus(fine).plus(interest);
        Money total = gross.minus(alreadyPaid).max(zero);
        return new AmountDue(nominal, discount, fine, interest, alreadyPaid, total, daysLate, effectiveDueDate);
    }

    /** The due date moved to the next business day when it falls on a weekend or bank holiday. */
    public static LocalDate effectiveDueDate(LocalDate originalDueDate, BankCalendar calendar) {
        return calendar.nextBusinessDayOnOrAfter(originalDueDate);
    }

    /**
     * The last day on which paying the nominal value settles the installment: the effective due date plus
     * the grace days, moved to the next business day. Late charges apply from the following day; the dunning
     * service should not call a debt overdue before then.
     */
    public static LocalDate lastDayWithoutCharges(LocalDate originalDueDate, ChargeTerms terms,
                                                  BankCalendar calendar) {
        LocalDate effective = effectiveDueDate(originalDueDate, calendar);
        return terms.graceDays() == 0 ? effective : calendar.nextBusinessDayOnOrAfter(effective.plusDays(terms.graceDays()));
    }
}
