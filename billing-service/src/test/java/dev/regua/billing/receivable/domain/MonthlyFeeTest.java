package dev.regua.billing.receivable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MonthlyFeeTest {
    private final BankCalendar calendar = BankCalendar.national();

    private MonthlyFee fee(int dueDay, String start, String end) {
        return new MonthlyFee(UUID.randomUUID(), "t1", UUID.randomUUID(), Money.of("450.00"), dueDay, YearMonth.parse(start),
                end == null ? null : YearMonth.parse(end), ChargeTerms.standard(), null);
    }

    @Test
    void generatesOnlyUpToTheHorizonAndContinuesWhereItStopped() {
        MonthlyFee school = fee(10, "2026-02", "2026-12");
        var first = school.generate(null, YearMonth.parse("2026-04"), calendar);
        assertEquals(3, first.size());
        assertEquals(11, first.get(0).count());
        assertEquals(LocalDate.of(2026, 2, 10), first.get(0).dueDate());
        var next = school.generate(YearMonth.parse("2026-04"), YearMonth.parse("2026-06"), calendar);
        assertEquals(2, next.get(1).number() - next.get(0).number() + 1);
        assertEquals(4, next.get(0).number(), "May is the fourth month");
        assertTrue(school.generate(YearMonth.parse("2026-06"), YearMonth.parse("2026-06"), calendar).isEmpty(), "nothing twice");
    }

    @Test
    void stopsAtTheEndMonthAndRunsOpenEndedOtherwise() {
        assertEquals(11, fee(10, "2026-02", "2026-12").generate(null, YearMonth.parse("2030-01"), calendar).size());
        var open = fee(10, "2026-02", null).generate(null, YearMonth.parse("2026-07"), calendar);
        assertEquals(6, open.size());
        assertEquals(0, open.get(0).count(), "open-ended");
    }

    @Test
    void aDueDayBeyondTheMonthFallsOnItsLastDayThenMovesToABusinessDay() {
        var fees = fee(31, "2026-01", "2026-03").generate(null, YearMonth.parse("2026-03"), calendar);
        assertEquals(LocalDate.of(2026, 2, 28), fees.get(1).originalDueDate());
        assertEquals(LocalDate.of(2026, 3, 2), fees.get(1).dueDate(), "Feb 28 2026 is a Saturday");
        assertEquals(LocalDate.of(2026, 3, 31), fees.get(2).dueDate());
    }

    @Test
    void refusesImpossibleTerms() {
        assertEquals("dueDay", assertThrows(InvalidInputException.class, () -> fee(0, "2026-01", null)).field());
        assertEquals("endMonth", assertThrows(InvalidInputException.class, () -> fee(5, "2026-05", "2026-01")).field());
    }
}
