package dev.regua.billing.receivable.domain;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.ChargeTermsView;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.AmountDue;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.charges.LateChargeCalculator;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.BusinessRuleException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One installment of a contract. Methods change its state and return the events that describe what happened;
 * the caller persists both in one transaction.
 */
public final class Installment {
    private final UUID id;
    private final String tenantId;
    private final UUID contractId;
    private final UUID payerId;
    private final int number;
    private final int count;
    private final Money nominal;
    private final LocalDate originalDueDate;
    private final LocalDate dueDate;
    private final ChargeTerms terms;
    private InstallmentStatus status;
    private Money paidAmount;
    private LocalDate paidOn;

    public Installment(UUID id, String tenantId, UUID contractId, UUID payerId, int number, int count, Money nominal,
                       LocalDate originalDueDate, LocalDate dueDate, ChargeTerms terms, InstallmentStatus status,
                       Money paidAmount, LocalDate paidOn) {
        this.id = id;
        this.tenantId = tenantId;
        this.contractId = contractId;
        this.payerId = payerId;
        this.number = number;
        this.count = count;
        this.nominal = nominal;
        this.originalDueDate = originalDueDate;
        this.dueDate = dueDate;
        this.terms = terms;
        this.status = status;
        this.paidAmount = paidAmount;
        this.paidOn = paidOn;
    }

    /** The amount due if paid on {@code date}, by the one late-charge calculator. */
    public AmountDue amountDueOn(LocalDate date, BankCalendar calendar) {
        return LateChargeCalculator.amountDue(nominal, originalDueDate, terms, calendar, date, paidAmount);
    }

    /**
     * Applies the billing calendar as of {@code asOf} (a date in the tenant's zone): enters the billing window
     * {@code leadDays} before the due date; becomes overdue the day after the last day the calculator charges
     * nothing (the due date moved to a business day, plus grace days), so an overdue notice never shows a zero
     * fine. Several transitions missed during downtime are all returned, in order.
     */
    public List<RegisteredEvent> sweep(LocalDate asOf, int leadDays, BankCalendar calendar) {
        List<RegisteredEvent> events = new ArrayList<>();
        if (status == InstallmentStatus.OPEN && !asOf.isBefore(dueDate.minusDays(leadDays))) {
            status = InstallmentStatus.DUE;
            events.add(new InstallmentDue(newId(), tenantId, payerId.toString(), view()));
        }
        LocalDate overdueSince = LateChargeCalculator.lastDayWithoutCharges(originalDueDate, terms, calendar).plusDays(1);
        if ((status == InstallmentStatus.DUE || status == InstallmentStatus.PARTIALLY_PAID) && !asOf.isBefore(overdueSince)) {
            status = InstallmentStatus.OVERDUE;
            events.add(new InstallmentOverdue(newId(), tenantId, payerId.toString(), view(), overdueSince));
        }
        return events;
    }

    /**
     * Records a payment made on {@code on}. A payment that covers the amount due (fine and interest included)
     * settles the installment; a smaller one leaves it partially paid. Over-payment is refused for now.
     */
    public List<RegisteredEvent> pay(UUID paymentId, Money amount, LocalDate on, String method, BankCalendar calendar) {
        if (status.isSettled()) {
            throw new BusinessRuleException("installment-settled", "installment " + id + " is already " + status);
        }
        AmountDue due = amountDueOn(on, calendar);
        if (amount.isGreaterThan(due.total())) {
            throw new BusinessRuleException("overpayment",
                    "the payment of " + amount + " exceeds the " + due.total() + " due on " + on
                            + "; keeping the difference as the payer's credit is not supported yet");
        }
        paidAmount = paidAmount.plus(amount);
        paidOn = on;
        if (amount.compareTo(due.total()) == 0) {
            status = InstallmentStatus.PAID;
            return List.of(new InstallmentPaid(newId(), tenantId, payerId.toString(), view(), paymentId.toString(),
                    MoneyAmount.brl(paidAmount.amount()), on, method));
        }
        if (status == InstallmentStatus.OPEN || status == InstallmentStatus.DUE) {
            status = InstallmentStatus.PARTIALLY_PAID;
        }
        return List.of(new InstallmentPartiallyPaid(newId(), tenantId, payerId.toString(), view(), paymentId.toString(),
                MoneyAmount.brl(amount.amount()), on, method));
    }

    public InstallmentCreated createdEvent() {
        return new InstallmentCreated(newId(), tenantId, payerId.toString(), view());
    }

    public InstallmentView view() {
        return new InstallmentView(id.toString(), contractId.toString(), number, count,
                MoneyAmount.brl(nominal.amount()), originalDueDate, dueDate,
                new ChargeTermsView(terms.finePercent(), terms.monthlyInterestPercent(), terms.graceDays()),
                status.name(), MoneyAmount.brl(paidAmount.amount()));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID contractId() { return contractId; }
    public UUID payerId() { return payerId; }
    public int number() { return number; }
    public int count() { return count; }
    public Money nominal() { return nominal; }
    public LocalDate originalDueDate() { return originalDueDate; }
    public LocalDate dueDate() { return dueDate; }
    public ChargeTerms terms() { return terms; }
    public InstallmentStatus status() { return status; }
    public Money paidAmount() { return paidAmount; }
    public LocalDate paidOn() { return paidOn; }
}
