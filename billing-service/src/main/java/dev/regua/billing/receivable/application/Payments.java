package dev.regua.billing.receivable.application;

import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.PaymentAllocation;
import dev.regua.billing.receivable.domain.PaymentReversal;
import dev.regua.billing.receivable.persistence.PaymentEntity;
import dev.regua.billing.receivable.persistence.PaymentRepository;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.application.TenantCalendars;
import dev.regua.billing.tenant.domain.TenantSettings;
import dev.regua.contract.MoneyAmount;
import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.billing.PaymentReversed;
import dev.regua.kernel.money.Money;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Payments: applied to one installment or to a payer (oldest due date first unless installments are named), the
 * excess kept as the payer's credit and consumed by later installments and payments, and reversal (estorno). Each
 * (method, external id) is applied once per tenant; a repeat answers the original payment. Every use case locks the
 * payer's row first, so a payer's money changes one at a time. Callers own the transaction.
 */
@ApplicationScoped
public class Payments {
    private final ReceivableService service;
    private final ReceivableRepository receivables;
    private final PaymentRepository payments;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final List<Function<List<Installment>, Uni<Void>>> afterPayment = new ArrayList<>();

    public Payments(ReceivableService service, ReceivableRepository receivables, PaymentRepository payments,
                    OutboxWriter outbox, Clock clock) {
        this.service = service;
        this.receivables = receivables;
        this.payments = payments;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record PaymentCommand(Money amount, String method, String externalId, LocalDate paidOn) {
    }

    /** A payment as it stands: its allocations, the credit it left, and the payer's credit balance. */
    public record Outcome(PaymentEntity payment, boolean alreadyRecorded, List<PaymentRepository.AllocationRow> allocations,
                          Map<UUID, Installment> installments, Money creditLeft, Money payerCredit) {
    }

    /** The payer's credit: the balance and the payments it comes from. */
    public record Credit(UUID payerId, Money balance, List<PaymentRepository.Credit> sources) {
    }

    /** Lets another use case react when installments received money (agreements check whether they are paid). */
    public void afterPayment(Function<List<Installment>, Uni<Void>> listener) {
        afterPayment.add(listener);
    }

    /** A payment for one installment; what exceeds what it owes on the payment date becomes the payer's credit. */
    public Uni<Outcome> payInstallment(String tenantId, UUID installmentId, PaymentCommand command) {
        return service.settings(tenantId).chain(settings -> receivables.findInstallment(tenantId, installmentId).chain(found -> {
            if (found == null) {
                throw new ResourceNotFoundException("installment " + installmentId + " not found");
            }
            return receivables.lockPayer(tenantId, found.payerId())
                    .chain(() -> once(tenantId, command, () -> receivables.lockInstallment(tenantId, installmentId).chain(i -> {
                        if (i.status().isSettled()) {
                            throw new BusinessRuleException("installment-settled", "installment " + installmentId + " is already " + i.status());
                        }
                        return record(tenantId, settings, i.payerId(), installmentId, command, List.of(), List.of(i));
                    })));
        }));
    }

    /**
     * A payment for a payer: the payer's earlier credit and then this payment are allocated to {@code installmentIds}
     * in that order, or, when none are named, to the payer's open installments by due date, oldest first. What is
     * left is the payer's credit.
     */
    public Uni<Outcome> payPayer(String tenantId, UUID payerId, PaymentCommand command, List<UUID> installmentIds) {
        if (installmentIds != null && new HashSet<>(installmentIds).size() != installmentIds.size()) {
            throw new InvalidInputException("installmentIds", "must not repeat an installment");
        }
        return service.settings(tenantId).chain(settings -> receivables.lockPayer(tenantId, payerId).chain(exists -> {
            if (!exists) {
                throw new ResourceNotFoundException("payer " + payerId + " not found");
            }
            return once(tenantId, command, () -> targets(tenantId, payerId, installmentIds)
                    .chain(targets -> payments.credits(tenantId, payerId).chain(credits -> {
                        List<PaymentAllocation.Source> earlier = credits.stream().map(c ->
                                new PaymentAllocation.Source(c.paymentId(), c.method(), Money.of(c.available()))).toList();
                        return record(tenantId, settings, payerId, null, command, earlier, targets);
                    })));
        }));
    }

    /** Applies the payer's credit to their open installments, oldest due date first, on {@code on}. */
    public Uni<Void> applyCredit(String tenantId, UUID payerId, LocalDate on) {
        return receivables.lockPayer(tenantId, payerId).chain(() -> payments.credits(tenantId, payerId)).chain(credits -> {
            if (credits.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return service.calendar(tenantId).chain(calendar -> receivables.lockOpenInstallmentsOfPayer(tenantId, payerId).chain(targets -> {
                List<PaymentAllocation.Source> sources = credits.stream().map(c ->
                        new PaymentAllocation.Source(c.paymentId(), c.method(), Money.of(c.available()))).toList();
                var result = PaymentAllocation.allocate(sources, targets, on, calendar);
                return store(tenantId, result, on, targets);
            }));
        });
    }

    public Uni<Credit> credit(String tenantId, UUID payerId) {
        return receivables.lockPayer(tenantId, payerId).chain(exists -> {
            if (!exists) {
                throw new ResourceNotFoundException("payer " + payerId + " not found");
            }
            return payments.credits(tenantId, payerId).map(list -> new Credit(payerId,
                    Money.sum(list.stream().map(c -> Money.of(c.available())).toList()), list));
        });
    }

    public Uni<Outcome> get(String tenantId, UUID paymentId) {
        return payments.find(tenantId, paymentId, false).chain(p -> {
            if (p == null) {
                throw new ResourceNotFoundException("payment " + paymentId + " not found");
            }
            return outcome(tenantId, p, true);
        });
    }

    /**
     * Reverses a payment (estorno: chargeback, returned Pix, bounced boleto), whole ({@code amount} null) or in part:
     * first the credit it left, then its allocations newest first (an allocation taken back in part keeps the rest
     * applied). The installments whose money it took back are owed again, their status recomputed from the facts.
     * Once the whole amount is reversed the payment is marked reversed. Publishes payment.reversed.
     */
    public Uni<Outcome> reverse(String tenantId, UUID paymentId, String reason, Money amount) {
        return service.settings(tenantId).chain(settings -> payments.find(tenantId, paymentId, false).chain(found -> {
            if (found == null) {
                throw new ResourceNotFoundException("payment " + paymentId + " not found");
            }
            return receivables.lockPayer(tenantId, found.payerId).chain(() -> payments.find(tenantId, paymentId, true)).chain(p -> {
                if (p.reversedOn != null) {
                    throw new BusinessRuleException("payment-already-reversed", "payment " + paymentId + " was reversed on " + p.reversedOn);
                }
                LocalDate today = service.today(settings);
                return payments.allocationsOf(tenantId, paymentId).chain(rows -> {
                    List<PaymentRepository.AllocationRow> live = rows.stream().filter(r -> !r.reversed()).toList();
                    PaymentReversal.Plan plan = PaymentReversal.plan(amount, Money.of(p.amount), Money.of(p.reversedAmount),
                            live.stream().map(r -> new PaymentReversal.Allocation(r.id(), r.installmentId(), Money.of(r.amount()))).toList());
                    Map<UUID, PaymentRepository.AllocationRow> rowById = new LinkedHashMap<>();
                    live.forEach(r -> rowById.put(r.id(), r));
                    List<InstallmentView> after = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (PaymentReversal.Undo undo : plan.undone()) {
                        PaymentRepository.AllocationRow row = rowById.get(undo.allocation().id());
                        chain = chain.chain(() -> payments.markAllocationReversed(tenantId, row.id()));
                        if (undo.kept().isPositive()) {
                            // the kept part keeps its original's place among the payment's allocations (just after it)
                            chain = chain.chain(() -> payments.addAllocation(tenantId, paymentId, row.installmentId(),
                                    undo.kept().amount(), row.appliedOn(), row.createdAt().plusNanos(1_000)));
                        }
                    }
                    for (var entry : plan.byInstallment().entrySet()) {
                        chain = chain.chain(() -> receivables.lockInstallment(tenantId, entry.getKey()).chain(i -> {
                            i.reverse(entry.getValue(), today, settings.dueLeadDays(), TenantCalendars.of(settings));
                            after.add(i.view());
                            return receivables.update(i, clock.instant());
                        }));
                    }
                    return chain.chain(() -> {
                        p.reversedAmount = p.reversedAmount.add(plan.amount().amount());
                        if (p.reversedAmount.compareTo(p.amount) == 0) {
                            p.reversedOn = today;
                        }
                        p.reversalReason = reason;
                        return outbox.append(new PaymentReversed(UUID.randomUUID().toString(), tenantId, p.payerId.toString(),
                                p.id.toString(), p.method, p.externalId, MoneyAmount.brl(p.amount), after, reason, today,
                                MoneyAmount.brl(plan.amount().amount())));
                    }).chain(() -> outcome(tenantId, p, false));
                });
            });
        }));
    }

    /**
     * The money paid on {@code i} goes back to the payments it came from and so becomes the payer's credit (used when
     * a broken agreement cancels its plan): its allocations are marked reversed and its paid amount taken off, its
     * status recomputed from the facts on {@code asOf}. The caller stores the installment.
     */
    public Uni<Money> returnToCredit(String tenantId, Installment i, LocalDate asOf, int leadDays,
                                     dev.regua.kernel.calendar.BankCalendar calendar) {
        Money paid = i.paidAmount();
        if (!paid.isPositive()) {
            return Uni.createFrom().item(Money.ZERO);
        }
        i.reverse(paid, asOf, leadDays, calendar);
        return payments.returnAllocationsOfInstallment(tenantId, i.id()).replaceWith(paid);
    }

    /** The (method, external id) guard: a repeat answers the payment already recorded and changes nothing. */
    private Uni<Outcome> once(String tenantId, PaymentCommand command, java.util.function.Supplier<Uni<Outcome>> work) {
        return payments.guardExternalId(tenantId, command.method(), command.externalId())
                .chain(() -> receivables.paymentByExternalId(tenantId, command.method(), command.externalId()))
                .chain(existing -> {
                    if (existing == null) {
                        return work.get();
                    }
                    if (existing.amount.compareTo(command.amount().amount()) != 0) {
                        throw new BusinessRuleException("payment-external-id-unique", "payment " + command.method() + " "
                                + command.externalId() + " was already applied, with the amount " + existing.amount.toPlainString());
                    }
                    return outcome(tenantId, existing, true);
                });
    }

    private Uni<List<Installment>> targets(String tenantId, UUID payerId, List<UUID> installmentIds) {
        if (installmentIds == null || installmentIds.isEmpty()) {
            return receivables.lockOpenInstallmentsOfPayer(tenantId, payerId);
        }
        Uni<List<Installment>> chain = Uni.createFrom().item(new ArrayList<>());
        for (UUID id : installmentIds) {
            chain = chain.chain(list -> receivables.lockInstallment(tenantId, id).map(i -> {
                if (i == null || !i.payerId().equals(payerId)) {
                    throw new ResourceNotFoundException("installment " + id + " of payer " + payerId + " not found");
                }
                if (i.status().isSettled()) {
                    throw new BusinessRuleException("installment-settled", "installment " + id + " is already " + i.status());
                }
                list.add(i);
                return list;
            }));
        }
        return chain;
    }

    private Uni<Outcome> record(String tenantId, TenantSettings settings, UUID payerId, UUID installmentId,
                                PaymentCommand command, List<PaymentAllocation.Source> earlier, List<Installment> targets) {
        LocalDate paidOn = command.paidOn() == null ? service.today(settings) : command.paidOn();
        PaymentEntity p = new PaymentEntity();
        p.id = UUID.randomUUID();
        p.tenantId = tenantId;
        p.payerId = payerId;
        p.installmentId = installmentId;
        p.amount = command.amount().amount();
        p.currency = command.amount().currency();
        p.method = command.method();
        p.externalId = command.externalId();
        p.paidOn = paidOn;
        p.createdAt = clock.instant();
        List<PaymentAllocation.Source> sources = new ArrayList<>(earlier);
        sources.add(new PaymentAllocation.Source(p.id, p.method, command.amount()));
        var result = PaymentAllocation.allocate(sources, targets, paidOn, TenantCalendars.of(settings));
        return receivables.addPayment(p)
                .chain(() -> store(tenantId, result, paidOn, targets))
                .chain(() -> outcome(tenantId, p, false));
    }

    private Uni<Void> store(String tenantId, PaymentAllocation.Result result, LocalDate on, List<Installment> targets) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var a : result.applied()) {
            chain = chain.chain(() -> payments.addAllocation(tenantId, a.paymentId(), a.installmentId(), a.amount().amount(), on, clock.instant()));
        }
        List<Installment> touched = targets.stream()
                .filter(t -> result.applied().stream().anyMatch(a -> a.installmentId().equals(t.id()))).toList();
        for (Installment t : touched) {
            chain = chain.chain(() -> receivables.update(t, clock.instant()));
        }
        List<RegisteredEvent> events = result.events();
        chain = chain.chain(() -> outbox.appendAll(events));
        for (var listener : afterPayment) {
            chain = chain.chain(() -> touched.isEmpty() ? Uni.createFrom().voidItem() : listener.apply(touched));
        }
        return chain;
    }

    private Uni<Outcome> outcome(String tenantId, PaymentEntity p, boolean alreadyRecorded) {
        return payments.allocationsOf(tenantId, p.id).chain(rows -> {
            Uni<Map<UUID, Installment>> chain = Uni.createFrom().item(new LinkedHashMap<>());
            for (var r : rows) {
                chain = chain.chain(map -> map.containsKey(r.installmentId()) ? Uni.createFrom().item(map)
                        : receivables.findInstallment(tenantId, r.installmentId()).map(i -> {
                            map.put(i.id(), i);
                            return map;
                        }));
            }
            if (p.installmentId != null) {
                chain = chain.chain(map -> map.containsKey(p.installmentId) ? Uni.createFrom().item(map)
                        : receivables.findInstallment(tenantId, p.installmentId).map(i -> {
                            map.put(i.id(), i);
                            return map;
                        }));
            }
            Money allocated = Money.sum(rows.stream().filter(r -> !r.reversed()).map(r -> Money.of(r.amount())).toList());
            Money left = p.reversedOn != null ? Money.ZERO : Money.of(p.amount).minus(Money.of(p.reversedAmount)).minus(allocated);
            return chain.chain(map -> payments.credits(tenantId, p.payerId).map(credits -> new Outcome(p, alreadyRecorded, rows, map, left,
                    Money.sum(credits.stream().map(c -> Money.of(c.available())).toList()))));
        });
    }
}
