package dev.regua.billing.receivable.domain;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.LateChargeCalculator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How punctually a payer pays: the share of settled installments paid without charges (by the due date moved to a
 * business day, plus grace) and the average days late of the settled ones. Dunning and credit-check read the same
 * figures.
 */
public record Punctuality(int settled, int onTime, BigDecimal onTimeShare, BigDecimal averageDaysLate) {

    public static Punctuality of(List<Installment> installments, BankCalendar calendar) {
        int settled = 0;
        int onTime = 0;
        long daysLate = 0;
        for (Installment i : installments) {
            if (i.status() != InstallmentStatus.PAID || i.paidOn() == null) {
                continue;
            }
            settled++;
            var lastFree = LateChargeCalculator.lastDayWithoutCharges(i.originalDueDate(), i.terms(), calendar);
            if (!i.paidOn().isAfter(lastFree)) {
                onTime++;
            } else {
                daysLate += ChronoUnit.DAYS.between(LateChargeCalculator.effectiveDueDate(i.originalDueDate(), calendar), i.paidOn());
            }
        }
        if (settled == 0) {
            return new Punctuality(0, 0, null, null);
        }
        return new Punctuality(settled, onTime,
                BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_UP),
                BigDecimal.valueOf(daysLate).divide(BigDecimal.valueOf(settled), 1, RoundingMode.HALF_UP));
    }
}
