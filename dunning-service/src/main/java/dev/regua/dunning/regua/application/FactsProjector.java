package dev.regua.dunning.regua.application;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.dunning.regua.domain.InstallmentFacts;
import dev.regua.dunning.regua.domain.InstallmentFacts.BillingStatus;
import dev.regua.dunning.regua.domain.ReguaPolicy;
import dev.regua.dunning.regua.domain.Schedule;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.dunning.regua.persistence.PayerEntity;
import dev.regua.dunning.regua.persistence.TenantProfileEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Applies one billing fact to dunning's read model and recomputes the installment's schedule from the facts.
 * Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class FactsProjector {
    private final DunningRepository repository;
    private final PolicyProvider policies;
    private final Clock clock;

    public FactsProjector(DunningRepository repository, PolicyProvider policies, Clock clock) {
        this.repository = repository;
        this.policies = policies;
        this.clock = clock;
    }

    public Uni<Void> apply(RegisteredEvent event) {
        return switch (event) {
            case TenantProfileUpdated e -> tenant(e);
            case PayerRegistered e -> payer(e.tenantId(), e.payerId(), e.name(), e.email(), e.mobile(), e.state());
            case PayerUpdated e -> payer(e.tenantId(), e.payerId(), e.name(), e.email(), e.mobile(), e.state());
            case InstallmentCreated e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.OPEN, null, null);
            case InstallmentDue e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.DUE, null, null);
            case InstallmentOverdue e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.OVERDUE, e.overdueSince(), null);
            case InstallmentPartiallyPaid e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.PARTIALLY_PAID, null, null);
            case InstallmentPaid e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.PAID, null, e.paidOn());
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> tenant(TenantProfileUpdated e) {
        return repository.tenant(e.tenantId()).chain(existing -> {
            TenantProfileEntity t = existing == null ? new TenantProfileEntity() : existing;
            t.tenantId = e.tenantId();
            t.legalName = e.legalName();
            t.tradeName = e.tradeName();
            t.cnpj = e.cnpj();
            t.addressLine = e.address().oneLine();
            t.timeZone = e.timeZone();
            t.vertical = e.vertical();
            t.updatedAt = clock.instant();
            return existing == null ? repository.persist(t) : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> payer(String tenantId, String payerId, String name, String email, String mobile, String state) {
        UUID id = UUID.fromString(payerId);
        return repository.payer(tenantId, id).chain(existing -> {
            PayerEntity p = existing == null ? new PayerEntity() : existing;
            p.payerId = id;
            p.tenantId = tenantId;
            p.name = name;
            p.email = email;
            p.mobile = mobile;
            p.state = state;
            p.updatedAt = clock.instant();
            return existing == null ? repository.persist(p) : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> installment(String tenantId, String payerId, InstallmentView view, BillingStatus reported,
                                  LocalDate overdueSince, LocalDate paidOn) {
        UUID id = UUID.fromString(view.installmentId());
        return repository.installment(tenantId, id).chain(existing -> {
            InstallmentFactEntity f = existing == null ? new InstallmentFactEntity() : existing;
            BillingStatus merged = existing == null ? reported : BillingStatus.valueOf(existing.status).merge(reported);
            f.installmentId = id;
            f.tenantId = tenantId;
            f.payerId = UUID.fromString(payerId);
            f.contractId = UUID.fromString(view.contractId());
            f.number = view.number();
            f.count = view.count();
            f.nominal = view.nominal().value();
            f.originalDueDate = view.originalDueDate();
            f.dueDate = view.dueDate();
            f.finePercent = view.terms().finePercent();
            f.monthlyInterestPercent = view.terms().monthlyInterestPercent();
            f.graceDays = view.terms().graceDays();
            f.status = merged.name();
            java.math.BigDecimal reportedPaid = view.paidAmount() == null ? java.math.BigDecimal.ZERO : view.paidAmount().value();
            f.paidAmount = f.paidAmount == null || reportedPaid.compareTo(f.paidAmount) > 0 ? reportedPaid : f.paidAmount;
            if (overdueSince != null) {
                f.overdueSince = overdueSince;
            }
            if (paidOn != null) {
                f.paidOn = paidOn;
            }
            f.updatedAt = clock.instant();
            Uni<Void> saved = existing == null ? repository.persist(f) : Uni.createFrom().voidItem();
            InstallmentFacts facts = new InstallmentFacts(view.installmentId(), tenantId, payerId, f.dueDate, merged);
            return saved.chain(() -> reschedule(facts, f.payerId, id));
        });
    }

    private Uni<Void> reschedule(InstallmentFacts facts, UUID payerId, UUID installmentId) {
        ReguaPolicy policy = policies.policyFor(facts.tenantId());
        Schedule.Plan plan = Schedule.recompute(policy, facts);
        if (plan.cancelPending()) {
            return repository.cancelPending(facts.tenantId(), installmentId, null,
                    "installment " + facts.status().name().toLowerCase(), clock.instant()).replaceWithVoid();
        }
        Uni<Void> chain = repository.cancelPending(facts.tenantId(), installmentId, plan.cancelStepCodes(),
                "no longer applies: installment overdue", clock.instant()).replaceWithVoid();
        for (Schedule.Planned planned : plan.ensure()) {
            chain = chain.chain(() -> repository.ensureStep(facts.tenantId(), payerId, installmentId, planned, clock.instant()));
        }
        return chain;
    }
}
