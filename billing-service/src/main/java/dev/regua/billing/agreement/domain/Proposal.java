package dev.regua.billing.agreement.domain;

import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentStatus;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.AmountDue;
import dev.regua.kernel.money.Money;
import dev.regua.kernel.money.RemainderPolicy;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A renegotiation proposal for chosen overdue installments on a date: each one's debt updated to the day by the
 * late-charge calculator (what was paid already deducted), the policy's discount on its fine and interest, the
 * total, the down payment (at least the policy's share, rounded up to the cent) with its deadline, and the
 * remainder split into N monthly installments. A proposal that breaks the policy is refused with the rule named.
 */
public record Proposal(LocalDate on, List<Line> lines, Money originalDebt, Money discount, Money total, Money minimumDownPayment,
                       Money downPayment, LocalDate downPaymentDeadline, int installments, LocalDate firstDueDate,
                       List<Money> installmentAmounts) {

    /** One original installment: its updated debt and the discount on it. */
    public record Line(Installment installment, AmountDue due, Money discount) {
        public Money debt() {
            return due.total();
        }
    }

    public static Proposal of(RenegotiationPolicy policy, List<Installment> originals, LocalDate today, int installments,
                              Money requestedDownPayment, LocalDate requestedFirstDueDate, BankCalendar calendar) {
        if (originals.isEmpty()) {
            throw new InvalidInputException("installmentIds", "must name at least one overdue installment");
        }
        if (installments < 1) {
            throw new InvalidInputException("installments", "must be at least 1");
        }
        if (installments > policy.maxInstallments()) {
            throw new BusinessRuleException("agreement-max-installments", "the tenant's renegotiation policy allows at most "
                    + policy.maxInstallments() + " installments after the down payment; asked for " + installments);
        }
        List<Line> lines = new ArrayList<>();
        Money debt = Money.ZERO;
        Money discount = Money.ZERO;
        for (Installment i : originals) {
            if (i.status() != InstallmentStatus.OVERDUE) {
                throw new BusinessRuleException("agreement-requires-overdue",
                        "only OVERDUE installments can be renegotiated; installment " + i.id() + " is " + i.status());
            }
            AmountDue due = i.amountDueOn(today, calendar);
            Money off = due.fine().percent(policy.fineDiscountPercent())
                    .plus(due.interest().percent(policy.interestDiscountPercent())).min(due.total());
            lines.add(new Line(i, due, off));
            debt = debt.plus(due.total());
            discount = discount.plus(off);
        }
        Money total = debt.minus(discount);
        Money minimum = Money.of(total.amount().multiply(policy.minDownPaymentPercent())
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.CEILING));
        Money down = requestedDownPayment == null ? minimum : requestedDownPayment;
        if (down.isLessThan(minimum)) {
            throw new BusinessRuleException("agreement-minimum-down-payment", "the down payment must be at least "
                    + policy.minDownPaymentPercent().stripTrailingZeros().toPlainString() + " % of " + total + ": " + minimum);
        }
        Money financed = total.minus(down);
        if (financed.cents() < installments) {
            throw new InvalidInputException("downPayment", "leaves " + financed + " to split into " + installments
                    + " installments; it must be less than the total " + total);
        }
        LocalDate deadline = calendar.nextBusinessDayOnOrAfter(today.plusDays(policy.downPaymentDays()));
        LocalDate first = requestedFirstDueDate == null ? deadline.plusMonths(1) : requestedFirstDueDate;
        if (!first.isAfter(deadline)) {
            throw new InvalidInputException("firstDueDate", "must be after the down payment's deadline " + deadline);
        }
        return new Proposal(today, List.copyOf(lines), debt, discount, total, minimum, down, deadline, installments, first,
                financed.splitEvenly(installments, RemainderPolicy.FIRST));
    }
}
