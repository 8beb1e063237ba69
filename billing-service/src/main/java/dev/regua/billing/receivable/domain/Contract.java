package dev.regua.billing.receivable.domain;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.ChargeTermsView;
import dev.regua.contract.billing.ContractActivated;
import dev.regua.contract.billing.ContractCancelled;
import dev.regua.contract.billing.ContractSuspended;
import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.BusinessRuleException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the payer agreed: the kind of charge, the late-charge terms, the dunning segment, when it was signed and
 * where the evidence of the signature is kept. Lifecycle: ACTIVE ⇄ SUSPENDED, either → CANCELLED (final).
 * Methods change the state and return the events that describe it.
 */
public final class Contract {
    public enum Kind { ONE_OFF, INSTALLMENT_PLAN, MONTHLY_FEE }

    public enum Status { ACTIVE, SUSPENDED, CANCELLED }

    /** The agreed terms beyond the late charges: segment, signature date and evidence. All optional. */
    public record Agreement(String segment, LocalDate signedOn, String evidenceRef) {
        public static final Agreement NONE = new Agreement(null, null, null);
    }

    private final UUID id;
    private final String tenantId;
    private final UUID payerId;
    private final Kind kind;
    private final String description;
    private final Money total;
    private final int installmentCount;
    private final ChargeTerms terms;
    private final PunctualityDiscountRule punctualityDiscount;
    private final Agreement agreement;
    private Status status;
    private LocalDate activatedOn;
    private LocalDate statusChangedOn;
    private String statusReason;

    public Contract(UUID id, String tenantId, UUID payerId, Kind kind, String description, Money total,
                    int installmentCount, ChargeTerms terms, PunctualityDiscountRule punctualityDiscount,
                    Agreement agreement, Status status, LocalDate activatedOn, LocalDate statusChangedOn, String statusReason) {
        this.id = id;
        this.tenantId = tenantId;
        this.payerId = payerId;
        this.kind = kind;
        this.description = description;
        this.total = total;
        this.installmentCount = installmentCount;
        this.terms = terms.withoutPunctualityDiscount();
        this.punctualityDiscount = punctualityDiscount;
        this.agreement = agreement == null ? Agreement.NONE : agreement;
        this.status = status;
        this.activatedOn = activatedOn;
        this.statusChangedOn = statusChangedOn;
        this.statusReason = statusReason;
    }

    /**
     * A new contract, in effect from {@code on}. {@code terms} are its late-charge terms; {@code punctualityDiscount}
     * (null: none) is the desconto de pontualidade each of its installments gets, dated from its own due date.
     */
    public static Contract activeFrom(UUID id, String tenantId, UUID payerId, Kind kind, String description, Money total,
                                      int installmentCount, ChargeTerms terms, PunctualityDiscountRule punctualityDiscount,
                                      Agreement agreement, LocalDate on) {
        return new Contract(id, tenantId, payerId, kind, description, total, installmentCount, terms, punctualityDiscount,
                agreement, Status.ACTIVE, on, on, null);
    }

    /** The terms as published: late charges and the discount rule (percent, days before each due date). */
    public ChargeTermsView termsView() {
        return punctualityDiscount == null
                ? new ChargeTermsView(terms.finePercent(), terms.monthlyInterestPercent(), terms.graceDays())
                : new ChargeTermsView(terms.finePercent(), terms.monthlyInterestPercent(), terms.graceDays(),
                punctualityDiscount.percent(), null, punctualityDiscount.daysBeforeDueDate());
    }

    /** The event that announces the contract took effect (published before its installments' events). */
    public ContractActivated activatedEvent() {
        return new ContractActivated(newId(), tenantId, payerId.toString(), id.toString(), kind.name(),
                agreement.segment(), termsView(),
                MoneyAmount.brl(total.amount()), installmentCount, agreement.signedOn(), activatedOn);
    }

    /** A suspended contract takes effect again (monthly fees are generated again from the current month). */
    public ContractActivated activate(LocalDate on) {
        requireNotCancelled();
        if (status != Status.SUSPENDED) {
            throw new BusinessRuleException("contract-not-suspended", "contract " + id + " is " + status
                    + "; only a SUSPENDED contract can be activated");
        }
        status = Status.ACTIVE;
        activatedOn = on;
        statusChangedOn = on;
        statusReason = null;
        return activatedEvent();
    }

    /** Stops generating monthly fees; what is already owed stays owed. */
    public ContractSuspended suspend(String reason, LocalDate on) {
        requireNotCancelled();
        if (status != Status.ACTIVE) {
            throw new BusinessRuleException("contract-not-active", "contract " + id + " is " + status
                    + "; only an ACTIVE contract can be suspended");
        }
        status = Status.SUSPENDED;
        statusChangedOn = on;
        statusReason = reason;
        return new ContractSuspended(newId(), tenantId, payerId.toString(), id.toString(), kind.name(), reason, on);
    }

    /**
     * Cancels the contract and, of {@code installments} (all of its installments), those still open: not yet
     * overdue and nothing paid. Overdue and partially paid installments stay owed.
     */
    public List<RegisteredEvent> cancel(String reason, LocalDate on, List<Installment> installments) {
        requireNotCancelled();
        status = Status.CANCELLED;
        statusChangedOn = on;
        statusReason = reason;
        List<RegisteredEvent> events = new ArrayList<>();
        events.add(new ContractCancelled(newId(), tenantId, payerId.toString(), id.toString(), kind.name(), reason, on));
        for (Installment i : installments) {
            if (!i.contractId().equals(id)) {
                throw new IllegalArgumentException("installment " + i.id() + " is not of contract " + id);
            }
            if (i.isCancellable()) {
                events.add(i.cancel("CONTRACT_CANCELLED", on));
            }
        }
        return events;
    }

    private void requireNotCancelled() {
        if (status == Status.CANCELLED) {
            throw new BusinessRuleException("contract-cancelled", "contract " + id + " was cancelled on " + statusChangedOn);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID payerId() { return payerId; }
    public Kind kind() { return kind; }
    public String description() { return description; }
    public Money total() { return total; }
    public int installmentCount() { return installmentCount; }
    public ChargeTerms terms() { return terms; }
    /** The agreed punctuality discount rule, or null. */
    public PunctualityDiscountRule punctualityDiscount() { return punctualityDiscount; }
    public Agreement agreement() { return agreement; }
    public Status status() { return status; }
    public LocalDate activatedOn() { return activatedOn; }
    public LocalDate statusChangedOn() { return statusChangedOn; }
    public String statusReason() { return statusReason; }
}
