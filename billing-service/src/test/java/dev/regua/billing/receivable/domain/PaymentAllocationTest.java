package dev.regua.billing.receivable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.BusinessRuleException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentAllocationTest {
    private final BankCalendar calendar = BankCalendar.national();

    private List<Installment> plan() {
        return InstallmentPlan.create("t1", UUID.randomUUID(), "x", Money.of("900.00"), 3, LocalDate.of(2026, 3, 10),
                ChargeTerms.standard(), calendar).installments();
    }

    @Test
    void oldCreditIsSpentBeforeTheNewPaymentAndWhatIsLeftStaysWithItsSource() {
        var targets = plan();
        UUID credit = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        var result = PaymentAllocation.allocate(List.of(new PaymentAllocation.Source(credit, "PIX", Money.of("50.00")),
                new PaymentAllocation.Source(payment, "BOLETO", Money.of("600.00"))), targets, LocalDate.of(2026, 3, 2), calendar);
        assertEquals(List.of(new PaymentAllocation.Applied(credit, targets.get(0).id(), Money.of("50.00")),
                new PaymentAllocation.Applied(payment, targets.get(0).id(), Money.of("250.00")),
                new PaymentAllocation.Applied(payment, targets.get(1).id(), Money.of("300.00")),
                new PaymentAllocation.Applied(payment, targets.get(2).id(), Money.of("50.00"))), result.applied());
        assertEquals(Money.ZERO, result.leftOf(payment));
        assertInstanceOf(InstallmentPartiallyPaid.class, result.events().get(0));
        assertInstanceOf(InstallmentPaid.class, result.events().get(1));
        assertEquals(InstallmentStatus.PARTIALLY_PAID, targets.get(2).status());
    }

    @Test
    void aLateInstallmentTakesFineAndInterestByTheCalculatorAndTheExcessIsCredit() {
        var targets = plan().subList(0, 1);
        UUID payment = UUID.randomUUID();
        var result = PaymentAllocation.allocate(List.of(new PaymentAllocation.Source(payment, "PIX", Money.of("400.00"))),
                targets, LocalDate.of(2026, 3, 11), calendar);
        assertEquals(Money.of("306.10"), result.applied().get(0).amount());
        assertEquals(Money.of("93.90"), result.leftOf(payment));
        assertEquals(InstallmentStatus.PAID, targets.get(0).status());
    }

    @Test
    void aReversedPaymentIsOwedAgainWithTheStatusTheFactsGive() {
        Installment first = plan().get(0);
        first.pay(UUID.randomUUID(), Money.of("300.00"), LocalDate.of(2026, 3, 9), "PIX", calendar);
        first.reverse(Money.of("300.00"), LocalDate.of(2026, 3, 4), 5, calendar);
        assertEquals(InstallmentStatus.OPEN, first.status());
        first.pay(UUID.randomUUID(), Money.of("300.00"), LocalDate.of(2026, 3, 9), "PIX", calendar);
        first.reverse(Money.of("300.00"), LocalDate.of(2026, 3, 6), 5, calendar);
        assertEquals(InstallmentStatus.DUE, first.status());
        first.pay(UUID.randomUUID(), Money.of("300.00"), LocalDate.of(2026, 3, 9), "PIX", calendar);
        first.reverse(Money.of("300.00"), LocalDate.of(2026, 3, 11), 5, calendar);
        assertEquals(InstallmentStatus.OVERDUE, first.status());
        assertEquals(Money.ZERO, first.paidAmount());
        assertEquals(null, first.paidOn());
    }

    @Test
    void onlyAnOverdueInstallmentIsWrittenOffOrRenegotiated() {
        Installment first = plan().get(0);
        assertEquals("write-off-requires-overdue", assertThrows(BusinessRuleException.class,
                () -> first.writeOff("perda", LocalDate.of(2026, 3, 2))).rule());
        first.sweep(LocalDate.of(2026, 3, 11), 5, calendar);
        first.writeOff("perda", LocalDate.of(2026, 3, 11));
        assertEquals(InstallmentStatus.WRITTEN_OFF, first.status());
        assertThrows(BusinessRuleException.class, () -> first.renegotiate(UUID.randomUUID(), LocalDate.of(2026, 3, 11)));
    }

    @Test
    void cancellingAContractCancelsOnlyOpenUnpaidInstallments() {
        var installments = plan();
        installments.get(0).sweep(LocalDate.of(2026, 3, 11), 5, calendar);
        installments.get(1).pay(UUID.randomUUID(), Money.of("10.00"), LocalDate.of(2026, 3, 11), "PIX", calendar);
        Contract contract = Contract.activeFrom(installments.get(0).contractId(), "t1", installments.get(0).payerId(),
                Contract.Kind.INSTALLMENT_PLAN, "x", Money.of("900.00"), 3, ChargeTerms.standard(), null, null, LocalDate.of(2026, 3, 2));
        var events = contract.cancel("rescisão", LocalDate.of(2026, 3, 11), installments);
        assertEquals(2, events.size());
        assertEquals(List.of(InstallmentStatus.OVERDUE, InstallmentStatus.PARTIALLY_PAID, InstallmentStatus.CANCELLED),
                installments.stream().map(Installment::status).toList());
        assertEquals("contract-cancelled", assertThrows(BusinessRuleException.class,
                () -> contract.suspend("x", LocalDate.of(2026, 3, 12))).rule());
    }
}
