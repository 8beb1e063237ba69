package dev.regua.billing.receivable.domain;

import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A mensalidade: the same amount every month on a due day, from a start month to an end month or open-ended.
 * Installments are generated ahead over a rolling horizon, never all at once; generating again for the same
 * months creates nothing (installment numbers are the month's position since the start). Each installment gets the
 * punctuality discount rule {@code discount} (null: none) dated from its own due date.
 */
public record MonthlyFee(UUID contractId, String tenantId, UUID payerId, Money amount, int dueDay, YearMonth start,
                         YearMonth end, ChargeTerms terms, PunctualityDiscountRule discount) {
    public MonthlyFee {
        if (dueDay < 1 || dueDay > 31) {
            throw new InvalidInputException("dueDay", "must be between 1 and 31");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("monthlyAmount", "must be greater than zero");
        }
        if (end != null && end.isBefore(start)) {
            throw new InvalidInputException("endMonth", "must not be before startMonth");
        }
        if (end != null && ChronoUnit.MONTHS.between(start, end) >= 120) {
            throw new InvalidInputException("endMonth", "a monthly fee runs at most 120 months");
        }
    }

    /** Number of months, or 0 when open-ended. */
    public int count() {
        return end == null ? 0 : (int) ChronoUnit.MONTHS.between(start, end) + 1;
    }

    /** The due date in a month: the due day (the month's last day when shorter), moved to a business day. */
    public LocalDate originalDueDate(YearMonth month) {
        return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
    }

    /** The installments for the months after {@code generatedThrough} (exclusive) up to {@code horizon}. */
    public List<Installment> generate(YearMonth generatedThrough, YearMonth horizon, BankCalendar calendar) {
        YearMonth from = generatedThrough == null ? start : generatedThrough.plusMonths(1);
        YearMonth to = end == null || horizon.isBefore(end) ? horizon : end;
        List<Installment> created = new ArrayList<>();
        for (YearMonth m = from.isBefore(start) ? start : from; !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate original = originalDueDate(m);
            int number = (int) ChronoUnit.MONTHS.between(start, m) + 1;
            created.add(new Installment(UUID.randomUUID(), tenantId, contractId, payerId, number, count(), amount,
                    original, calendar.nextBusinessDayOnOrAfter(original), PunctualityDiscountRule.termsFor(terms, discount, original),
                    InstallmentStatus.OPEN, Money.ZERO, null));
        }
        return created;
    }
}
