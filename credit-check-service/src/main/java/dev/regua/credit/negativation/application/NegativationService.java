package dev.regua.credit.negativation.application;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.billing.Address;
import dev.regua.contract.credit.NegativationChanged;
import dev.regua.contract.dunning.BureauActionRequested;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.bureau.domain.BureauPort.RemovalReason;
import dev.regua.credit.history.persistence.HistoryRepository;
import dev.regua.credit.history.persistence.PayerInstallmentEntity;
import dev.regua.credit.negativation.domain.NegativationRules;
import dev.regua.credit.negativation.domain.NegativationState;
import dev.regua.credit.negativation.persistence.BureauAttemptEntity;
import dev.regua.credit.negativation.persistence.NegativationDebtEntity;
import dev.regua.credit.negativation.persistence.NegativationEntity;
import dev.regua.credit.negativation.persistence.NegativationHistoryEntity;
import dev.regua.credit.negativation.persistence.NegativationRepository;
import dev.regua.credit.tenant.application.TenantTimes;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The negativação lifecycle. Dunning's commands (NOTICE, REGISTER, REMOVE) and billing's settlements change the
 * state here; calls to the bureau are rows in {@code bureau_attempt} that {@link BureauAttemptRunner} makes later,
 * with retries. Every state change writes its {@link NegativationChanged} to the outbox and a history row in the
 * caller's transaction.
 */
@ApplicationScoped
public class NegativationService {
    private static final Logger LOG = Logger.getLogger(NegativationService.class);
    private static final Set<String> SETTLED = Set.of("PAID", "CANCELLED", "RENEGOTIATED");

    private final NegativationRepository repository;
    private final dev.regua.credit.protest.application.ProtestService protests;
    private final HistoryRepository installments;
    private final PolicyService policies;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final TenantTimes times;

    public NegativationService(NegativationRepository repository, HistoryRepository installments, PolicyService policies,
                               OutboxWriter outbox, Clock clock, TenantTimes times,
                               dev.regua.credit.protest.application.ProtestService protests) {
        this.repository = repository;
        this.protests = protests;
        this.installments = installments;
        this.policies = policies;
        this.outbox = outbox;
        this.clock = clock;
        this.times = times;
    }

    /** Today in the tenant's zone. */
    public Uni<LocalDate> today(String tenantId) {
        return times.of(tenantId).map(t -> t.today(clock));
    }

    // ---- dunning's commands ---------------------------------------------------------------------------------

    /** Acts on a command once per idempotency key, whatever message id it came under. */
    public Uni<Void> onCommand(BureauActionRequested command) {
        UUID payerId = UUID.fromString(command.payerId());
        return repository.firstCommand(command.tenantId(), command.idempotencyKey(), command.action(), payerId, clock.instant())
                .chain(first -> {
                    if (!first) {
                        LOG.debugf("command %s already handled", command.idempotencyKey());
                        return Uni.createFrom().voidItem();
                    }
                    return switch (command.action()) {
                        case "NOTICE" -> notice(command);
                        case "REGISTER" -> register(command);
                        case "REMOVE" -> removeByCommand(command);
                        case "PROTEST", "CANCEL_PROTEST" -> protests.onCommand(command).chain(o -> outcome(command, null, o));
                        default -> outcome(command, null, "action " + command.action() + " is not carried out by credit-check yet");
                    };
                });
    }

    private Uni<Void> notice(BureauActionRequested command) {
        return matching(command).chain(existing -> {
            if (existing != null) {
                return outcome(command, existing.id, "already in progress as " + existing.state);
            }
            return today(command.tenantId()).chain(today -> policies.policyFor(command.tenantId()).chain(policy -> {
                NegativationEntity n = newNegativation(command, policy.bureau().name(), today);
                List<NegativationDebtEntity> debts = debtsOf(n, command);
                return evaluate(n, debts).chain(evaluated -> {
                    Optional<String> refusal = NegativationRules.refuseNotice(evaluated, n.amount, n.debtorState, today, policy.rules());
                    if (refusal.isPresent()) {
                        return create(n, debts, NegativationState.REFUSED, refusal.get(), command.idempotencyKey())
                                .chain(() -> outcome(command, n.id, "refused: " + refusal.get()));
                    }
                    return create(n, debts, NegativationState.NOTICE_REQUESTED, null, command.idempotencyKey())
                            .chain(() -> schedule(n, "NOTICE"))
                            .chain(() -> outcome(command, n.id, "notice requested from " + n.bureau));
                });
            }));
        });
    }

    private Uni<Void> register(BureauActionRequested command) {
        return today(command.tenantId()).chain(today -> matching(command).chain(existing -> {
            if (existing == null) {
                // nothing was noticed for these debts: record the refusal on a negativação of its own
                return policies.policyFor(command.tenantId()).chain(policy -> {
                    NegativationEntity n = newNegativation(command, policy.bureau().name(), today);
                    List<NegativationDebtEntity> debts = debtsOf(n, command);
                    return evaluate(n, debts).chain(evaluated -> {
                        String reason = evaluated.stream().noneMatch(NegativationRules.Debt::open)
                                ? NegativationRules.DEBT_PAID : NegativationRules.NO_NOTICE;
                        return create(n, debts, NegativationState.REFUSED, reason, command.idempotencyKey())
                                .chain(() -> outcome(command, n.id, "refused: " + reason));
                    });
                });
            }
            NegativationState state = NegativationState.valueOf(existing.state);
            if (state == NegativationState.NOTICE_REQUESTED) {
                return refuseCommand(existing, NegativationRules.NO_NOTICE, command.idempotencyKey())
                        .chain(() -> outcome(command, existing.id, "refused: the notice is not confirmed yet"));
            }
            if (state != NegativationState.NOTICE_SENT) {
                return outcome(command, existing.id, "nothing to do in state " + state);
            }
            return policies.policyFor(command.tenantId()).chain(policy -> repository.debts(existing.id)
                    .chain(debts -> evaluate(existing, debts).chain(evaluated -> {
                        BigDecimal open = openAmount(debts, evaluated);
                        Optional<String> refusal = NegativationRules.refuseRegistration(existing.noticeSentOn, existing.debtorState,
                                evaluated, open, today, policy.rules());
                        if (refusal.isPresent()) {
                            return refuseCommand(existing, refusal.get(), command.idempotencyKey())
                                    .chain(() -> outcome(command, existing.id, "refused: " + refusal.get()));
                        }
                        existing.amount = open;
                        return transition(existing, NegativationState.REGISTRATION_REQUESTED, null, command.idempotencyKey())
                                .chain(() -> schedule(existing, "REGISTER"))
                                .chain(() -> outcome(command, existing.id, "registration requested at " + existing.bureau));
                    })));
        }));
    }

    private Uni<Void> removeByCommand(BureauActionRequested command) {
        return matching(command).chain(existing -> {
            if (existing == null) {
                return outcome(command, null, "no negativação in progress for these debts");
            }
            return requestRemoval(existing, RemovalReason.PAYMENT, null, command.idempotencyKey())
                    .chain(() -> outcome(command, existing.id, "removal: now " + existing.state));
        });
    }

    /** A refusal: either it ends the negativação (REFUSED) or, for a notice too recent, it is only recorded. */
    private Uni<Void> refuseCommand(NegativationEntity n, String reason, String commandKey) {
        if (NegativationRules.endsTheNegativation(reason)) {
            return cancelPending(n).chain(() -> transition(n, NegativationState.REFUSED, reason, commandKey));
        }
        NegativationState state = NegativationState.valueOf(n.state);
        return record(n, NegativationState.REFUSED, state, reason, commandKey)
                .chain(() -> publish(n, NegativationState.REFUSED.name(), state.name(), reason, commandKey));
    }

    // ---- billing's settlements (belt and braces beside dunning's REMOVE) ------------------------------------

    /** An installment was paid, cancelled or renegotiated: negativações whose debts are all settled are undone. */
    public Uni<Void> installmentSettled(String tenantId, UUID installmentId, RemovalReason reason, LocalDate settledOn) {
        return repository.activeWithInstallment(tenantId, installmentId).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (NegativationEntity n : list) {
                chain = chain.chain(() -> allSettled(n).chain(settled -> settled
                        ? requestRemoval(n, reason, settledOn, null)
                        : Uni.createFrom().voidItem()));
            }
            return chain;
        });
    }

    /**
     * Stops or undoes a negativação: before registration it ends REFUSED (DEBT_PAID); once registered, removal is
     * requested from the bureau now (the law allows 5 business days of the tenant's bank calendar, counted from the
     * settlement; {@code settledOn} null = today in the tenant's zone). Repeated requests do nothing.
     */
    Uni<Void> requestRemoval(NegativationEntity n, RemovalReason reason, LocalDate settledOn, String commandKey) {
        NegativationState state = NegativationState.valueOf(n.state);
        if (state.beforeRegistration()) {
            return cancelPending(n).chain(() -> transition(n, NegativationState.REFUSED, NegativationRules.DEBT_PAID, commandKey));
        }
        if (state == NegativationState.REGISTERED || (state == NegativationState.DISPUTED && n.removalReason == null)) {
            return times.of(n.tenantId).chain(t -> {
                n.removalReason = reason.name();
                n.removalRequestedAt = clock.instant();
                n.removalDeadline = NegativationRules.removalDeadline(settledOn == null ? t.today(clock) : settledOn, t.calendar());
                return transition(n, NegativationState.REMOVAL_REQUESTED, reason.name(), commandKey).chain(() -> schedule(n, "REMOVE"));
            });
        }
        return Uni.createFrom().voidItem();
    }

    // ---- disputes -------------------------------------------------------------------------------------------

    /** The debtor disputes the debt: nothing more is registered, and a registration is taken down (suspended). */
    public Uni<NegativationEntity> dispute(String tenantId, UUID id, String reason) {
        return repository.negativation(tenantId, id).chain(n -> {
            if (n == null) {
                throw new ResourceNotFoundException("no negativação " + id);
            }
            NegativationState state = NegativationState.valueOf(n.state);
            if (state.beforeRegistration()) {
                return cancelPending(n)
                        .chain(() -> transition(n, NegativationState.DISPUTED, reason, null))
                        .chain(() -> transition(n, NegativationState.SUSPENDED, NegativationRules.DISPUTED, null))
                        .replaceWith(n);
            }
            if (state == NegativationState.REGISTERED) {
                return times.of(tenantId).chain(t -> {
                    n.removalReason = RemovalReason.DISPUTE.name();
                    n.removalRequestedAt = clock.instant();
                    n.removalDeadline = NegativationRules.removalDeadline(t.today(clock), t.calendar());
                    return transition(n, NegativationState.DISPUTED, reason, null).chain(() -> schedule(n, "REMOVE")).replaceWith(n);
                });
            }
            throw new BusinessRuleException("negativation-disputable",
                    "a negativação in state " + state + " cannot be disputed (only before or while registered)");
        });
    }

    /**
     * Staff resolve a dispute that suspended the negativação. Upheld (the debtor was right): it ends — {@code REMOVED}
     * when it had been registered (the bureau already took it down), else {@code REFUSED} — with reason
     * {@code DISPUTE_UPHELD}. Rejected (the debt stands): a registration is restored — registered again with a new key
     * ({@code REGISTRATION_REQUESTED} → {@code REGISTERED}, reason {@code DISPUTE_REJECTED}) when the debt is still open,
     * within 5 years and above the minimum, else it ends {@code REMOVED} with the reason; a negativação disputed before
     * registration goes back to {@code NOTICE_SENT} (or asks for the notice again).
     */
    public Uni<NegativationEntity> resolveDispute(String tenantId, UUID id, boolean upheld, String note) {
        return repository.negativation(tenantId, id).chain(n -> {
            if (n == null) {
                throw new ResourceNotFoundException("no negativação " + id);
            }
            NegativationState state = NegativationState.valueOf(n.state);
            if (state == NegativationState.DISPUTED) {
                throw new BusinessRuleException("negativation-dispute-pending",
                        "the bureau has not confirmed the suspension yet; resolve the dispute once the negativação is SUSPENDED");
            }
            if (state != NegativationState.SUSPENDED) {
                throw new BusinessRuleException("negativation-not-disputed",
                        "a negativação in state " + state + " has no dispute to resolve");
            }
            boolean wasRegistered = n.registrationProtocol != null;
            if (upheld) {
                return transition(n, wasRegistered ? NegativationState.REMOVED : NegativationState.REFUSED,
                        NegativationRules.DISPUTE_UPHELD, null).chain(() -> note(n, note)).replaceWith(n);
            }
            if (!wasRegistered) {
                if (n.noticeSentOn != null) {
                    return transition(n, NegativationState.NOTICE_SENT, NegativationRules.DISPUTE_REJECTED, null)
                            .chain(() -> note(n, note)).replaceWith(n);
                }
                return transition(n, NegativationState.NOTICE_REQUESTED, NegativationRules.DISPUTE_REJECTED, null)
                        .chain(() -> schedule(n, "NOTICE")).chain(() -> note(n, note)).replaceWith(n);
            }
            return today(tenantId).chain(today -> policies.policyFor(tenantId).chain(policy -> repository.debts(n.id)
                    .chain(debts -> evaluate(n, debts).chain(evaluated -> {
                        BigDecimal open = openAmount(debts, evaluated);
                        Optional<String> refusal = NegativationRules.refuseRegistration(n.noticeSentOn, n.debtorState, evaluated,
                                open, today, policy.rules());
                        if (refusal.isPresent()) {
                            return transition(n, NegativationState.REMOVED, refusal.get(), null);
                        }
                        n.amount = open;
                        n.removalReason = null;
                        n.removalRequestedAt = null;
                        n.removalDeadline = null;
                        n.removedAt = null;
                        return transition(n, NegativationState.REGISTRATION_REQUESTED, NegativationRules.DISPUTE_REJECTED, null)
                                // a new key: the first registration's key would answer the removed record again
                                .chain(() -> schedule(n, "REGISTER", "regua:" + n.tenantId + ":" + n.id + ":register:restored-"
                                        + UUID.randomUUID()));
                    }))).chain(() -> note(n, note)).replaceWith(n));
        });
    }

    /** Staff's note on a decision, kept in the history (no event: the state change carries the event). */
    private Uni<Void> note(NegativationEntity n, String note) {
        NegativationState state = NegativationState.valueOf(n.state);
        return record(n, state, state, "resolution: " + note, null);
    }

    // ---- bureau answers (called by the attempt runner) ------------------------------------------------------

    Uni<Void> noticeSent(NegativationEntity n, BureauPort.NoticeReceipt receipt) {
        return today(n.tenantId).chain(today -> {
            n.noticeProtocol = receipt.protocol();
            n.noticeTrackingCode = receipt.trackingCode();
            n.noticeSentAt = clock.instant();
            n.noticeSentOn = today;
            if (!NegativationState.NOTICE_REQUESTED.name().equals(n.state)) {
                return Uni.createFrom().voidItem();
            }
            return transition(n, NegativationState.NOTICE_SENT, null, null);
        });
    }

    Uni<Void> registered(NegativationEntity n, BureauPort.RegistrationReceipt receipt) {
        boolean expected = NegativationState.REGISTRATION_REQUESTED.name().equals(n.state);
        n.registrationProtocol = receipt.protocol();
        n.registeredAt = clock.instant();
        return transition(n, NegativationState.REGISTERED, expected ? null : "registered after it was stopped (" + n.reason + ")", null)
                .chain(() -> allSettled(n))
                .chain(settled -> {
                    if (settled) {
                        return requestRemoval(n, RemovalReason.PAYMENT, null, null);
                    }
                    if (!expected) {
                        return requestRemoval(n, RemovalReason.CANCELLATION, null, null);
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    Uni<Void> removed(NegativationEntity n, BureauPort.RemovalReceipt receipt) {
        n.removedAt = clock.instant();
        NegativationState next = RemovalReason.DISPUTE.name().equals(n.removalReason) ? NegativationState.SUSPENDED : NegativationState.REMOVED;
        return transition(n, next, n.removalReason, null);
    }

    Uni<Void> bureauRefused(NegativationEntity n, String operation, String code) {
        String reason = "BUREAU_REJECTED:" + code;
        if (operation.equals("REMOVE")) {
            // the record stays REMOVAL_REQUESTED: staff must look at it
            return record(n, NegativationState.valueOf(n.state), NegativationState.valueOf(n.state), reason, null);
        }
        return transition(n, NegativationState.REFUSED, reason, null);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Changes state, records the history and publishes the event, all in the caller's transaction. */
    Uni<Void> transition(NegativationEntity n, NegativationState next, String reason, String commandKey) {
        String previous = n.state;
        n.state = next.name();
        n.reason = reason == null ? n.reason : truncate(reason, 200);
        n.updatedAt = clock.instant();
        return record(n, next, previous == null ? null : NegativationState.valueOf(previous), reason, commandKey)
                .chain(() -> publish(n, next.name(), previous, reason, commandKey));
    }

    private Uni<Void> record(NegativationEntity n, NegativationState state, NegativationState previous, String reason, String commandKey) {
        NegativationHistoryEntity h = new NegativationHistoryEntity();
        h.negativationId = n.id;
        h.tenantId = n.tenantId;
        h.state = state.name();
        h.previousState = previous == null ? null : previous.name();
        h.reason = reason == null ? null : truncate(reason, 300);
        h.commandKey = commandKey;
        h.occurredAt = clock.instant();
        return repository.persist(h);
    }

    private Uni<Void> publish(NegativationEntity n, String state, String previous, String reason, String commandKey) {
        return repository.debts(n.id).chain(debts -> outbox.append(new NegativationChanged(UUID.randomUUID().toString(),
                n.tenantId, n.payerId.toString(), n.id.toString(), n.bureau, state, previous, reason, commandKey,
                protocolOf(n, state), debts.stream().map(d -> d.installmentId.toString()).toList(),
                MoneyAmount.brl(n.amount), clock.instant())));
    }

    private static String protocolOf(NegativationEntity n, String state) {
        return switch (state) {
            case "NOTICE_SENT" -> n.noticeProtocol;
            case "REGISTERED", "REMOVAL_REQUESTED", "REMOVED", "DISPUTED", "SUSPENDED" ->
                    n.registrationProtocol != null ? n.registrationProtocol : n.noticeProtocol;
            default -> null;
        };
    }

    private Uni<Void> schedule(NegativationEntity n, String operation) {
        // stable for this negativação and operation (a removal: for the registration it removes), so a retry after a
        // timeout carries the same key; a registration restored after a rejected dispute is removed under its own key
        String key = "regua:" + n.tenantId + ":" + n.id + ":" + operation.toLowerCase();
        if (operation.equals("REMOVE") && n.registrationProtocol != null) {
            key = key + ":" + n.registrationProtocol;
        }
        return schedule(n, operation, key);
    }

    private Uni<Void> schedule(NegativationEntity n, String operation, String idempotencyKey) {
        BureauAttemptEntity a = new BureauAttemptEntity();
        a.id = UUID.randomUUID();
        a.tenantId = n.tenantId;
        a.negativationId = n.id;
        a.operation = operation;
        a.idempotencyKey = idempotencyKey;
        a.status = "PENDING";
        a.nextAttemptAt = clock.instant();
        a.createdAt = clock.instant();
        return repository.pendingAttempts(n.id).chain(pending -> pending.stream().anyMatch(p -> p.operation.equals(operation))
                ? Uni.createFrom().voidItem() : repository.persist(a));
    }

    private Uni<Void> cancelPending(NegativationEntity n) {
        return repository.pendingAttempts(n.id).invoke(list -> list.forEach(a -> {
            a.status = "CANCELLED";
            a.completedAt = clock.instant();
        })).replaceWithVoid();
    }

    /** The in-progress negativação these debts belong to: the one sharing an installment, else the payer's newest. */
    private Uni<NegativationEntity> matching(BureauActionRequested command) {
        Set<UUID> wanted = command.debts() == null ? Set.of() : command.debts().stream()
                .map(d -> UUID.fromString(d.installmentId())).collect(Collectors.toSet());
        return repository.activeOfPayer(command.tenantId(), UUID.fromString(command.payerId())).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            Uni<NegativationEntity> found = Uni.createFrom().nullItem();
            for (NegativationEntity n : list) {
                found = found.chain(f -> f != null ? Uni.createFrom().item(f) : repository.debts(n.id)
                        .map(debts -> debts.stream().anyMatch(d -> wanted.contains(d.installmentId)) ? n : null));
            }
            return found.map(f -> f != null ? f : wanted.isEmpty() ? list.get(0) : null);
        });
    }

    private Uni<List<NegativationRules.Debt>> evaluate(NegativationEntity n, List<NegativationDebtEntity> debts) {
        return installments.installments(n.tenantId, debts.stream().map(d -> d.installmentId).toList()).map(known -> {
            Map<UUID, PayerInstallmentEntity> byId = known.stream().collect(Collectors.toMap(i -> i.installmentId, Function.identity()));
            List<NegativationRules.Debt> out = new ArrayList<>();
            for (NegativationDebtEntity d : debts) {
                PayerInstallmentEntity i = byId.get(d.installmentId);
                boolean open = i == null || !SETTLED.contains(i.status); // unknown to billing's feed yet: trust dunning
                out.add(new NegativationRules.Debt(d.originalDueDate, d.amount, open));
            }
            return out;
        });
    }

    private static BigDecimal openAmount(List<NegativationDebtEntity> debts, List<NegativationRules.Debt> evaluated) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < debts.size(); i++) {
            if (evaluated.get(i).open()) {
                total = total.add(debts.get(i).amount);
            }
        }
        return total;
    }

    Uni<Boolean> allSettled(NegativationEntity n) {
        return repository.debts(n.id).chain(debts -> evaluate(n, debts))
                .map(evaluated -> evaluated.stream().noneMatch(NegativationRules.Debt::open));
    }

    Uni<Boolean> stillOpen(NegativationEntity n) {
        return allSettled(n).map(settled -> !settled);
    }

    private NegativationEntity newNegativation(BureauActionRequested c, String bureau, LocalDate today) {
        NegativationEntity n = new NegativationEntity();
        n.id = UUID.randomUUID();
        n.tenantId = c.tenantId();
        n.payerId = UUID.fromString(c.payerId());
        n.caseId = c.caseId();
        n.bureau = bureau;
        n.debtorName = c.debtor().name();
        n.debtorTaxId = c.debtor().taxId();
        Address a = c.debtor().address();
        if (a != null) {
            n.debtorStreet = a.street();
            n.debtorNumber = a.number();
            n.debtorComplement = a.complement();
            n.debtorDistrict = a.district();
            n.debtorCity = a.city();
            n.debtorState = a.state();
            n.debtorPostalCode = a.postalCode();
        }
        if (c.creditor() != null) {
            n.creditorName = c.creditor().legalName();
            n.creditorCnpj = c.creditor().cnpj();
        }
        n.amount = c.total() != null ? c.total().value()
                : c.debts().stream().map(d -> d.amount().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        n.currency = "BRL";
        n.oldestDueDate = c.debts().stream().map(BureauActionRequested.Debt::originalDueDate).min(Comparator.naturalOrder())
                .orElse(today);
        n.createdAt = clock.instant();
        n.updatedAt = n.createdAt;
        return n;
    }

    private static List<NegativationDebtEntity> debtsOf(NegativationEntity n, BureauActionRequested c) {
        List<NegativationDebtEntity> out = new ArrayList<>();
        for (BureauActionRequested.Debt d : c.debts()) {
            NegativationDebtEntity e = new NegativationDebtEntity();
            e.negativationId = n.id;
            e.installmentId = UUID.fromString(d.installmentId());
            e.tenantId = n.tenantId;
            e.contractId = d.contractId();
            e.originalDueDate = d.originalDueDate();
            e.amount = d.amount().value();
            out.add(e);
        }
        return out;
    }

    /** Stores a new negativação in its first state, with its history row and event. */
    private Uni<Void> create(NegativationEntity n, List<NegativationDebtEntity> debts, NegativationState state, String reason,
                             String commandKey) {
        n.state = state.name();
        n.reason = reason;
        return persistAll(n, debts).chain(() -> record(n, state, null, reason, commandKey))
                .chain(() -> publish(n, state.name(), null, reason, commandKey));
    }

    private Uni<Void> persistAll(NegativationEntity n, List<NegativationDebtEntity> debts) {
        Uni<Void> chain = repository.persist(n);
        for (NegativationDebtEntity d : debts) {
            chain = chain.chain(() -> repository.persist(d));
        }
        return chain.chain(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.flush()));
    }

    private Uni<Void> outcome(BureauActionRequested c, UUID negativationId, String outcome) {
        return repository.commandOutcome(c.tenantId(), c.idempotencyKey(), negativationId, outcome);
    }

    /** The debt as the bureau adapters need it. */
    static BureauPort.DebtToRegister debtToRegister(NegativationEntity n, List<NegativationDebtEntity> debts) {
        String contract = debts.stream().map(d -> d.contractId).filter(x -> x != null).findFirst().orElse(n.id.toString());
        return new BureauPort.DebtToRegister(n.creditorCnpj, n.creditorName,
                new BureauPort.Debtor(n.debtorName, n.debtorTaxId, n.debtorStreet, n.debtorNumber, n.debtorComplement,
                        n.debtorDistrict, n.debtorCity, n.debtorState, n.debtorPostalCode),
                contract, n.oldestDueDate, n.amount);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
