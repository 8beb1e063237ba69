package dev.regua.billing.receivable.application;

import dev.regua.billing.payer.persistence.PayerRepository;
import dev.regua.billing.receivable.domain.Contract;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentPlan;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.charges.AmountDue;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
                          BigDecimal finePercent, BigDecimal monthlyInterestPercent, Integer graceDays,
                          InstallmentPlan.DownPayment downPayment, Contract.Agreement agreement,
                          Optional<PunctualityDiscountRule> punctualityDiscount) {
        public NewPlan(UUID payerId, String description, Money total, int installments, LocalDate firstDueDate,
                       BigDecimal finePercent, BigDecimal monthlyInterestPercent, Integer graceDays) {
            this(payerId, description, total, installments, firstDueDate, finePercent, monthlyInterestPercent, graceDays,
                    null, Contract.Agreement.NONE, null);
        }
    }

    /** A contract created with its installments. */
    public record CreatedContract(Contract contract, InstallmentPlan plan) {
    }

    /** An installment plan (or, with {@code kind} ONE_OFF, a single charge): contract, installments and events. */
    public Uni<CreatedContract> createPlan(String tenantId, NewPlan request, Contract.Kind kind) {
        return settings(tenantId).chain(settings -> payers.findForTenant(tenantId, request.payerId()).chain(payer -> {
            if (payer == null) {
                throw new ResourceNotFoundException("payer " + request.payerId() + " not found");
            }
            LocalDate today = today(settings);
            requireSignedByToday(request.agreement(), today);
            ChargeTerms terms = terms(settings, request.finePercent(), request.monthlyInterestPercent(), request.graceDays());
            PunctualityDiscountRule discount = discountRule(settings, request.punctualityDiscount());
            UUID contractId = UUID.randomUUID();
            InstallmentPlan plan = InstallmentPlan.create(contractId, tenantId, payer.id(), request.description(),
                    request.total(), request.downPayment(), request.installments(), request.firstDueDate(), terms,
                    discount, settings.remainderPolicy(), TenantCalendars.of(settings));
            Contract contract = Contract.activeFrom(contractId, tenantId, payer.id(), kind, request.description(),
                    request.total(), request.installments(), terms, discount, request.agreement(), today);
            return receivables.addPlan(contract, plan, clock.instant())
                    .chain(() -> outbox.append(contract.activatedEvent()))
                    .chain(() -> outbox.appendAll(plan.installments().stream().map(Installment::createdEvent).toList()))
                    .chain(() -> afterInstallmentsCreated(tenantId, payer.id(), today))
                    .replaceWith(new CreatedContract(contract, plan));
        }));
    }

    /** Runs after new installments of a payer were stored. */
    private Uni<Void> afterInstallmentsCreated(String tenantId, UUID payerId, LocalDate today) {
        return Uni.createFrom().voidItem();
    }

    public void requireSignedByToday(Contract.Agreement agreement, LocalDate today) {
        if (agreement != null && agreement.signedOn() != null && agreement.signedOn().isAfter(today)) {
            throw new InvalidInputException("signedOn", "must not be after today (" + today + ")");
        }
    }

    public LocalDate today(TenantSettings settings) {
        return LocalDate.now(clock.withZone(settings.timeZone()));
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

    /**
     * The contract's punctuality discount rule: {@code requested} when the request said (an empty Optional: explicitly
     * none), else (null) the tenant's default, which may be none too.
     */
    @SuppressWarnings("OptionalAssignedToNull")
    public PunctualityDiscountRule discountRule(TenantSettings settings, Optional<PunctualityDiscountRule> requested) {
        return requested == null ? settings.punctualityDiscount() : requested.orElse(null);
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

    public Uni<TenantSettings> settings(String tenantId) {
        return tenants.settingsOf(tenantId).map(s -> {
            if (s == null) {
                throw new BusinessRuleException("tenant-settings-required",
                        "define the tenant's settings (PUT /api/billing/settings) first");
            }
            return s;
        });
    }
}
