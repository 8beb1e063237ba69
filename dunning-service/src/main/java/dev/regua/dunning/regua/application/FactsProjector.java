package dev.regua.dunning.regua.application;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.Address;
import dev.regua.contract.billing.AgreementBroken;
import dev.regua.contract.billing.AgreementCreated;
import dev.regua.contract.billing.AgreementPaid;
import dev.regua.contract.billing.ContractActivated;
import dev.regua.contract.billing.InstallmentCancelled;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.contract.billing.InstallmentRenegotiated;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.billing.InstallmentWrittenOff;
import dev.regua.contract.billing.PayerConsent;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.contract.billing.PaymentReversed;
import dev.regua.contract.billing.ResponsiblePerson;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.dunning.regua.domain.InstallmentFacts;
import dev.regua.dunning.regua.domain.InstallmentFacts.BillingStatus;
import dev.regua.dunning.regua.domain.ReguaPolicy;
import dev.regua.dunning.regua.domain.Schedule;
import dev.regua.dunning.regua.domain.Segment;
import dev.regua.dunning.regua.persistence.AgreementFactEntity;
import dev.regua.dunning.regua.persistence.CaseRepository;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.InstallmentFactEntity;
import dev.regua.dunning.regua.persistence.PayerEntity;
import dev.regua.dunning.regua.persistence.TenantProfileEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Applies one billing fact to dunning's read model, recomputes the installment's schedule and then the payer's case
 * from the facts. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class FactsProjector {
    private final DunningRepository repository;
    private final CaseRepository caseRepository;
    private final Policies policies;
    private final Cases cases;
    private final Commands commands;
    private final Clock clock;

    public FactsProjector(DunningRepository repository, CaseRepository caseRepository, Policies policies, Cases cases,
                          Commands commands, Clock clock) {
        this.repository = repository;
        this.caseRepository = caseRepository;
        this.policies = policies;
        this.cases = cases;
        this.commands = commands;
        this.clock = clock;
    }

    public Uni<Void> apply(RegisteredEvent event) {
        return switch (event) {
            case TenantProfileUpdated e -> tenant(e);
            case PayerRegistered e -> payer(e.tenantId(), e.payerId(), e.name(), e.taxId(), e.email(), e.mobile(), e.state(),
                    e.whatsapp(), e.address(), e.consent(), e.responsible(), e.tags());
            case PayerUpdated e -> payer(e.tenantId(), e.payerId(), e.name(), e.taxId(), e.email(), e.mobile(), e.state(),
                    e.whatsapp(), e.address(), e.consent(), e.responsible(), e.tags());
            case ContractActivated e -> caseRepository.upsertContract(e.tenantId(), UUID.fromString(e.contractId()),
                    UUID.fromString(e.payerId()), e.kind(), e.segment(), clock.instant());
            case InstallmentCreated e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.OPEN, null, null, null);
            case InstallmentDue e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.DUE, null, null, null);
            case InstallmentOverdue e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.OVERDUE, e.overdueSince(), null, null);
            case InstallmentPartiallyPaid e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.PARTIALLY_PAID, null, null, null);
            case InstallmentPaid e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.PAID, null, e.paidOn(), "PAID");
            case InstallmentCancelled e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.CANCELLED, null, null, "CANCELLED");
            case InstallmentWrittenOff e -> installment(e.tenantId(), e.payerId(), e.installment(), BillingStatus.WRITTEN_OFF, null, null, "WRITTEN_OFF");
            case InstallmentRenegotiated e -> renegotiated(e);
            case PaymentReversed e -> reversed(e);
            case AgreementCreated e -> agreement(e.tenantId(), e.payerId(), e.agreementId(), e.contractId(), "CREATED",
                    e.originalInstallmentIds(), e.total().value(), "AGREEMENT_CREATED", "agreement created: "
                            + e.originalInstallmentIds().size() + " installment(s) replaced, total " + CaseMath.brl(e.total().value())
                            + ", down payment " + CaseMath.brl(e.downPayment().value()) + " by " + e.downPaymentDeadline(), e.createdOn());
            case AgreementPaid e -> agreement(e.tenantId(), e.payerId(), e.agreementId(), e.contractId(), "PAID", null, null,
                    "AGREEMENT_PAID", "agreement paid: " + CaseMath.brl(e.totalPaid().value()), e.paidOn());
            case AgreementBroken e -> agreement(e.tenantId(), e.payerId(), e.agreementId(), e.contractId(), "BROKEN",
                    e.originalInstallmentIds(), null, "AGREEMENT_BROKEN", "agreement broken (" + e.reason()
                            + "): the original installments are owed again", e.brokenOn());
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
            t.state = e.address().state();
            t.calendarState = e.calendarState();
            t.cityHolidays = Calendars.write(e.cityHolidays());
            t.timeZone = e.timeZone();
            t.vertical = e.vertical();
            t.updatedAt = clock.instant();
            return (existing == null ? repository.persist(t) : Uni.createFrom().voidItem())
                    .chain(() -> policies.ensureDefault(e.tenantId(), e.vertical()));
        });
    }

    private Uni<Void> payer(String tenantId, String payerId, String name, String taxId, String email, String mobile, String state,
                            String whatsapp, Address address, PayerConsent consent, ResponsiblePerson responsible, List<String> tags) {
        UUID id = UUID.fromString(payerId);
        return repository.payer(tenantId, id).chain(existing -> {
            PayerEntity p = existing == null ? new PayerEntity() : existing;
            p.payerId = id;
            p.tenantId = tenantId;
            p.name = name;
            p.taxId = taxId;
            p.email = email;
            p.mobile = mobile;
            p.state = state;
            p.whatsapp = whatsapp;
            p.address = commands.addressJson(address);
            p.tags = tags == null ? "" : String.join(",", tags);
            p.optedOutChannels = consent == null ? "" : String.join(",", consent.optedOutChannels());
            p.whatsappOptIn = consent != null && consent.whatsappOptIn();
            p.responsibleName = responsible == null ? null : responsible.name();
            p.responsibleEmail = responsible == null ? null : responsible.email();
            p.responsibleMobile = responsible == null ? null : responsible.mobile();
            p.updatedAt = clock.instant();
            return existing == null ? repository.persist(p) : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> installment(String tenantId, String payerId, InstallmentView view, BillingStatus reported,
                                  LocalDate overdueSince, LocalDate paidOn, String closeReason) {
        UUID id = UUID.fromString(view.installmentId());
        return repository.installment(tenantId, id).chain(existing -> {
            BillingStatus before = existing == null ? null : BillingStatus.valueOf(existing.status);
            BillingStatus merged = existing == null ? reported : before.merge(reported);
            InstallmentFactEntity f = project(existing, tenantId, payerId, view, merged);
            BigDecimal reportedPaid = view.paidAmount() == null ? BigDecimal.ZERO : view.paidAmount().value();
            f.paidAmount = f.paidAmount == null || reportedPaid.compareTo(f.paidAmount) > 0 ? reportedPaid : f.paidAmount;
            if (overdueSince != null) {
                f.overdueSince = overdueSince;
            }
            if (paidOn != null) {
                f.paidOn = paidOn;
            }
            Uni<Void> saved = existing == null ? repository.persist(f) : Uni.createFrom().voidItem();
            return saved.chain(() -> reschedule(f))
                    .chain(() -> cases.recompute(tenantId, f.payerId, closeReason))
                    .chain(() -> factTimeline(f, before, merged));
        });
    }

    private InstallmentFactEntity project(InstallmentFactEntity existing, String tenantId, String payerId, InstallmentView view,
                                          BillingStatus status) {
        InstallmentFactEntity f = existing == null ? new InstallmentFactEntity() : existing;
        f.installmentId = UUID.fromString(view.installmentId());
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
        boolean discounted = view.terms().hasPunctualityDiscount() && view.terms().punctualityDiscountUntil() != null;
        f.punctualityDiscountPercent = discounted ? view.terms().punctualityDiscountPercent() : null;
        f.punctualityDiscountUntil = discounted ? view.terms().punctualityDiscountUntil() : null;
        f.status = status.name();
        f.updatedAt = clock.instant();
        return f;
    }

    /** Billing's facts on the case timeline, once each whatever the number of deliveries. */
    private Uni<Void> factTimeline(InstallmentFactEntity f, BillingStatus before, BillingStatus after) {
        if (after == before || !(after == BillingStatus.PAID || after == BillingStatus.OVERDUE || after == BillingStatus.CANCELLED
                || after == BillingStatus.WRITTEN_OFF)) {
            return Uni.createFrom().voidItem();
        }
        String what = "installment " + f.number + "/" + f.count + " (" + CaseMath.brl(f.nominal) + ", due " + f.dueDate + ") "
                + after.name().toLowerCase().replace('_', ' ') + (after == BillingStatus.PAID && f.paidOn != null ? " on " + f.paidOn : "");
        LocalDate day = after == BillingStatus.PAID && f.paidOn != null ? f.paidOn
                : after == BillingStatus.OVERDUE && f.overdueSince != null ? f.overdueSince : null;
        return factTime(f.tenantId, day).chain(at -> cases.onLatest(f.tenantId, f.payerId, at, "INSTALLMENT_" + after.name(), what,
                f.installmentId.toString(), "billing", "installment:" + f.installmentId + ":" + after.name()));
    }

    /** A fact dated by billing goes on the timeline at the start of that day (so event order does not matter). */
    private Uni<Instant> factTime(String tenantId, LocalDate day) {
        if (day == null) {
            return Uni.createFrom().item(clock.instant());
        }
        return repository.tenant(tenantId).map(t -> {
            Instant start = day.atStartOfDay(ZoneId.of(t == null ? Cases.DEFAULT_ZONE : t.timeZone)).toInstant();
            return start.isAfter(clock.instant()) ? clock.instant() : start;
        });
    }

    private Uni<Void> renegotiated(InstallmentRenegotiated e) {
        UUID id = UUID.fromString(e.installment().installmentId());
        return repository.installment(e.tenantId(), id).chain(existing -> {
            BillingStatus status = existing == null ? BillingStatus.OVERDUE : BillingStatus.valueOf(existing.status);
            InstallmentFactEntity f = project(existing, e.tenantId(), e.payerId(), e.installment(),
                    status.settled() ? status : BillingStatus.OVERDUE);
            if (f.paidAmount == null) {
                f.paidAmount = BigDecimal.ZERO;
            }
            f.agreementId = UUID.fromString(e.agreementId());
            Uni<Void> saved = existing == null ? repository.persist(f) : Uni.createFrom().voidItem();
            return saved.chain(() -> cases.recompute(e.tenantId(), f.payerId, "AGREEMENT"));
        });
    }

    /** A reversed payment makes the installments owed again: the one fact allowed to move a status backwards. */
    private Uni<Void> reversed(PaymentReversed e) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        UUID payerId = UUID.fromString(e.payerId());
        for (InstallmentView view : e.installments()) {
            chain = chain.chain(() -> repository.installment(e.tenantId(), UUID.fromString(view.installmentId())).chain(existing -> {
                BillingStatus reported;
                try {
                    reported = BillingStatus.valueOf(view.status());
                } catch (IllegalArgumentException ex) {
                    reported = BillingStatus.OVERDUE;
                }
                InstallmentFactEntity f = project(existing, e.tenantId(), e.payerId(), view, reported);
                f.paidAmount = view.paidAmount() == null ? BigDecimal.ZERO : view.paidAmount().value();
                f.paidOn = null;
                Uni<Void> saved = existing == null ? repository.persist(f) : Uni.createFrom().voidItem();
                return saved.chain(() -> reschedule(f));
            }));
        }
        return chain.chain(() -> cases.recompute(e.tenantId(), payerId, null))
                .chain(() -> cases.onLatest(e.tenantId(), payerId, clock.instant(), "PAYMENT_REVERSED", "payment of "
                        + CaseMath.brl(e.amount().value()) + " by " + e.method() + " reversed: " + e.reason(), e.paymentId(),
                        "billing", "reversed:" + e.paymentId()));
    }

    private Uni<Void> agreement(String tenantId, String payerId, String agreementId, String contractId, String status,
                                List<String> originals, BigDecimal total, String kind, String detail, LocalDate day) {
        UUID id = UUID.fromString(agreementId);
        UUID payer = UUID.fromString(payerId);
        return caseRepository.agreement(tenantId, id).chain(existing -> {
            AgreementFactEntity a = existing == null ? new AgreementFactEntity() : existing;
            a.agreementId = id;
            a.tenantId = tenantId;
            a.payerId = payer;
            if (contractId != null) {
                a.contractId = UUID.fromString(contractId);
            }
            // CREATED < PAID, BROKEN: a late CREATED never reopens a settled agreement
            if (existing == null || "CREATED".equals(existing.status)) {
                a.status = status;
            }
            if (originals != null && !originals.isEmpty()) {
                a.originalIds = String.join(",", originals);
            }
            if (total != null) {
                a.total = total;
            }
            a.updatedAt = clock.instant();
            Uni<Void> saved = existing == null ? repository.persist(a) : Uni.createFrom().voidItem();
            Uni<Void> marked = Uni.createFrom().voidItem();
            if (originals != null && "CREATED".equals(status)) {
                for (String original : originals) {
                    marked = marked.chain(() -> repository.installment(tenantId, UUID.fromString(original)).invoke(i -> {
                        if (i != null) {
                            i.agreementId = id;
                        }
                    }).replaceWithVoid());
                }
            }
            Uni<Void> originalsMarked = marked;
            String reason = "PAID".equals(status) ? "AGREEMENT" : null;
            return saved.chain(() -> originalsMarked)
                    .chain(() -> cases.recompute(tenantId, payer, reason))
                    .chain(() -> factTime(tenantId, day))
                    .chain(at -> cases.onLatest(tenantId, payer, at, kind, detail, agreementId, "billing", "agreement:" + agreementId + ":" + status))
                    .chain(() -> "BROKEN".equals(status) ? rescheduleAll(tenantId, payer, originals) : Uni.createFrom().voidItem());
        });
    }

    /** After an agreement breaks, the originals' schedules are recomputed (their held steps resume). */
    private Uni<Void> rescheduleAll(String tenantId, UUID payerId, List<String> originals) {
        return caseRepository.installmentsOfPayer(tenantId, payerId).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (InstallmentFactEntity f : list) {
                boolean original = originals != null && originals.contains(f.installmentId.toString());
                chain = chain.chain(() -> reschedule(f, original));
            }
            return chain;
        });
    }

    /** The policy an installment follows: its payer's case's, else the one its segment chooses. */
    public Uni<ReguaPolicy> policyFor(InstallmentFactEntity f) {
        return caseRepository.openCase(f.tenantId, f.payerId).chain(open -> {
            Uni<ReguaPolicy> ofCase = open == null ? Uni.createFrom().nullItem() : policies.currentOrNull(f.tenantId, open.policyCode);
            return ofCase.chain(p -> p != null ? Uni.createFrom().item(p) : select(f));
        });
    }

    private Uni<ReguaPolicy> select(InstallmentFactEntity f) {
        return repository.tenant(f.tenantId).chain(tenant -> repository.payer(f.tenantId, f.payerId)
                .chain(payer -> caseRepository.contract(f.tenantId, f.contractId)
                        .chain(contract -> caseRepository.installmentsOfPayer(f.tenantId, f.payerId).chain(all -> {
                            Segment.Facts facts = new Segment.Facts(contract == null ? null : (String) contract[0],
                                    contract == null ? null : (String) contract[1], CaseMath.outstanding(all),
                                    payer == null ? List.of() : Cases.tags(payer), CaseMath.punctuality(all, Calendars.of(tenant)));
                            return policies.select(f.tenantId, tenant == null ? null : tenant.vertical, facts);
                        }))));
    }

    Uni<Void> reschedule(InstallmentFactEntity f) {
        return reschedule(f, false);
    }

    /** Recomputes the installment's schedule; {@code resumeHeld}: steps held by an agreement go back to their time. */
    Uni<Void> reschedule(InstallmentFactEntity f, boolean resumeHeld) {
        return repository.tenant(f.tenantId).chain(tenant -> policyFor(f).chain(policy -> {
            InstallmentFacts facts = new InstallmentFacts(f.installmentId.toString(), f.tenantId, f.payerId.toString(), f.dueDate,
                    BillingStatus.valueOf(f.status));
            Schedule.Plan plan = Schedule.recompute(policy, facts, Calendars.of(tenant));
            Instant now = clock.instant();
            if (plan.cancelPending()) {
                return repository.cancelPending(f.tenantId, f.installmentId, null,
                        "installment " + facts.status().name().toLowerCase().replace('_', ' '), now).replaceWithVoid();
            }
            List<String> codes = policy.steps().stream().map(dev.regua.dunning.regua.domain.PolicyStep::code).toList();
            Uni<Void> chain = repository.cancelPending(f.tenantId, f.installmentId, plan.cancelStepCodes(),
                            "no longer applies: installment overdue", now)
                    .chain(() -> repository.cancelPendingNotIn(f.tenantId, f.installmentId, codes,
                            "step no longer in policy " + policy.code() + " v" + policy.version(), now)).replaceWithVoid();
            for (Schedule.Planned planned : plan.ensure()) {
                chain = chain.chain(() -> repository.ensureStep(f.tenantId, f.payerId, f.installmentId, planned, policy.code(),
                        policy.version(), now));
                if (resumeHeld) {
                    chain = chain.chain(() -> repository.resumeHeld(f.tenantId, f.installmentId, planned.stepCode(),
                            planned.effectiveLocal()).replaceWithVoid());
                }
            }
            return chain;
        }));
    }
}
