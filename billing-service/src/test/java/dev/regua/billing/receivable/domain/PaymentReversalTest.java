package dev.regua.billing.receivable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.regua.kernel.money.Money;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentReversalTest {
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    // a payment of 700,00: 300,00 to the first installment, then 300,00 to the second, 100,00 left as credit
    private final List<PaymentReversal.Allocation> allocations = List.of(
            new PaymentReversal.Allocation(UUID.randomUUID(), first, Money.of("300.00")),
            new PaymentReversal.Allocation(UUID.randomUUID(), second, Money.of("300.00")));

    @Test
    void aPartialReversalTakesTheCreditFirstThenTheNewestAllocation() {
        var plan = PaymentReversal.plan(Money.of("250.00"), Money.of("700.00"), Money.ZERO, allocations);

        assertEquals(Money.of("100.00"), plan.fromCredit());
        assertEquals(1, plan.undone().size());
        assertEquals(second, plan.undone().get(0).allocation().installmentId());
        assertEquals(Money.of("150.00"), plan.undone().get(0).taken());
        assertEquals(Money.of("150.00"), plan.undone().get(0).kept());
        assertEquals(Map.of(second, Money.of("150.00")), plan.byInstallment());
    }

    @Test
    void aReversalLargerThanTheNewestAllocationGoesOnToTheOlderOne() {
        var plan = PaymentReversal.plan(Money.of("500.00"), Money.of("700.00"), Money.ZERO, allocations);

        assertEquals(List.of(Money.of("300.00"), Money.of("100.00")), plan.undone().stream().map(PaymentReversal.Undo::taken).toList());
        assertEquals(List.of(Money.ZERO, Money.of("200.00")), plan.undone().stream().map(PaymentReversal.Undo::kept).toList());
    }

    @Test
    void withoutAnAmountEverythingNotYetReversedIsTakenBack() {
        // an earlier partial reversal took the 100,00 of credit
        var plan = PaymentReversal.plan(null, Money.of("700.00"), Money.of("100.00"), allocations);

        assertEquals(Money.of("600.00"), plan.amount());
        assertEquals(Money.ZERO, plan.fromCredit());
        assertEquals(Map.of(first, Money.of("300.00"), second, Money.of("300.00")), plan.byInstallment());
    }

    @Test
    void refusesMoreThanIsLeftToReverseAndNothing() {
        assertEquals("reversal-exceeds-payment", assertThrows(BusinessRuleException.class,
                () -> PaymentReversal.plan(Money.of("600.01"), Money.of("700.00"), Money.of("100.00"), allocations)).rule());
        assertEquals("amount", assertThrows(InvalidInputException.class,
                () -> PaymentReversal.plan(Money.of("0.00"), Money.of("700.00"), Money.ZERO, allocations)).field());
    }
}
