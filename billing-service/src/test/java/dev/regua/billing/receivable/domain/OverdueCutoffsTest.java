package dev.regua.billing.receivable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sweep's statement decides "overdue" by comparing original due dates with these cutoffs; the events come from
 * {@link Installment#sweep}. Both must say the same for every due date, grace days and sweep date, holidays
 * (national, state, city) and weekends included.
 */
class OverdueCutoffsTest {
    /** National holidays plus São Paulo's state holiday (9 July) and Campinas' city holidays, as TenantCalendars builds. */
    private final BankCalendar calendar = BankCalendar.builder()
            .addFixedHoliday(MonthDay.of(7, 9), "Revolução Constitucionalista")
            .addFixedHoliday(MonthDay.of(12, 8), "Nossa Senhora da Conceição")
            .addHoliday(LocalDate.of(2026, 7, 10), "ponte decretada pela prefeitura")
            .build();

    @Test
    void anInstallmentIsOverdueByTheCutoffExactlyWhenTheDomainSweepMakesItOverdue() {
        List<String> disagreements = new ArrayList<>();
        for (LocalDate asOf = LocalDate.of(2025, 12, 15); asOf.isBefore(LocalDate.of(2026, 1, 20)); asOf = asOf.plusDays(1)) {
            check(asOf, disagreements);
        }
        for (LocalDate asOf = LocalDate.of(2026, 6, 28); asOf.isBefore(LocalDate.of(2026, 8, 20)); asOf = asOf.plusDays(1)) {
            check(asOf, disagreements); // 9 July on a Thursday, the city's bridge day on Friday, then the weekend
        }
        for (LocalDate asOf = LocalDate.of(2026, 2, 10); asOf.isBefore(LocalDate.of(2026, 2, 25)); asOf = asOf.plusDays(1)) {
            check(asOf, disagreements); // Carnival Monday and Tuesday
        }
        assertEquals(List.of(), disagreements);
    }

    private void check(LocalDate asOf, List<String> disagreements) {
        OverdueCutoffs cutoffs = OverdueCutoffs.on(asOf, calendar);
        for (int grace = 0; grace <= OverdueCutoffs.MAX_GRACE_DAYS; grace++) {
            for (LocalDate due = asOf.minusDays(60); due.isBefore(asOf.plusDays(10)); due = due.plusDays(1)) {
                Installment i = dueInstallment(due, grace);
                boolean domain = !i.sweep(asOf, 0, calendar).isEmpty() && i.status() == InstallmentStatus.OVERDUE;
                if (domain != cutoffs.isOverdue(due, grace)) {
                    disagreements.add("due " + due + ", " + grace + " grace days, swept on " + asOf + ": domain says "
                            + (domain ? "overdue" : "not overdue"));
                }
            }
        }
    }

    @Test
    void aDueDateOnAHolidayIsOverdueOnlyAfterTheNextBusinessDay() {
        // Thursday 9 July (state holiday) and Friday 10 July (city) moved to Monday 13 July: overdue on Tuesday 14
        assertEquals(false, OverdueCutoffs.on(LocalDate.of(2026, 7, 13), calendar).isOverdue(LocalDate.of(2026, 7, 9), 0));
        assertEquals(true, OverdueCutoffs.on(LocalDate.of(2026, 7, 14), calendar).isOverdue(LocalDate.of(2026, 7, 9), 0));
        assertEquals(LocalDate.of(2026, 7, 13), OverdueCutoffs.on(LocalDate.of(2026, 7, 14), calendar).byGraceDays().get(0));
    }

    @Test
    void refusesGraceDaysNoSettingAccepts() {
        OverdueCutoffs cutoffs = OverdueCutoffs.on(LocalDate.of(2026, 3, 2), calendar);
        assertEquals(OverdueCutoffs.MAX_GRACE_DAYS + 1, cutoffs.byGraceDays().size());
        assertThrows(IllegalArgumentException.class, () -> cutoffs.isOverdue(LocalDate.of(2026, 1, 2), 31));
    }

    private static Installment dueInstallment(LocalDate originalDueDate, int graceDays) {
        return new Installment(UUID.randomUUID(), "t1", UUID.randomUUID(), UUID.randomUUID(), 1, 1, Money.of("100.00"),
                originalDueDate, originalDueDate, ChargeTerms.standard().withGraceDays(graceDays), InstallmentStatus.DUE,
                Money.of("0.00"), null);
    }
}
