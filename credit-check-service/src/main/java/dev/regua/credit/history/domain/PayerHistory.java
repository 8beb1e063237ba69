package dev.regua.credit.history.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How a payer has paid this tenant so far: the punctuality figures credit analysis uses (share paid on time,
 * average days late, amount overdue now).
 */
public record PayerHistory(int installments, int paid, int paidOnTime, int overdueNow, BigDecimal amountOverdue,
                           BigDecimal onTimeShare, BigDecimal averageDaysLate) {

    /** One installment as seen from billing's events. */
    public record Entry(BigDecimal nominal, LocalDate dueDate, String status, LocalDate paidOn) {
    }

    public static PayerHistory of(List<Entry> entries) {
        int paid = 0;
        int onTime = 0;
        int overdue = 0;
        long daysLate = 0;
        BigDecimal amountOverdue = BigDecimal.ZERO.setScale(2);
        for (Entry e : entries) {
            if ("PAID".equals(e.status()) && e.paidOn() != null) {
                paid++;
                long late = Math.max(0, ChronoUnit.DAYS.between(e.dueDate(), e.paidOn()));
                if (late == 0) {
                    onTime++;
                }
                daysLate += late;
            } else if ("OVERDUE".equals(e.status())) {
                overdue++;
                amountOverdue = amountOverdue.add(e.nominal());
            }
        }
        BigDecimal share = paid == 0 ? null : BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(paid), 4, RoundingMode.HALF_UP);
        BigDecimal average = paid == 0 ? null : BigDecimal.valueOf(daysLate).divide(BigDecimal.valueOf(paid), 1, RoundingMode.HALF_UP);
        return new PayerHistory(entries.size(), paid, onTime, overdue, amountOverdue, share, average);
    }
}
