package dev.regua.billing.agreement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentPlan;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProposalTest {
    private final BankCalendar calendar = BankCalendar.national();
    private final LocalDate today = LocalDate.of(2026, 3, 2);
    private final RenegotiationPolicy policy = new RenegotiationPolicy(6, new BigDecimal("20"), new BigDecimal("50"),
            new BigDecimal("100"), 3);

    private List<Installment> overdue() {
        var installments = InstallmentPlan.create("t1", UUID.randomUUID(), "x", Money.of("600.00"), 2,
                LocalDate.of(2026, 1, 10), ChargeTerms.standard(), calendar).installments();
        installments.forEach(i -> i.sweep(today, 5, calendar));
        return installments;
    }

    @Test
    void updatesEachDebtByTheCalculatorDiscountsFineAndInterestAndRoundsTheDownPaymentUp() {
        Proposal p = Proposal.of(policy, overdue(), today, 4, null, null, calendar);
        assertEquals(List.of(Money.of("310.90"), Money.of("308.00")), p.lines().stream().map(Proposal.Line::debt).toList());
        assertEquals(Money.of("618.90"), p.originalDebt());
        assertEquals(Money.of("12.90"), p.discount());
        assertEquals(Money.of("606.00"), p.total());
        assertEquals(Money.of("121.20"), p.downPayment());
        assertEquals(LocalDate.of(2026, 3, 5), p.downPaymentDeadline());
        assertEquals(LocalDate.of(2026, 4, 5), p.firstDueDate());
        assertEquals(List.of(Money.of("121.20"), Money.of("121.20"), Money.of("121.20"), Money.of("121.20")), p.installmentAmounts());
        Proposal odd = Proposal.of(new RenegotiationPolicy(6, new BigDecimal("33"), BigDecimal.ZERO, BigDecimal.ZERO, 3),
                overdue(), today, 1, null, null, calendar);
        assertEquals(Money.of("204.24"), odd.downPayment(), "33 % of 618.90 is 204.237, rounded up");
    }

    @Test
    void refusesWhatThePolicyDoesNotAllowNamingTheRule() {
        assertEquals("agreement-max-installments", assertThrows(BusinessRuleException.class,
                () -> Proposal.of(policy, overdue(), today, 7, null, null, calendar)).rule());
        assertEquals("agreement-minimum-down-payment", assertThrows(BusinessRuleException.class,
                () -> Proposal.of(policy, overdue(), today, 4, Money.of("121.19"), null, calendar)).rule());
        var notOverdue = InstallmentPlan.create("t1", UUID.randomUUID(), "x", Money.of("100.00"), 1,
                LocalDate.of(2026, 4, 10), ChargeTerms.standard(), calendar).installments();
        assertEquals("agreement-requires-overdue", assertThrows(BusinessRuleException.class,
                () -> Proposal.of(policy, notOverdue, today, 1, null, null, calendar)).rule());
        assertEquals("downPayment", assertThrows(InvalidInputException.class,
                () -> Proposal.of(policy, overdue(), today, 1, Money.of("606.00"), null, calendar)).field());
        assertEquals("firstDueDate", assertThrows(InvalidInputException.class,
                () -> Proposal.of(policy, overdue(), today, 1, null, LocalDate.of(2026, 3, 5), calendar)).field());
    }
}
