package dev.regua.credit.protest.application;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.billing.Address;
import dev.regua.contract.credit.ProtestChanged;
import dev.regua.contract.dunning.BureauActionRequested;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.bureau.domain.NotaryPort;
import dev.regua.credit.history.persistence.HistoryRepository;
import dev.regua.credit.protest.persistence.ProtestAttemptEntity;
import dev.regua.credit.protest.persistence.ProtestEntity;
import dev.regua.credit.protest.persistence.ProtestHistoryEntity;
import dev.regua.credit.protest.persistence.ProtestRepository;
import dev.regua.credit.tenant.application.TenantTimes;
import dev.regua.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Protest at a notary office as an alternative to negativação, following the notary's flow (Lei 9.492/1997).
 * PROTEST → {@code REQUESTED} → (the title is presented; the office registers it and notifies the debtor:
 * apontamento, intimação) {@code DEBTOR_NOTIFIED}, with the last day to pay at the office (the third business day
 * after) → the day after that deadline, by the platform clock, credit-check asks the central where the title stands
 * → {@code PROTESTED}. Settled before the protest → the title is withdrawn (desistência) → {@code REFUSED}
 * (DEBT_PAID), never protested. Once protested and every debt settled the creditor's consent to cancellation (carta
 * de anuência) is registered at once → {@code CANCELLATION_CONSENT_ISSUED}; CANCEL_PROTEST (or the settlement, when
 * it came first) → (notary) {@code CANCELLED}. Each change is a {@link ProtestChanged} in the caller's transaction;
 * notary calls are {@code protest_attempt} rows.
 */
@ApplicationScoped
public class ProtestService {
    private static final Set<String> SETTLED = Set.of("PAID", "CANCELLED", "RENEGOTIATED");
    private final ProtestRepository repository;
    private final HistoryRepository installments;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final TenantTimes times;

    public ProtestService(ProtestRepository repository, HistoryRepository installments, OutboxWriter outbox, Clock clock,
                          TenantTimes times) {
        this.repository = repository;
        this.installments = installments;
        this.outbox = outbox;
        this.clock = clock;
        this.times = times;
    }

    /** Carries out PROTEST or CANCEL_PROTEST (the caller already deduplicated the command); answers the outcome. */
    public Uni<String> onCommand(BureauActionRequested command) {
        UUID payerId = UUID.fromString(command.payerId());
        Set<String> wanted = command.debts().stream().map(BureauActionRequested.Debt::installmentId).collect(Collectors.toSet());
        return repository.activeOfPayer(command.tenantId(), payerId).chain(active -> {
            ProtestEntity existing = active.stream().filter(p -> Arrays.stream(p.installmentIds.split(",")).anyMatch(wanted::contains))
                    .findFirst().orElse(null);
            if (command.action().equals("PROTEST")) {
                return existing != null ? Uni.createFrom().item("already in progress as " + existing.state) : protest(command);
            }
            if (existing == null) {
                return Uni.createFrom().item("no protest in progress for these debts");
            }
            return cancel(existing, command.idempotencyKey());
        });
    }

    private Uni<String> protest(BureauActionRequested c) {
        ProtestEntity p = new ProtestEntity();
        p.id = UUID.randomUUID();
        p.tenantId = c.tenantId();
        p.payerId = UUID.fromString(c.payerId());
        p.caseId = c.caseId();
        p.debtorName = c.debtor().name();
        p.debtorTaxId = c.debtor().taxId();
        Address a = c.debtor().address();
        if (a != null) {
            p.debtorStreet = a.street();
            p.debtorNumber = a.number();
            p.debtorDistrict = a.district();
            p.debtorCity = a.city();
            p.debtorState = a.state();
            p.debtorPostalCode = a.postalCode();
        }
        if (c.creditor() != null) {
            p.creditorName = c.creditor().legalName();
            p.creditorCnpj = c.creditor().cnpj();
        }
        p.amount = c.total() != null ? c.total().value()
                : c.debts().stream().map(d -> d.amount().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        p.oldestDueDate = c.debts().stream().map(BureauActionRequested.Debt::originalDueDate).min(Comparator.naturalOrder()).orElseThrow();
        p.installmentIds = c.debts().stream().map(BureauActionRequested.Debt::installmentId).collect(Collectors.joining(","));
        p.contractId = c.debts().stream().map(BureauActionRequested.Debt::contractId).filter(x -> x != null).findFirst().orElse(p.id.toString());
        p.createdAt = clock.instant();
        p.updatedAt = p.createdAt;
        return allSettled(p).chain(settled -> {
            p.state = settled ? "REFUSED" : "REQUESTED";
            p.reason = settled ? "DEBT_PAID" : null;
            return repository.persist(p).chain(() -> Panache.flush())
                    .chain(() -> changed(p, null, p.reason, c.idempotencyKey()))
                    .chain(() -> settled ? Uni.createFrom().voidItem() : schedule(p, "PROTEST"))
                    .replaceWith(settled ? "refused: DEBT_PAID" : "protest requested");
        });
    }

    private Uni<String> cancel(ProtestEntity p, String commandKey) {
        return switch (p.state) {
            case "CANCELLATION_CONSENT_ISSUED" -> {
                p.cancellationRequested = true;
                yield schedule(p, "CANCEL").replaceWith("cancellation requested");
            }
            case "PROTESTED" -> allSettled(p).chain(settled -> {
                if (!settled) {
                    return record(p, "REFUSED", p.state, "DEBT_OPEN", commandKey)
                            .chain(() -> publish(p, "REFUSED", p.state, "DEBT_OPEN", commandKey)).replaceWith("refused: DEBT_OPEN");
                }
                p.cancellationRequested = true;
                return schedule(p, "CONSENT").replaceWith("consent and cancellation requested");
            });
            case "REQUESTED" -> cancelPending(p).chain(() -> transition(p, "REFUSED", "CANCELLED_BEFORE_PROTEST", commandKey))
                    .replaceWith("stopped before the protest");
            case "DEBTOR_NOTIFIED" -> cancelPending(p).chain(() -> transition(p, "REFUSED", "CANCELLED_BEFORE_PROTEST", commandKey))
                    .chain(() -> schedule(p, "WITHDRAW")).replaceWith("withdrawn before the protest");
            default -> Uni.createFrom().item("nothing to do in state " + p.state);
        };
    }

    /** Billing settled an installment: protests whose debts are all settled get the consent letter (or stop). */
    public Uni<Void> installmentSettled(String tenantId, String installmentId) {
        return repository.activeWithInstallment(tenantId, installmentId).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ProtestEntity p : list) {
                chain = chain.chain(() -> allSettled(p).chain(settled -> {
                    if (!settled) {
                        return Uni.createFrom().voidItem();
                    }
                    if (p.state.equals("REQUESTED")) {
                        return cancelPending(p).chain(() -> transition(p, "REFUSED", "DEBT_PAID", null));
                    }
                    if (p.state.equals("DEBTOR_NOTIFIED")) {
                        // paid before the protest: the title is withdrawn from the notary office and never protested
                        return cancelPending(p).chain(() -> transition(p, "REFUSED", "DEBT_PAID", null))
                                .chain(() -> schedule(p, "WITHDRAW"));
                    }
                    if (p.state.equals("PROTESTED")) {
                        return schedule(p, "CONSENT");
                    }
                    return Uni.createFrom().voidItem();
                }));
            }
            return chain;
        });
    }

    // ---- notary answers -------------------------------------------------------------------------------------

    /** The office registered the title and notified the debtor: the protest waits for the payment deadline. */
    Uni<Void> notified(ProtestEntity p, NotaryPort.TitleReceipt r) {
        p.protocol = r.protocol();
        p.notaryOffice = r.notaryOffice();
        p.paymentDeadline = r.paymentDeadline();
        return times.of(p.tenantId).chain(t -> {
            p.notifiedOn = t.today(clock);
            if (!p.state.equals("REQUESTED")) {
                // stopped while the title was being presented: withdraw it
                return record(p, p.state, p.state, "title registered at the notary after it was stopped: withdrawn", null)
                        .chain(() -> schedule(p, "WITHDRAW"));
            }
            if (p.paymentDeadline == null) { // the central did not say: the law's three business days after today
                p.paymentDeadline = t.calendar().plusBusinessDays(p.notifiedOn, 3);
            }
            return transition(p, "DEBTOR_NOTIFIED", "pay at the notary office by " + p.paymentDeadline, null)
                    .chain(() -> scheduleCheck(p, p.paymentDeadline.plusDays(1).atStartOfDay(t.zone()).toInstant()));
        });
    }

    /** Where the title stands on the tenant's date: still within the deadline (ask again tomorrow), protested, withdrawn. */
    Uni<Void> checked(ProtestEntity p, NotaryPort.TitleReceipt r) {
        return switch (r.state()) {
            case NOTIFIED -> times.of(p.tenantId).chain(t -> scheduleCheck(p,
                    t.today(clock).plusDays(1).atStartOfDay(t.zone()).toInstant()));
            case PROTESTED -> protested(p, r);
            case WITHDRAWN -> withdrawn(p);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> protested(ProtestEntity p, NotaryPort.TitleReceipt r) {
        if (!p.state.equals("DEBTOR_NOTIFIED") && !p.state.equals("REFUSED")) {
            return Uni.createFrom().voidItem();
        }
        boolean expected = p.state.equals("DEBTOR_NOTIFIED");
        p.notaryOffice = r.notaryOffice() != null ? r.notaryOffice() : p.notaryOffice;
        p.protestedAt = clock.instant();
        p.protestedOn = r.protestedOn();
        return transition(p, "PROTESTED", expected ? null : "protested before the withdrawal reached the notary", null)
                .chain(() -> allSettled(p))
                .chain(settled -> settled ? schedule(p, "CONSENT") : Uni.createFrom().voidItem());
    }

    /** The title was withdrawn before the protest (the protest already ended REFUSED). */
    Uni<Void> withdrawn(ProtestEntity p) {
        return record(p, p.state, p.state, "withdrawn at the notary office before the protest (desistência)", null);
    }

    Uni<Void> consented(ProtestEntity p, NotaryPort.ConsentReceipt r) {
        p.consentLetter = r.letterNumber();
        p.consentIssuedAt = clock.instant();
        return transition(p, "CANCELLATION_CONSENT_ISSUED", "carta de anuência " + r.letterNumber(), null)
                .chain(() -> p.cancellationRequested ? schedule(p, "CANCEL") : Uni.createFrom().voidItem());
    }

    Uni<Void> cancelled(ProtestEntity p) {
        p.cancelledAt = clock.instant();
        return transition(p, "CANCELLED", null, null);
    }

    Uni<Void> refused(ProtestEntity p, String operation, String code) {
        String reason = "NOTARY_REJECTED:" + code;
        if (operation.equals("WITHDRAW") && NotaryPort.ALREADY_PROTESTED.equals(code)) {
            // too late: the title was protested before the withdrawal arrived; learn the protest and consent to cancel
            return record(p, p.state, p.state, reason, null).chain(() -> scheduleCheck(p, clock.instant()));
        }
        return operation.equals("PROTEST") ? transition(p, "REFUSED", reason, null) : record(p, p.state, p.state, reason, null);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Uni<Void> transition(ProtestEntity p, String state, String reason, String commandKey) {
        String previous = p.state;
        p.state = state;
        p.reason = reason == null ? p.reason : reason;
        p.updatedAt = clock.instant();
        return changed(p, previous, reason, commandKey);
    }

    private Uni<Void> changed(ProtestEntity p, String previous, String reason, String commandKey) {
        return record(p, p.state, previous, reason, commandKey).chain(() -> publish(p, p.state, previous, reason, commandKey));
    }

    private Uni<Void> record(ProtestEntity p, String state, String previous, String reason, String commandKey) {
        ProtestHistoryEntity h = new ProtestHistoryEntity();
        h.protestId = p.id;
        h.tenantId = p.tenantId;
        h.state = state;
        h.previousState = previous;
        h.reason = reason;
        h.commandKey = commandKey;
        h.occurredAt = clock.instant();
        return repository.persist(h);
    }

    private Uni<Void> publish(ProtestEntity p, String state, String previous, String reason, String commandKey) {
        return outbox.append(new ProtestChanged(UUID.randomUUID().toString(), p.tenantId, p.payerId.toString(), p.id.toString(),
                p.notaryOffice, state, previous, reason, commandKey, MoneyAmount.brl(p.amount), clock.instant()));
    }

    private Uni<Void> schedule(ProtestEntity p, String operation) {
        return schedule(p, operation, clock.instant(), "regua:" + p.tenantId + ":protest:" + p.id + ":" + operation.toLowerCase());
    }

    /** A status question to the central at {@code at} (platform time); each one has its own key. */
    private Uni<Void> scheduleCheck(ProtestEntity p, java.time.Instant at) {
        return schedule(p, "CHECK", at, "regua:" + p.tenantId + ":protest:" + p.id + ":check:" + UUID.randomUUID());
    }

    private Uni<Void> schedule(ProtestEntity p, String operation, java.time.Instant at, String key) {
        ProtestAttemptEntity a = new ProtestAttemptEntity();
        a.id = UUID.randomUUID();
        a.tenantId = p.tenantId;
        a.protestId = p.id;
        a.operation = operation;
        a.idempotencyKey = key;
        a.status = "PENDING";
        a.nextAttemptAt = at;
        a.createdAt = clock.instant();
        // the attempt being answered right now is already DONE in this session, even before it is flushed
        return repository.pendingAttempts(p.id).chain(pending -> pending.stream()
                .anyMatch(x -> x.operation.equals(operation) && "PENDING".equals(x.status))
                ? Uni.createFrom().voidItem() : repository.persist(a));
    }

    private Uni<Void> cancelPending(ProtestEntity p) {
        return repository.pendingAttempts(p.id).invoke(list -> list.forEach(a -> {
            a.status = "CANCELLED";
            a.completedAt = clock.instant();
        })).replaceWithVoid();
    }

    Uni<Boolean> allSettled(ProtestEntity p) {
        List<UUID> ids = Arrays.stream(p.installmentIds.split(",")).map(UUID::fromString).toList();
        return installments.installments(p.tenantId, ids).map(known -> {
            Set<UUID> settled = known.stream().filter(i -> SETTLED.contains(i.status)).map(i -> i.installmentId).collect(Collectors.toSet());
            return settled.containsAll(ids);
        });
    }

    static BureauPort.DebtToRegister debt(ProtestEntity p) {
        return new BureauPort.DebtToRegister(p.creditorCnpj, p.creditorName, new BureauPort.Debtor(p.debtorName, p.debtorTaxId,
                p.debtorStreet, p.debtorNumber, null, p.debtorDistrict, p.debtorCity, p.debtorState, p.debtorPostalCode),
                p.contractId, p.oldestDueDate, p.amount);
    }

    /** Session flush helper (the new row must exist before its history references it). */
    private static final class Panache {
        static Uni<Void> flush() {
            return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.flush());
        }
    }
}
