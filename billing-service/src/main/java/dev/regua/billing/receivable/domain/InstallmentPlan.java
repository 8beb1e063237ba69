package dev.regua.billing.receivable.domain;

import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.kernel.money.RemainderPolicy;
import dev.regua.support.problem.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A parcelamento / crediário: a total split into N monthly installments, optionally after a down payment (entrada).
 * The down payment is installment number 0, due on its own date; the rest of the total is split evenly into
 * installments 1..N, the remainder cents placed by the tenant's {@link RemainderPolicy} (the first installment by default).
 * A due date on a weekend or bank holiday moves to the next business day. {@code count} of every installment is N.
 */
public record InstallmentPlan(UUID contractId, String tenantId, UUID payerId, String description, Money total,
                              Money downPayment, ChargeTerms terms, List<Installment> installments) {
    public static final int MAX_INSTALLMENTS = 120;

    /** A down payment (entrada): its amount and its own due date. */
    public record DownPayment(Money amount, LocalDate dueDate) {
    }

    public static InstallmentPlan create(String tenantId, UUID payerId, String description, Money total, int count,
                                         LocalDate firstDueDate, ChargeTerms terms, BankCalendar calendar) {
        return create(UUID.randomUUID(), tenantId, payerId, description, total, null, count, firstDueDate, terms, null,
                RemainderPolicy.FIRST, calendar);
    }

    /** As above, with the tenant's choice of the installment that carries the remainder cents. */
    public static InstallmentPlan create(String tenantId, UUID payerId, String description, Money total, int count,
                                         LocalDate firstDueDate, ChargeTerms terms, BankCalendar calendar,
                                         RemainderPolicy remainder) {
        return create(UUID.randomUUID(), tenantId, payerId, description, total, null, count, firstDueDate, terms, null,
                remainder, calendar);
    }

    /**
     * The full form. {@code discount} (null: none) is the punctuality discount rule: every installment, the down
     * payment included, gets it dated from its own original due date.
     */
    public static InstallmentPlan create(UUID contractId, String tenantId, UUID payerId, String description, Money total,
                                         DownPayment downPayment, int count, LocalDate firstDueDate, ChargeTerms terms,
                                         PunctualityDiscountRule discount, RemainderPolicy remainder, BankCalendar calendar) {
        if (count < 1 || count > MAX_INSTALLMENTS) {
            throw new InvalidInputException("installments", "must be between 1 and " + MAX_INSTALLMENTS);
        }
        if (!total.isPositive()) {
            throw new InvalidInputException("totalAmount", "must be greater than zero");
        }
        Money financed = total;
        List<Installment> installments = new ArrayList<>(count + 1);
        if (downPayment != null) {
            if (!downPayment.amount().isPositive()) {
                throw new InvalidInputException("downPayment.amount", "must be greater than zero");
            }
            if (!downPayment.amount().isLessThan(total)) {
                throw new InvalidInputException("downPayment.amount", "must be less than totalAmount");
            }
            if (downPayment.dueDate().isAfter(firstDueDate)) {
                throw new InvalidInputException("downPayment.dueDate", "must not be after firstDueDate");
            }
            financed = total.minus(downPayment.amount());
            installments.add(new Installment(UUID.randomUUID(), tenantId, contractId, payerId, 0, count,
                    downPayment.amount(), downPayment.dueDate(), calendar.nextBusinessDayOnOrAfter(downPayment.dueDate()),
                    PunctualityDiscountRule.termsFor(terms, discount, downPayment.dueDate()), InstallmentStatus.OPEN, Money.ZERO, null));
        }
        if (financed.cents() < count) {
            throw new InvalidInputException("totalAmount", "is too small to split into " + count + " installments of at least R$ 0,01");
        }
        List<Money> amounts = financed.splitEvenly(count, remainder);
        for (int i = 0; i < count; i++) {
            LocalDate original = firstDueDate.plusMonths(i);
            LocalDate due = calendar.nextBusinessDayOnOrAfter(original);
            installments.add(new Installment(UUID.randomUUID(), tenantId, contractId, payerId, i + 1, count,
                    amounts.get(i), original, due, PunctualityDiscountRule.termsFor(terms, discount, original), InstallmentStatus.OPEN, Money.ZERO, null));
        }
        return new InstallmentPlan(contractId, tenantId, payerId, description, total,
                downPayment == null ? null : downPayment.amount(), terms, List.copyOf(installments));
    }
}
