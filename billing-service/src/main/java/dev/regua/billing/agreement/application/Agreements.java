package dev.regua.billing.agreement.application;

import dev.regua.billing.agreement.domain.Proposal;
import dev.regua.billing.agreement.domain.RenegotiationPolicy;
import dev.regua.billing.agreement.persistence.AgreementEntity;
import dev.regua.billing.agreement.persistence.AgreementRepository;
import dev.regua.billing.receivable.application.Payments;
import dev.regua.billing.receivable.application.ReceivableService;
import dev.regua.billing.receivable.domain.Contract;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentPlan;
import dev.regua.billing.receivable.domain.InstallmentStatus;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.AgreementBroken;
import dev.regua.contract.billing.AgreementCreated;
import dev.regua.contract.billing.AgreementPaid;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.kernel.money.Money;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Renegotiation (acordo): the tenant's policy, quotes, agreements replacing overdue installments with a new plan,
 * agreements paid, and agreements broken when the down payment is not paid in time. Callers own the transaction.
 */
@ApplicationScoped
@Startup
public class Agreements {
    public static final String SEGMENT = "acordo";
    private final ReceivableService service;
    private final ReceivableRepository receivables;
    private final AgreementRepository agreements;
    private final Payments payments;
    private final OutboxWriter outbox;
    private final Clock clock;

    public Agreements(ReceivableService service, ReceivableRepository receivables, AgreementRepository agreements,
                      Payments payments, OutboxWriter outbox, Clock clock) {
        this.service = service;
        this.receivables = receivables;
        this.agreements = agreements;
        this.payments = payments;
        this.outbox = outbox;
        this.clock = clock;
        payments.afterPayment(this::whenPaid);
    }

    /** The tenant's policy and whether it is the default. */
    public record Policy(RenegotiationPolicy policy, boolean isDefault) {
    }

    public record Request(UUID payerId, List<UUID> installmentIds, int installments, Money downPayment, LocalDate firstDueDate) {
    }

    public record Created(AgreementEntity agreement, Proposal proposal, List<Installment> plan) {
    }

    public record Details(AgreementEntity agreement, List<UUID> originals, List<Installment> plan) {
    }

    public Uni<Policy> policy(String tenantId) {
        return service.settings(tenantId).chain(s -> agreements.policyOf(tenantId))
                .map(p -> p == null ? new Policy(RenegotiationPolicy.DEFAULT, true) : new Policy(p, false));
    }

    public Uni<Policy> changePolicy(String tenantId, RenegotiationPolicy policy) {
        return service.settings(tenantId).chain(s -> agreements.savePolicy(tenantId, policy, clock.instant()))
                .replaceWith(new Policy(policy, false));
    }

    /** What an agreement for these installments would be today; writes nothing. */
    public Uni<Proposal> quote(String tenantId, Request request) {
        return prepare(tenantId, request, false).map(Prepared::proposal);
    }

    /**
     * Makes the agreement: the originals become RENEGOTIATED, a new INSTALLMENT_PLAN contract holds the down payment
     * (installment 0, due on the deadline) and the N installments. Events: agreement.created, installment.renegotiated
     * for each original, contract.activated, installment.created for each new installment.
     */
    public Uni<Created> create(String tenantId, Request request) {
        return prepare(tenantId, request, true).chain(prepared -> {
            Proposal p = prepared.proposal();
            TenantSettings settings = prepared.settings();
            LocalDate today = prepared.today();
            UUID agreementId = UUID.randomUUID();
            UUID contractId = UUID.randomUUID();
            var terms = service.terms(settings, null, null, null);
            InstallmentPlan plan = InstallmentPlan.create(contractId, tenantId, request.payerId(), "Acordo " + agreementId,
                    p.total(), new InstallmentPlan.DownPayment(p.downPayment(), p.downPaymentDeadline()), p.installments(),
                    p.firstDueDate(), terms, null, settings.remainderPolicy(), TenantCalendars.of(settings));
            Contract contract = Contract.activeFrom(contractId, tenantId, request.payerId(), Contract.Kind.INSTALLMENT_PLAN,
                    "Acordo " + agreementId, p.total(), p.installments(), terms, null,
                    new Contract.Agreement(SEGMENT, today, "agreement:" + agreementId), today);
            List<RegisteredEvent> events = new ArrayList<>();
            List<String> originalIds = p.lines().stream().map(l -> l.installment().id().toString()).toList();
            events.add(new AgreementCreated(UUID.randomUUID().toString(), tenantId, request.payerId().toString(),
                    agreementId.toString(), contractId.toString(), originalIds, brl(p.originalDebt()), brl(p.discount()),
                    brl(p.total()), brl(p.downPayment()), p.installments(), p.downPaymentDeadline(), today));
            for (var line : p.lines()) {
                events.add(line.installment().renegotiate(agreementId, today));
            }
            events.add(contract.activatedEvent());
            plan.installments().forEach(i -> events.add(i.createdEvent()));

            AgreementEntity a = new AgreementEntity();
            a.id = agreementId;
            a.tenantId = tenantId;
            a.payerId = request.payerId();
            a.contractId = contractId;
            a.status = "ACTIVE";
            a.originalDebt = p.originalDebt().amount();
            a.discount = p.discount().amount();
            a.total = p.total().amount();
            a.downPayment = p.downPayment().amount();
            a.installmentCount = p.installments();
            a.downPaymentDeadline = p.downPaymentDeadline();
            a.createdOn = today;
            a.createdAt = clock.instant();
            Uni<Void> writes = receivables.addPlan(contract, plan, clock.instant())
                    .chain(() -> agreements.add(a, p.lines().stream().map(l -> l.installment().id()).toList()));
            for (var line : p.lines()) {
                writes = writes.chain(() -> receivables.update(line.installment(), clock.instant()));
            }
            return writes.chain(() -> outbox.appendAll(events))
                    .chain(() -> payments.applyCredit(tenantId, request.payerId(), today))
                    .chain(() -> receivables.installmentsOfContract(tenantId, contractId))
                    .map(installments -> new Created(a, p, installments));
        });
    }

    public Uni<Details> get(String tenantId, UUID agreementId) {
        return agreements.find(tenantId, agreementId, false).chain(a -> {
            if (a == null) {
                throw new ResourceNotFoundException("agreement " + agreementId + " not found");
            }
            return agreements.originalsOf(tenantId, agreementId).chain(originals ->
                    receivables.installmentsOfContract(tenantId, a.contractId).map(plan -> new Details(a, originals, plan)));
        });
    }

    private record Prepared(TenantSettings settings, LocalDate today, Proposal proposal) {
    }

    private Uni<Prepared> prepare(String tenantId, Request request, boolean lock) {
        if (request.installmentIds() == null || request.installmentIds().isEmpty()) {
            throw new InvalidInputException("installmentIds", "must name at least one overdue installment");
        }
        if (new HashSet<>(request.installmentIds()).size() != request.installmentIds().size()) {
            throw new InvalidInputException("installmentIds", "must not repeat an installment");
        }
        return service.settings(tenantId).chain(settings -> policy(tenantId).chain(policy -> {
            return receivables.lockPayer(tenantId, request.payerId()).chain(exists -> {
                if (!exists) {
                    throw new ResourceNotFoundException("payer " + request.payerId() + " not found");
                }
                Uni<List<Installment>> chain = Uni.createFrom().item(new ArrayList<>());
                for (UUID id : request.installmentIds()) {
                    chain = chain.chain(list -> (lock ? receivables.lockInstallment(tenantId, id)
                            : receivables.findInstallment(tenantId, id)).map(i -> {
                        if (i == null || !i.payerId().equals(request.payerId())) {
                            throw new ResourceNotFoundException("installment " + id + " of payer " + request.payerId() + " not found");
                        }
                        list.add(i);
                        return list;
                    }));
                }
                return chain.map(originals -> {
                    LocalDate today = service.today(settings);
                    return new Prepared(settings, today, Proposal.of(policy.policy(), originals, today,
                            request.installments(), request.downPayment(), request.firstDueDate(), TenantCalendars.of(settings)));
                });
            });
        }));
    }

    /** After a payment: an agreement whose plan is now fully paid is PAID (agreement.paid). */
    Uni<Void> whenPaid(List<Installment> touched) {
        Set<UUID> contracts = new LinkedHashSet<>();
        touched.stream().filter(i -> i.status() == InstallmentStatus.PAID).forEach(i -> contracts.add(i.contractId()));
        if (contracts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String tenantId = touched.get(0).tenantId();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID contractId : contracts) {
            chain = chain.chain(() -> agreements.activeByContract(tenantId, contractId).chain(a -> {
                if (a == null) {
                    return Uni.createFrom().voidItem();
                }
                return receivables.installmentsOfContract(tenantId, contractId).chain(plan -> {
                    if (!plan.stream().allMatch(i -> i.status() == InstallmentStatus.PAID)) {
                        return Uni.createFrom().voidItem();
                    }
                    Money paid = Money.sum(plan.stream().map(Installment::paidAmount).toList());
                    LocalDate paidOn = plan.stream().map(Installment::paidOn).max(LocalDate::compareTo).orElseThrow();
                    a.status = "PAID";
                    a.downPaymentConfirmed = true;
                    a.closedOn = paidOn;
                    return outbox.append(new AgreementPaid(UUID.randomUUID().toString(), tenantId, a.payerId.toString(),
                            a.id.toString(), a.contractId.toString(), brl(paid), paidOn));
                });
            }));
        }
        return chain;
    }

    /**
     * Checks one agreement whose down payment deadline passed on {@code asOf}: a paid down payment confirms it;
     * otherwise it is broken: the plan's unpaid installments are cancelled (contract.cancelled, installment.cancelled
     * each) and the originals are owed again with their original due dates and charges (agreement.broken).
     * Answers the number of events published.
     */
    public Uni<Integer> check(AgreementEntity a, LocalDate asOf, int leadDays) {
        return service.calendar(a.tenantId).chain(calendar -> check(a, asOf, leadDays, calendar));
    }

    private Uni<Integer> check(AgreementEntity a, LocalDate asOf, int leadDays, BankCalendar calendar) {
        return receivables.lockPayer(a.tenantId, a.payerId)
                .chain(() -> receivables.lockInstallmentsOfContract(a.tenantId, a.contractId))
                .chain(plan -> {
                    Installment down = plan.stream().filter(i -> i.number() == 0).findFirst().orElseThrow();
                    if (down.status() == InstallmentStatus.PAID) {
                        a.downPaymentConfirmed = true;
                        return Uni.createFrom().item(0);
                    }
                    return receivables.findContractEntity(a.tenantId, a.contractId, true).chain(row -> {
                        Contract contract = ReceivableRepository.toDomain(row);
                        List<RegisteredEvent> events = new ArrayList<>();
                        return agreements.originalsOf(a.tenantId, a.id).chain(originalIds -> {
                            events.add(new AgreementBroken(UUID.randomUUID().toString(), a.tenantId, a.payerId.toString(),
                                    a.id.toString(), a.contractId.toString(), originalIds.stream().map(UUID::toString).toList(),
                                    "DOWN_PAYMENT_NOT_PAID", asOf));
                            // money paid on the plan (a partial down payment, an installment paid ahead) goes back to
                            // the payments it came from: the payer's credit, never lost with the cancelled plan
                            Uni<Void> writes = Uni.createFrom().voidItem();
                            for (Installment i : plan) {
                                if (i.paidAmount().isPositive()) {
                                    writes = writes.chain(() -> payments.returnToCredit(a.tenantId, i, asOf, leadDays, calendar)).replaceWithVoid();
                                }
                            }
                            return writes.chain(() -> {
                            if (contract.status() != Contract.Status.CANCELLED) {
                                events.addAll(contract.cancel("AGREEMENT_BROKEN", asOf, plan));
                            }
                            for (Installment i : plan) {
                                if (!i.status().isSettled()) {
                                    events.add(i.cancel("AGREEMENT_BROKEN", asOf));
                                }
                            }
                            ReceivableRepository.copy(contract, row);
                            a.status = "BROKEN";
                            a.closedOn = asOf;
                            Uni<Void> updates = Uni.createFrom().voidItem();
                            for (Installment i : plan) {
                                updates = updates.chain(() -> receivables.update(i, clock.instant()));
                            }
                            for (UUID id : originalIds) {
                                updates = updates.chain(() -> receivables.lockInstallment(a.tenantId, id).chain(original -> {
                                    original.restoreAfterBrokenAgreement(asOf, leadDays, calendar);
                                    return receivables.update(original, clock.instant());
                                }));
                            }
                            return updates.chain(() -> outbox.appendAll(events)).replaceWith(events.size());
                            });
                        });
                    });
                });
    }

    private static MoneyAmount brl(Money m) {
        return MoneyAmount.brl(m.amount());
    }
}
