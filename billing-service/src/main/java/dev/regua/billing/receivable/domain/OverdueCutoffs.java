package dev.regua.billing.receivable.domain;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.LateChargeCalculator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The overdue rule of {@link Installment#sweep} turned into dates a database can compare with. An installment is
 * overdue on {@code asOf} once {@code asOf} is after its last day without charges (its original due date moved to a
 * business day, plus the grace days, moved to a business day again). For a given number of grace days that last day
 * never decreases as the original due date increases, so the installments overdue on {@code asOf} are exactly those
 * whose original due date is on or before one date: the cutoff for that number of grace days.
 */
public final class OverdueCutoffs {
    /** Grace days accepted anywhere in billing (settings, contracts, plans): 0 to 30. */
    public static final int MAX_GRACE_DAYS = 30;
    /** Longer than any run of weekends and holidays a bank calendar has. */
    private static final int MAX_DAYS_WITHOUT_BUSINESS_DAY = 366;

    private final List<LocalDate> byGraceDays;

    private OverdueCutoffs(List<LocalDate> byGraceDays) {
        this.byGraceDays = byGraceDays;
    }

    /** The cutoffs on {@code asOf} (a date in the tenant's zone) for 0 to {@value #MAX_GRACE_DAYS} grace days. */
    public static OverdueCutoffs on(LocalDate asOf, BankCalendar calendar) {
        List<LocalDate> cutoffs = new ArrayList<>(MAX_GRACE_DAYS + 1);
        for (int grace = 0; grace <= MAX_GRACE_DAYS; grace++) {
            ChargeTerms terms = ChargeTerms.none().withGraceDays(grace);
            // the last day without charges is never before the original due date plus the grace days
            LocalDate candidate = asOf.minusDays(grace + 1L);
            int steps = 0;
            while (!LateChargeCalculator.lastDayWithoutCharges(candidate, terms, calendar).isBefore(asOf)) {
                candidate = candidate.minusDays(1);
                if (++steps > MAX_DAYS_WITHOUT_BUSINESS_DAY) {
                    throw new IllegalStateException("no overdue cutoff within a year before " + asOf);
                }
            }
            cutoffs.add(candidate);
        }
        return new OverdueCutoffs(Collections.unmodifiableList(cutoffs));
    }

    /** Index g: the last original due date overdue on the sweep date with g grace days. */
    public List<LocalDate> byGraceDays() {
        return byGraceDays;
    }

    /** Whether an installment with this original due date and grace days is overdue on the sweep date. */
    public boolean isOverdue(LocalDate originalDueDate, int graceDays) {
        if (graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
            throw new IllegalArgumentException("grace days must be between 0 and " + MAX_GRACE_DAYS + ", got " + graceDays);
        }
        return !originalDueDate.isAfter(byGraceDays.get(graceDays));
    }
}
