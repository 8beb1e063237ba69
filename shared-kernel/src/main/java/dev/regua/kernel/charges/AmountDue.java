package dev.regua.kernel.charges;

import dev.regua.kernel.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a debtor owes on a payment date, component by component, as computed by {@link LateChargeCalculator}.
 *
 * @param nominal          the installment's nominal value
 * @param discount         punctuality discount granted (zero when not applicable)
 * @param fine             late fine (zero when on time)
 * @param interest         moratory interest (zero when on time)
 * @param alreadyPaid      partial payments already received (zero when none)
 * @param total            what is still to pay: nominal − discount + fine + interest − alreadyPaid, never
 *                         below zero (see {@link #overpayment()})
 * @param daysLate         calendar days from the effective due date to the payment date when late charges
 *                         apply; 0 when paid on time or within the grace days
 * @param effectiveDueDate the original due date, moved to the next business day when it is not one
 */
public record AmountDue(Money nominal, Money discount, Money fine, Money interest, Money alreadyPaid,
                        Money total, int daysLate, LocalDate effectiveDueDate) {

    public AmountDue {
        Objects.requireNonNull(nominal, "nominal");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(fine, "fine");
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(alreadyPaid, "alreadyPaid");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(effectiveDueDate, "effectiveDueDate");
        if (daysLate < 0) {
            throw new IllegalArgumentException("daysLate must not be negative, got " + daysLate);
        }
    }

    /** The full amount owed before deducting partial payments: nominal − discount + fine + interest. */
    public Money grossAmount() {
        return nominal.minus(discount).plus(fine).plus(interest);
    }

    /** How much the partial payments exceed the gross amount (to be refunded); zero normally. */
    public Money overpayment() {
        return alreadyPaid.minus(grossAmount()).max(alreadyPaid.minus(alreadyPaid));
    }

    /** Whether late charges (fine or interest) apply, i.e. the payment is after the due date and grace days. */
    public boolean isLate() {
        return daysLate > 0;
    }

    /** Whether the punctuality discount was granted. */
    public boolean isDiscounted() {
        return discount.isPositive();
    }
}
