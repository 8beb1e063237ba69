package dev.regua.dunning.regua.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.support.calendar.ProfileCalendars;
import java.util.List;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseMathTest {
    private static final BankCalendar NATIONAL = BankCalendar.national();
    private static InstallmentFactEntity installment(String discountPercent, LocalDate discountUntil) {
        InstallmentFactEntity i = new InstallmentFactEntity();
        i.nominal = new BigDecimal("300.00");
        i.originalDueDate = LocalDate.of(2026, 3, 10);
        i.dueDate = LocalDate.of(2026, 3, 10);
        i.finePercent = new BigDecimal("2");
        i.monthlyInterestPercent = new BigDecimal("1");
        i.graceDays = 0;
        i.paidAmount = BigDecimal.ZERO;
        i.punctualityDiscountPercent = discountPercent == null ? null : new BigDecimal(discountPercent);
        i.punctualityDiscountUntil = discountUntil;
        return i;
    }

    @Test
    void aReminderOnOrBeforeTheDiscountsLastDayShowsTheDiscountedAmount() {
        InstallmentFactEntity i = installment("5", LocalDate.of(2026, 3, 5));
        assertEquals(new BigDecimal("285.00"), CaseMath.due(i, LocalDate.of(2026, 3, 2), NATIONAL).total().amount());
        assertEquals(new BigDecimal("285.00"), CaseMath.due(i, LocalDate.of(2026, 3, 5), NATIONAL).total().amount());
    }

    @Test
    void afterTheDiscountsLastDayTheNominalIsOwedAndAfterTheDueDateFineAndInterestOnTheNominal() {
        InstallmentFactEntity i = installment("5", LocalDate.of(2026, 3, 5));
        assertEquals(new BigDecimal("300.00"), CaseMath.due(i, LocalDate.of(2026, 3, 6), NATIONAL).total().amount());
        assertEquals(new BigDecimal("306.10"), CaseMath.due(i, LocalDate.of(2026, 3, 11), NATIONAL).total().amount());
    }

    @Test
    void anInstallmentWithoutADiscountOwesTheNominalUntilItsDueDate() {
        InstallmentFactEntity i = installment(null, null);
        assertEquals(new BigDecimal("300.00"), CaseMath.due(i, LocalDate.of(2026, 3, 2), NATIONAL).total().amount());
    }

    @Test
    void aDueDateOnTheTenantsCityHolidayMovesAsBillingMovesIt() {
        // due on Campinas' 14 July 2026 (a Tuesday, a city holiday): billing moves it to the 15th, so paying on the
        // 15th owes no fine or interest — with the national calendar alone it would owe them
        InstallmentFactEntity i = installment(null, null);
        i.originalDueDate = LocalDate.of(2026, 7, 14);
        i.dueDate = LocalDate.of(2026, 7, 15);
        BankCalendar campinas = ProfileCalendars.of("SP", List.of(new TenantProfileUpdated.CityHoliday("07-14", null, "Fundação de Campinas")));
        assertEquals(new BigDecimal("300.00"), CaseMath.due(i, LocalDate.of(2026, 7, 15), campinas).total().amount());
        assertEquals(new BigDecimal("306.10"), CaseMath.due(i, LocalDate.of(2026, 7, 15), NATIONAL).total().amount());
    }
}
