package dev.regua.billing.receivable.domain;

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
 * A parcelamento / crediário: a total split into N monthly installments. Remainder cents go to the first
 * installment unless the tenant chose the last; a due date on a weekend or bank holiday moves to the next business day.
 */
public record InstallmentPlan(UUID contractId, String tenantId, UUID payerId, String description, Money total,
                              ChargeTerms terms, List<Installment> installments) {
    public static final int MAX_INSTALLMENTS = 120;

    public static InstallmentPlan create(String tenantId, UUID payerId, String description, Money total, int count,
                                         LocalDate firstDueDate, ChargeTerms terms, BankCalendar calendar) {
        return create(tenantId, payerId, description, total, count, firstDueDate, terms, calendar, RemainderPolicy.FIRST);
    }

    /** As above, with the tenant's choice of the installment that carries the remainder cents. */
    public static InstallmentPlan create(String tenantId, UUID payerId, String description, Money total, int count,
                                         LocalDate firstDueDate, ChargeTerms terms, BankCalendar calendar,
                                         RemainderPolicy remainder) {
        if (count < 1 || count > MAX_INSTALLMENTS) {
            throw new InvalidInputException("installments", "must be between 1 and " + MAX_INSTALLMENTS);
        }
        if (!total.isPositive()) {
            throw new InvalidInputException("totalAmount", "must be greater than zero");
        }
        if (total.cents() < count) {
            throw new InvalidInputException("totalAmount", "is too small to split into " + count + " installments of at least R$ 0,01");
        }
        UUID contractId = UUID.randomUUID();
        List<Money> amounts = total.splitEvenly(count, remainder);
        List<Installment> installments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate original = firstDueDate.plusMonths(i);
            LocalDate due = calendar.nextBusinessDayOnOrAfter(original);
            installments.add(new Installment(UUID.randomUUID(), tenantId, contractId, payerId, i + 1, count,
                    amounts.get(i), original, due, terms, InstallmentStatus.OPEN, Money.ZERO, null));
        }
        return new InstallmentPlan(contractId, tenantId, payerId, description, total, terms, List.copyOf(installments));
    }
}
