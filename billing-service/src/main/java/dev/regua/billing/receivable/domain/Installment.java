package dev.regua.billing.receivable.domain;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.InstallmentCancelled;
import dev.regua.contract.billing.InstallmentRenegotiated;
import dev.regua.contract.billing.InstallmentWrittenOff;
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
import dev.regua.support.charges.ChargeTermsViews;
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

    /** What is still to pay on {@code date} (fine and interest included, earlier payments deducted). */
    public Money outstandingOn(LocalDate date, BankCalendar calendar) {
        return amountDueOn(date, calendar).total();
    }

    /**
     * Applies {@code amount} of payment {@code paymentId} received on {@code on}. An amount that covers what is
     * due on that date (fine and interest included, by the calculator) settles the installment; a smaller one
     * leaves it partially paid (an OVERDUE installment stays OVERDUE). The caller allocates: an amount above what
     * is due is a programming error here (the excess of a payment is the payer's credit, see PaymentAllocation).
     */
    public List<RegisteredEvent> pay(UUID paymentId, Money amount, LocalDate on, String method, BankCalendar calendar) {
        if (status.isSettled()) {
            throw new BusinessRuleException("installment-settled", "installment " + id + " is already " + status);
        }
        AmountDue due = amountDueOn(on, calendar);
        if (!amount.isPositive() || amount.isGreaterThan(due.total())) {
            throw new IllegalArgumentException("allocation of " + amount + " to installment " + id
                    + " must be positive and at most the " + due.total() + " due on " + on);
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

    /**
     * Takes back {@code amount} of an earlier payment (estorno). Unless the installment left collection for another
     * reason (cancelled, renegotiated, written off), its status is recomputed from the facts on {@code asOf}.
     */
    public void reverse(Money amount, LocalDate asOf, int leadDays, BankCalendar calendar) {
        paidAmount = paidAmount.minus(amount).max(Money.ZERO);
        if (paidAmount.isZero()) {
            paidOn = null;
        }
        if (status == InstallmentStatus.CANCELLED || status == InstallmentStatus.RENEGOTIATED
                || status == InstallmentStatus.WRITTEN_OFF) {
            return;
        }
        status = statusFromFacts(asOf, leadDays, calendar);
    }

    /**
     * The status the facts give on {@code asOf}: overdue after the last day without charges, partially paid when
     * something was paid, due inside the billing window ({@code leadDays} before the due date), else open.
     */
    public InstallmentStatus statusFromFacts(LocalDate asOf, int leadDays, BankCalendar calendar) {
        if (paidAmount.isPositive() && amountDueOn(asOf, calendar).total().isZero()) {
            return InstallmentStatus.PAID;
        }
        if (asOf.isAfter(LateChargeCalculator.lastDayWithoutCharges(originalDueDate, terms, calendar))) {
            return InstallmentStatus.OVERDUE;
        }
        if (paidAmount.isPositive()) {
            return InstallmentStatus.PARTIALLY_PAID;
        }
        return asOf.isBefore(dueDate.minusDays(leadDays)) ? InstallmentStatus.OPEN : InstallmentStatus.DUE;
    }

    /** Whether cancelling the contract cancels it: not yet overdue and nothing paid. */
    public boolean isCancellable() {
        return (status == InstallmentStatus.OPEN || status == InstallmentStatus.DUE) && paidAmount.isZero();
    }

    /** The installment is no longer owed ({@code reason}: CONTRACT_CANCELLED, AGREEMENT_BROKEN, ...). */
    public InstallmentCancelled cancel(String reason, LocalDate on) {
        if (status.isSettled()) {
            throw new BusinessRuleException("installment-settled", "installment " + id + " is already " + status);
        }
        status = InstallmentStatus.CANCELLED;
        return new InstallmentCancelled(newId(), tenantId, payerId.toString(), view(), reason, on);
    }

    /** Writes an overdue installment off as a loss (baixa por perda). */
    public InstallmentWrittenOff writeOff(String reason, LocalDate on) {
        if (status != InstallmentStatus.OVERDUE) {
            throw new BusinessRuleException("write-off-requires-overdue",
                    "only an OVERDUE installment can be written off; installment " + id + " is " + status);
        }
        status = InstallmentStatus.WRITTEN_OFF;
        return new InstallmentWrittenOff(newId(), tenantId, payerId.toString(), view(), reason, on);
    }

    /** An agreement (acordo) replaces this overdue installment. */
    public InstallmentRenegotiated renegotiate(UUID agreementId, LocalDate on) {
        if (status != InstallmentStatus.OVERDUE) {
            throw new BusinessRuleException("agreement-requires-overdue",
                    "only OVERDUE installments can be renegotiated; installment " + id + " is " + status);
        }
        status = InstallmentStatus.RENEGOTIATED;
        return new InstallmentRenegotiated(newId(), tenantId, payerId.toString(), view(), agreementId.toString(), on);
    }

    /** The agreement that replaced it broke: it is owed again, with its original due date and charges. */
    public void restoreAfterBrokenAgreement(LocalDate asOf, int leadDays, BankCalendar calendar) {
        if (status != InstallmentStatus.RENEGOTIATED) {
            throw new IllegalStateException("installment " + id + " is " + status + ", not RENEGOTIATED");
        }
        status = statusFromFacts(asOf, leadDays, calendar);
    }

    public InstallmentCreated createdEvent() {
        return new InstallmentCreated(newId(), tenantId, payerId.toString(), view());
    }

    public InstallmentView view() {
        return new InstallmentView(id.toString(), contractId.toString(), number, count,
                MoneyAmount.brl(nominal.amount()), originalDueDate, dueDate,
                ChargeTermsViews.of(terms),
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
