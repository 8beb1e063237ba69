package dev.regua.billing.receivable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InstallmentPlanTest {
    private final BankCalendar calendar = BankCalendar.national();
    private final ChargeTerms terms = ChargeTerms.standard();

    private InstallmentPlan plan(String total, int count, LocalDate first) {
        return InstallmentPlan.create("t1", UUID.randomUUID(), "crediário", Money.of(total), count, first, terms, calendar);
    }

    @Test
    void splitsTheTotalWithRemainderCentsOnTheFirstInstallment() {
        InstallmentPlan plan = plan("100.00", 3, LocalDate.of(2026, 3, 10));
        assertEquals(Money.of("33.34"), plan.installments().get(0).nominal());
        assertEquals(Money.of("33.33"), plan.installments().get(1).nominal());
        assertEquals(Money.of("33.33"), plan.installments().get(2).nominal());
    }

    @Test
    void movesADueDateOnASundayToTheNextBusinessDayAndKeepsTheOriginal() {
        InstallmentPlan plan = plan("900.00", 3, LocalDate.of(2026, 3, 10));
        Installment third = plan.installments().get(2);
        assertEquals(LocalDate.of(2026, 5, 10), third.originalDueDate());
        assertEquals(LocalDate.of(2026, 5, 11), third.dueDate());
    }

    @Test
    void refusesZeroOrMoreThan120Installments() {
        assertEquals("installments", assertThrows(InvalidInputException.class, () -> plan("100.00", 0, LocalDate.of(2026, 3, 10))).field());
        assertEquals("installments", assertThrows(InvalidInputException.class, () -> plan("100.00", 121, LocalDate.of(2026, 3, 10))).field());
    }

    @Test
    void entersTheBillingWindowThenBecomesOverdueTheDayAfterTheDueDate() {
        Installment first = plan("900.00", 3, LocalDate.of(2026, 3, 10)).installments().get(0);
        assertTrue(first.sweep(LocalDate.of(2026, 3, 4), 5, calendar).isEmpty());
        assertInstanceOf(InstallmentDue.class, first.sweep(LocalDate.of(2026, 3, 5), 5, calendar).get(0));
        assertTrue(first.sweep(LocalDate.of(2026, 3, 10), 5, calendar).isEmpty(), "paying on the due date is on time");
        var events = first.sweep(LocalDate.of(2026, 3, 11), 5, calendar);
        assertEquals(1, events.size());
        assertEquals(LocalDate.of(2026, 3, 11), ((InstallmentOverdue) events.get(0)).overdueSince());
        assertEquals(InstallmentStatus.OVERDUE, first.status());
        assertTrue(first.sweep(LocalDate.of(2026, 3, 12), 5, calendar).isEmpty(), "a transition happens once");
    }

    @Test
    void withGraceDaysEndingOnASaturdayTheInstallmentIsOverdueOnlyAfterTheNextBusinessDay() {
        // due Wed 2026-03-04 with 3 grace days: grace ends Sat 03-07, moves to Mon 03-09; overdue from Tue 03-10
        Installment i = InstallmentPlan.create("t1", UUID.randomUUID(), "x", Money.of("100.00"), 1,
                LocalDate.of(2026, 3, 4), ChargeTerms.standard().withGraceDays(3), calendar).installments().get(0);
        i.sweep(LocalDate.of(2026, 3, 1), 5, calendar);
        assertTrue(i.sweep(LocalDate.of(2026, 3, 9), 5, calendar).isEmpty());
        assertEquals(LocalDate.of(2026, 3, 10), ((InstallmentOverdue) i.sweep(LocalDate.of(2026, 3, 10), 5, calendar).get(0)).overdueSince());
        assertTrue(i.amountDueOn(LocalDate.of(2026, 3, 10), calendar).fine().isPositive(), "an overdue installment owes a fine");
    }

    @Test
    void punctualityCountsPaymentsOnTheMovedDueDateAsOnTimeAndAveragesTheDaysLateOfTheOthers() {
        var plan = plan("600.00", 3, LocalDate.of(2026, 5, 10)); // 05-10 is a Sunday: due Monday 05-11
        var i = plan.installments();
        i.get(0).pay(UUID.randomUUID(), Money.of("200.00"), LocalDate.of(2026, 5, 11), "PIX", calendar);
        LocalDate late = LocalDate.of(2026, 6, 14); // due Wed 06-10: 4 days late
        i.get(1).pay(UUID.randomUUID(), i.get(1).amountDueOn(late, calendar).total(), late, "PIX", calendar);
        Punctuality p = Punctuality.of(i, calendar);
        assertEquals(2, p.settled());
        assertEquals(1, p.onTime());
        assertEquals(new java.math.BigDecimal("0.5000"), p.onTimeShare());
        assertEquals(new java.math.BigDecimal("2.0"), p.averageDaysLate());
    }

    @Test
    void aSweepAfterDowntimeCatchesUpBothMissedTransitionsInOrder() {
        Installment first = plan("900.00", 3, LocalDate.of(2026, 3, 10)).installments().get(0);
        var events = first.sweep(LocalDate.of(2026, 3, 20), 5, calendar);
        assertEquals(2, events.size());
        assertInstanceOf(InstallmentDue.class, events.get(0));
        assertInstanceOf(InstallmentOverdue.class, events.get(1));
    }

    @Test
    void aLatePaymentMustCoverFineAndInterestToSettle() {
        Installment first = plan("900.00", 3, LocalDate.of(2026, 3, 10)).installments().get(0);
        first.sweep(LocalDate.of(2026, 3, 11), 5, calendar);
        var partial = first.pay(UUID.randomUUID(), Money.of("300.00"), LocalDate.of(2026, 3, 11), "PIX", calendar);
        assertInstanceOf(dev.regua.contract.billing.InstallmentPartiallyPaid.class, partial.get(0));
        assertEquals("300.00", ((dev.regua.contract.billing.InstallmentPartiallyPaid) partial.get(0)).installment().paidAmount().amount());
        assertEquals(InstallmentStatus.OVERDUE, first.status());
        var events = first.pay(UUID.randomUUID(), Money.of("6.10"), LocalDate.of(2026, 3, 11), "PIX", calendar);
        assertInstanceOf(InstallmentPaid.class, events.get(0));
        assertEquals(InstallmentStatus.PAID, first.status());
        assertThrows(BusinessRuleException.class,
                () -> first.pay(UUID.randomUUID(), Money.of("1.00"), LocalDate.of(2026, 3, 12), "PIX", calendar));
    }
}
