package dev.regua.dunning.regua.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseMathTest {
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
        assertEquals(new BigDecimal("285.00"), CaseMath.due(i, LocalDate.of(2026, 3, 2)).total().amount());
        assertEquals(new BigDecimal("285.00"), CaseMath.due(i, LocalDate.of(2026, 3, 5)).total().amount());
    }

    @Test
    void afterTheDiscountsLastDayTheNominalIsOwedAndAfterTheDueDateFineAndInterestOnTheNominal() {
        InstallmentFactEntity i = installment("5", LocalDate.of(2026, 3, 5));
        assertEquals(new BigDecimal("300.00"), CaseMath.due(i, LocalDate.of(2026, 3, 6)).total().amount());
        assertEquals(new BigDecimal("306.10"), CaseMath.due(i, LocalDate.of(2026, 3, 11)).total().amount());
    }

    @Test
    void anInstallmentWithoutADiscountOwesTheNominalUntilItsDueDate() {
        InstallmentFactEntity i = installment(null, null);
        assertEquals(new BigDecimal("300.00"), CaseMath.due(i, LocalDate.of(2026, 3, 2)).total().amount());
    }
}
