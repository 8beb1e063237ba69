package dev.regua.billing.receivable.application;

import dev.regua.billing.payer.persistence.PayerRepository;
import dev.regua.billing.receivable.domain.Contract;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.MonthlyFee;
import dev.regua.billing.receivable.persistence.ContractEntity;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.billing.tenant.persistence.TenantEntity;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.billing.tenant.domain.PunctualityDiscountRule;
import dev.regua.kernel.charges.ChargeTerms;
import dev.regua.kernel.money.Money;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Monthly fees (mensalidades): creation, and a scheduled job that keeps every active fee generated
 * {@code regua.billing.monthly-fee.horizon-months} ahead of the tenant's current month. Generation is idempotent:
 * a contract remembers the month it was generated through.
 */
@ApplicationScoped
public class MonthlyFees {
    private static final Logger LOG = Logger.getLogger(MonthlyFees.class);
    private static final UUID NO_ID = new UUID(0, 0);
    private final TenantRepository tenants;
    private final PayerRepository payers;
    private final ReceivableRepository receivables;
    private final ReceivableService service;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int horizonMonths;
    private final Payments payments;

    public MonthlyFees(TenantRepository tenants, PayerRepository payers, ReceivableRepository receivables,
                       ReceivableService service, OutboxWriter outbox, Clock clock, Payments payments,
                       @ConfigProperty(name = "regua.billing.monthly-fee.horizon-months", defaultValue = "2") int horizonMonths) {
        this.tenants = tenants;
        this.payers = payers;
        this.receivables = receivables;
        this.service = service;
        this.outbox = outbox;
        this.clock = clock;
        this.horizonMonths = horizonMonths;
        this.payments = payments;
    }

    public record NewMonthlyFee(UUID payerId, String description, Money amount, int dueDay, YearMonth start, YearMonth end,
                                java.math.BigDecimal finePercent, java.math.BigDecimal monthlyInterestPercent,
                                Integer graceDays, Contract.Agreement agreement,
                                java.util.Optional<PunctualityDiscountRule> punctualityDiscount) {
    }

    public record Created(Contract contract, MonthlyFee fee, List<Installment> installments) {
    }

    public Uni<Created> create(String tenantId, NewMonthlyFee request) {
        return tenants.settingsOf(tenantId).chain(settings -> {
            if (settings == null) {
                throw new BusinessRuleException("tenant-settings-required", "define the tenant's settings (PUT /api/billing/settings) first");
            }
            return payers.findForTenant(tenantId, request.payerId()).chain(payer -> {
                if (payer == null) {
                    throw new ResourceNotFoundException("payer " + request.payerId() + " not found");
                }
                java.time.LocalDate today = service.today(settings);
                service.requireSignedByToday(request.agreement(), today);
                ChargeTerms terms = service.terms(settings, request.finePercent(), request.monthlyInterestPercent(), request.graceDays());
                PunctualityDiscountRule discount = service.discountRule(settings, request.punctualityDiscount());
                MonthlyFee fee = new MonthlyFee(UUID.randomUUID(), tenantId, payer.id(), request.amount(), request.dueDay(),
                        request.start(), request.end(), terms, discount);
                YearMonth horizon = horizon(settings.timeZone());
                List<Installment> installments = fee.generate(null, horizon, TenantCalendars.of(settings));
                YearMonth through = installments.isEmpty() ? null : YearMonth.from(installments.get(installments.size() - 1).originalDueDate());
                Contract contract = Contract.activeFrom(fee.contractId(), tenantId, payer.id(), Contract.Kind.MONTHLY_FEE,
                        request.description(), fee.amount(), fee.count(), terms, discount, request.agreement(), today);
                return receivables.addMonthlyFee(contract, fee, installments, through, clock.instant())
                        .chain(() -> outbox.append(contract.activatedEvent()))
                        .chain(() -> outbox.appendAll(installments.stream().map(Installment::createdEvent).toList()))
                        .replaceWith(new Created(contract, fee, installments));
            });
        });
    }

    private YearMonth horizon(ZoneId zone) {
        return YearMonth.now(clock.withZone(zone)).plusMonths(horizonMonths);
    }

    @Scheduled(every = "${regua.billing.monthly-fee.interval:1h}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return extendAll().onFailure().invoke(e -> LOG.warn("monthly-fee generation failed; it will run again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Generates every active fee up to its tenant's horizon; answers how many installments were created. */
    public Uni<Integer> extendAll() {
        return Panache.withSession(tenants::allTenants).chain(list -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (TenantEntity t : list) {
                ZoneId zone = ZoneId.of(t.timeZone);
                chain = chain.chain(total -> extendTenant(t.tenantId, horizon(zone), zone, NO_ID).map(n -> total + n));
            }
            return chain;
        });
    }

    private Uni<Integer> extendTenant(String tenantId, YearMonth horizon, ZoneId zone, UUID after) {
        return Panache.withTransaction(() -> service.calendar(tenantId).chain(calendar -> receivables.monthlyFeesBehind(tenantId, horizon, after, 100).chain(contracts -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
            for (ContractEntity c : contracts) {
                chain = chain.chain(total -> extend(c, horizon, calendar, today).map(n -> total + n));
            }
            UUID last = contracts.isEmpty() ? null : contracts.get(contracts.size() - 1).id;
            return chain.map(n -> new Batch(n, contracts.size(), last));
        }))).chain(batch -> batch.size() < 100 ? Uni.createFrom().item(batch.created())
                : extendTenant(tenantId, horizon, zone, batch.last()).map(n -> n + batch.created()));
    }

    private record Batch(int created, int size, UUID last) {
    }

    /** Generates the fee's next months; the payer's credit, if any, pays them (oldest due date first). */
    private Uni<Integer> extend(ContractEntity c, YearMonth horizon, BankCalendar calendar, java.time.LocalDate today) {
        MonthlyFee fee = new MonthlyFee(c.id, c.tenantId, c.payerId, Money.of(c.totalAmount), c.dueDay,
                YearMonth.from(c.startMonth), c.endMonth == null ? null : YearMonth.from(c.endMonth),
                ChargeTerms.of(c.finePercent, c.monthlyInterestPercent).withGraceDays(c.graceDays),
                ReceivableRepository.discountRule(c));
        List<Installment> installments = fee.generate(c.generatedThrough == null ? null : YearMonth.from(c.generatedThrough),
                horizon, calendar);
        if (installments.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        c.generatedThrough = YearMonth.from(installments.get(installments.size() - 1).originalDueDate()).atDay(1);
        return receivables.addInstallments(installments, clock.instant())
                .chain(() -> outbox.appendAll(installments.stream().map(Installment::createdEvent).toList()))
                .chain(() -> payments.applyCredit(c.tenantId, c.payerId, today))
                .replaceWith(installments.size());
    }
}
