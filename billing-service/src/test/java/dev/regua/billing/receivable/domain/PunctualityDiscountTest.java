package dev.regua.billing.receivable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.kernel.money.RemainderPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The desconto de pontualidade reaches every installment and the amount due, payments and events follow it. */
class PunctualityDiscountTest {
    private final BankCalendar calendar = BankCalendar.national();
    private final PunctualityDiscountRule fivePercentTwoDaysBefore = new PunctualityDiscountRule(new BigDecimal("5"), 2);

    private InstallmentPlan plan(PunctualityDiscountRule rule) {
        return InstallmentPlan.create(UUID.randomUUID(), "t1", UUID.randomUUID(), "x", Money.of("900.00"),
                new InstallmentPlan.DownPayment(Money.of("100.00"), LocalDate.of(2026, 3, 2)), 2, LocalDate.of(2026, 3, 10),
                ChargeTerms.standard(), rule, RemainderPolicy.FIRST, calendar);
    }

    @Test
    void everyInstallmentGetsTheDiscountDatedFromItsOwnOriginalDueDate() {
        List<Installment> installments = plan(fivePercentTwoDaysBefore).installments();

        assertEquals(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 8), LocalDate.of(2026, 4, 8)),
                installments.stream().map(i -> i.terms().punctualityDiscount().orElseThrow().validUntil()).toList());
        assertEquals(new BigDecimal("5"), installments.get(1).view().terms().punctualityDiscountPercent());
        assertEquals(LocalDate.of(2026, 3, 8), installments.get(1).view().terms().punctualityDiscountUntil());
    }

    @Test
    void withoutARuleNoInstallmentHasADiscountAndTheEventSaysNone() {
        Installment i = plan(null).installments().get(1);

        assertEquals(ChargeTerms.standard(), i.terms());
        assertNull(i.view().terms().punctualityDiscountPercent());
        assertEquals(Money.of("400.00"), i.amountDueOn(LocalDate.of(2026, 3, 1), calendar).total());
    }

    // installment 1: R$ 400,00 due Tue 2026-03-10; 5 % until 03-08 (a Sunday, so until Mon 03-09)
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                     | on         | discount | total
            well before the discount date              | 2026-02-20 | 20.00    | 380.00
            on the discount date (a Sunday)            | 2026-03-08 | 20.00    | 380.00
            the Monday the Sunday deadline moves to    | 2026-03-09 | 20.00    | 380.00
            the day after: nominal                     | 2026-03-10 | 0.00     | 400.00
            late: fine and interest on the nominal     | 2026-03-11 | 0.00     | 408.13
            """)
    void theAmountDueIsNominalMinusTheDiscountUntilItsDate(String description, LocalDate on, String discount, String total) {
        Installment i = plan(fivePercentTwoDaysBefore).installments().get(1);

        assertEquals(Money.of(discount), i.amountDueOn(on, calendar).discount());
        assertEquals(Money.of(total), i.amountDueOn(on, calendar).total());
    }

    @Test
    void payingTheDiscountedAmountOnTimeSettlesTheInstallmentInFull() {
        Installment i = plan(fivePercentTwoDaysBefore).installments().get(1);

        var events = i.pay(UUID.randomUUID(), Money.of("380.00"), LocalDate.of(2026, 3, 6), "PIX", calendar);

        assertEquals(InstallmentStatus.PAID, i.status());
        assertEquals(Money.of("380.00"), i.paidAmount());
        assertEquals(new BigDecimal("380.00"), assertInstanceOf(InstallmentPaid.class, events.get(0)).amountPaid().value());
        assertEquals(InstallmentStatus.PAID, i.statusFromFacts(LocalDate.of(2026, 3, 6), 5, calendar));
    }

    @Test
    void theDiscountedAmountAfterTheDiscountDateLeavesTheDifferenceOwed() {
        Installment i = plan(fivePercentTwoDaysBefore).installments().get(1);

        var events = i.pay(UUID.randomUUID(), Money.of("380.00"), LocalDate.of(2026, 3, 10), "PIX", calendar);

        assertInstanceOf(InstallmentPartiallyPaid.class, events.get(0));
        assertEquals(Money.of("20.00"), i.outstandingOn(LocalDate.of(2026, 3, 10), calendar));
    }

    @Test
    void aMonthlyFeeGivesEachMonthItsOwnDiscountDate() {
        MonthlyFee fee = new MonthlyFee(UUID.randomUUID(), "t1", UUID.randomUUID(), Money.of("450.00"), 10,
                YearMonth.of(2026, 3), YearMonth.of(2026, 5), ChargeTerms.standard(), new PunctualityDiscountRule(BigDecimal.TEN, 0));

        assertEquals(List.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 10), LocalDate.of(2026, 5, 10)),
                fee.generate(null, YearMonth.of(2026, 5), calendar).stream()
                        .map(i -> i.terms().punctualityDiscount().orElseThrow().validUntil()).toList());
    }

    @Test
    void aContractPublishesItsRuleAndNotADate() {
        Contract c = Contract.activeFrom(UUID.randomUUID(), "t1", UUID.randomUUID(), Contract.Kind.MONTHLY_FEE, "x",
                Money.of("450.00"), 0, ChargeTerms.standard(), fivePercentTwoDaysBefore, Contract.Agreement.NONE,
                LocalDate.of(2026, 3, 1));

        var terms = c.activatedEvent().terms();
        assertEquals(new BigDecimal("5"), terms.punctualityDiscountPercent());
        assertEquals(2, terms.punctualityDiscountDaysBeforeDueDate());
        assertNull(terms.punctualityDiscountUntil());
    }
}
