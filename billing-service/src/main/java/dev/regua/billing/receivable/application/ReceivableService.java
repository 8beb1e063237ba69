package dev.regua.billing.receivable.application;

import dev.regua.billing.payer.persistence.PayerRepository;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentPlan;
import dev.regua.billing.receivable.persistence.PaymentEntity;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.AmountDue;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Use cases on contracts, installments and payments. Callers own the transaction. */
@ApplicationScoped
public class ReceivableService {
    private final TenantRepository tenants;
    private final PayerRepository payers;
    private final ReceivableRepository receivables;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final TenantCalendars calendars;

    public ReceivableService(TenantRepository tenants, PayerRepository payers, ReceivableRepository receivables,
                             OutboxWriter outbox, Clock clock, TenantCalendars calendars) {
        this.calendars = calendars;
        this.tenants = tenants;
        this.payers = payers;
        this.receivables = receivables;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewPlan(UUID payerId, String description, Money total, int installments, LocalDate firstDueDate,
                          BigDecimal finePercent, BigDecimal monthlyInterestPercent, Integer graceDays) {
    }

    public record PaymentCommand(Money amount, String method, String externalId, LocalDate paidOn) {
    }

    public record PaymentResult(UUID paymentId, boolean alreadyRecorded, Installment installment) {
    }

    public Uni<InstallmentPlan> createPlan(String tenantId, NewPlan request) {
        return settings(tenantId).chain(settings -> payers.findForTenant(tenantId, request.payerId()).chain(payer -> {
            if (payer == null) {
                throw new ResourceNotFoundException("payer " + request.payerId() + " not found");
            }
            ChargeTerms terms = terms(settings, request.finePercent(), request.monthlyInterestPercent(), request.graceDays());
            InstallmentPlan plan = InstallmentPlan.create(tenantId, payer.id(), request.description(), request.total(),
                    request.installments(), request.firstDueDate(), terms, TenantCalendars.of(settings),
                    settings.remainderPolicy());
            return receivables.addPlan(plan, clock.instant())
                    .chain(() -> outbox.appendAll(plan.installments().stream().map(Installment::createdEvent).toList()))
                    .replaceWith(plan);
        }));
    }

    /** The contract's terms: the request's where given, else the tenant's defaults; legal caps enforced. */
    public ChargeTerms terms(TenantSettings settings, BigDecimal finePercent, BigDecimal monthlyInterestPercent, Integer graceDays) {
        BigDecimal fine = finePercent == null ? settings.finePercent() : finePercent;
        BigDecimal interest = monthlyInterestPercent == null ? settings.monthlyInterestPercent() : monthlyInterestPercent;
        if (fine.compareTo(TenantSettings.MAX_FINE_PERCENT) > 0) {
            throw new BusinessRuleException("CDC art. 52 §1", "finePercent " + fine.toPlainString() + " is above the 2 % cap for consumer debts");
        }
        if (interest.compareTo(TenantSettings.MAX_MONTHLY_INTEREST_PERCENT) > 0) {
            throw new BusinessRuleException("CC art. 406 / Súmula 121 STF", "monthlyInterestPercent " + interest.toPlainString() + " is above the 1 % a month cap");
        }
        int grace = graceDays == null ? settings.graceDays() : graceDays;
        return ChargeTerms.of(fine, interest).withGraceDays(grace);
    }

    public Uni<Installment> installment(String tenantId, UUID installmentId) {
        return receivables.findInstallment(tenantId, installmentId).map(i -> {
            if (i == null) {
                throw new ResourceNotFoundException("installment " + installmentId + " not found");
            }
            return i;
        });
    }

    /** An amount due and the date it is quoted for. */
    public record Quote(LocalDate date, AmountDue amountDue) {
    }

    /** The amount due on {@code date} (default: today in the tenant's zone). */
    public Uni<Quote> quote(String tenantId, UUID installmentId, LocalDate date) {
        return settings(tenantId).chain(settings -> installment(tenantId, installmentId).map(i -> {
            LocalDate on = date == null ? LocalDate.now(clock.withZone(settings.timeZone())) : date;
            return new Quote(on, i.amountDueOn(on, TenantCalendars.of(settings)));
        }));
    }

    /**
     * Records a payment. The same (method, external id) is applied once: a repeated bank or Pix notification
     * answers the payment already recorded and changes nothing.
     */
    public Uni<PaymentResult> pay(String tenantId, UUID installmentId, PaymentCommand command) {
        return settings(tenantId).chain(settings -> receivables.paymentByExternalId(tenantId, command.method(), command.externalId())
                .chain(existing -> {
                    if (existing != null) {
                        if (!existing.installmentId.equals(installmentId)) {
                            throw new BusinessRuleException("payment-external-id-unique", "payment " + command.method() + " "
                                    + command.externalId() + " was already applied to another installment");
                        }
                        return installment(tenantId, installmentId).map(i -> new PaymentResult(existing.id, true, i));
                    }
                    return receivables.lockInstallment(tenantId, installmentId).chain(i -> {
                        if (i == null) {
                            throw new ResourceNotFoundException("installment " + installmentId + " not found");
                        }
                        LocalDate paidOn = command.paidOn() == null ? LocalDate.now(clock.withZone(settings.timeZone())) : command.paidOn();
                        UUID paymentId = UUID.randomUUID();
                        var events = i.pay(paymentId, command.amount(), paidOn, command.method(), TenantCalendars.of(settings));
                        PaymentEntity p = new PaymentEntity();
                        p.id = paymentId;
                        p.tenantId = tenantId;
                        p.installmentId = installmentId;
                        p.amount = command.amount().amount();
                        p.currency = command.amount().currency();
                        p.method = command.method();
                        p.externalId = command.externalId();
                        p.paidOn = paidOn;
                        p.createdAt = clock.instant();
                        return receivables.addPayment(p)
                                .chain(() -> receivables.update(i, clock.instant()))
                                .chain(() -> outbox.appendAll(events))
                                .replaceWith(new PaymentResult(paymentId, false, i));
                    });
                }));
    }

    public Uni<List<Installment>> installmentsOfContract(String tenantId, UUID contractId) {
        return receivables.installmentsOfContract(tenantId, contractId);
    }

    public Uni<List<Installment>> installmentsOfPayer(String tenantId, UUID payerId) {
        return receivables.installmentsOfPayer(tenantId, payerId);
    }

    /** Up to {@code limit} installments of a contract after the installment number {@code afterNumber} (null: from the first). */
    public Uni<List<Installment>> installmentsOfContract(String tenantId, UUID contractId, Integer afterNumber, int limit) {
        return receivables.installmentsOfContract(tenantId, contractId, afterNumber, limit);
    }

    /** Up to {@code limit} installments of a payer by due date after the keyset (due date, number, id), when given. */
    public Uni<List<Installment>> installmentsOfPayer(String tenantId, UUID payerId, LocalDate afterDueDate,
                                                      int afterNumber, UUID afterId, int limit) {
        return receivables.installmentsOfPayer(tenantId, payerId, afterDueDate, afterNumber, afterId, limit);
    }

    /** The tenant's bank calendar (national + state + city holidays); see {@link TenantCalendars}. */
    public Uni<BankCalendar> calendar(String tenantId) {
        return calendars.of(tenantId);
    }

    private Uni<TenantSettings> settings(String tenantId) {
        return tenants.settingsOf(tenantId).map(s -> {
            if (s == null) {
                throw new BusinessRuleException("tenant-settings-required",
                        "define the tenant's settings (PUT /api/billing/settings) first");
            }
            return s;
        });
    }
}
