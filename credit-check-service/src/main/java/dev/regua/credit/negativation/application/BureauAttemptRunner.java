package dev.regua.credit.negativation.application;

import dev.regua.credit.bureau.adapter.Bureaus;
import dev.regua.credit.bureau.application.AttemptRunner;
import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.negativation.persistence.BureauAttemptEntity;
import dev.regua.credit.negativation.persistence.NegativationEntity;
import dev.regua.credit.negativation.persistence.NegativationRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Makes the bureau calls that {@code bureau_attempt} rows ask for (NOTICE, REGISTER, REMOVE), with the retry
 * scaffolding of {@link AttemptRunner}; a REGISTER is re-checked against billing's facts just before the call.
 */
@Singleton
public class BureauAttemptRunner extends AttemptRunner<BureauAttemptEntity, BureauAttemptRunner.Call> {
    private final NegativationRepository repository;
    private final NegativationService negativations;
    private final Bureaus bureaus;

    public BureauAttemptRunner(NegativationRepository repository, NegativationService negativations, Bureaus bureaus,
                               NegativationConfig config, Clock clock) {
        super("the bureau", config, clock);
        this.repository = repository;
        this.negativations = negativations;
        this.bureaus = bureaus;
    }

    /** A claimed bureau call. */
    public record Call(UUID attemptId, UUID negativationId, String tenantId, String operation, String key, BureauName bureau,
                       BureauPort.DebtToRegister debt, String noticeProtocol, String registrationProtocol,
                       BureauPort.RemovalReason removalReason) implements AttemptRunner.Work {
    }

    @Scheduled(every = "${regua.credit.negativation.poll-interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        tick();
    }

    @Override
    protected Uni<List<BureauAttemptEntity>> claimDue(Instant now, int limit) {
        return repository.claimDue(now, limit);
    }

    @Override
    protected Uni<BureauAttemptEntity> attempt(UUID id) {
        return repository.attempt(id);
    }

    /** Re-checks the facts before calling: a REGISTER for a debt paid meanwhile is not made (removal instead). */
    @Override
    protected Uni<Call> prepare(BureauAttemptEntity a, Instant now) {
        return repository.negativation(a.tenantId, a.negativationId).chain(n -> {
            String expected = switch (a.operation) {
                case "NOTICE" -> "NOTICE_REQUESTED";
                case "REGISTER" -> "REGISTRATION_REQUESTED";
                default -> null;
            };
            if (expected != null && !expected.equals(n.state)) {
                a.cancel(now, "not called: the negativação is " + n.state);
                return Uni.createFrom().nullItem();
            }
            Uni<Boolean> go = a.operation.equals("REGISTER")
                    ? negativations.stillOpen(n).chain(open -> open ? Uni.createFrom().item(true)
                    : negativations.requestRemoval(n, BureauPort.RemovalReason.PAYMENT, null, null).replaceWith(false))
                    : Uni.createFrom().item(true);
            return go.chain(proceed -> proceed ? repository.debts(n.id).map(debts -> call(a, n, debts)) : Uni.createFrom().nullItem());
        });
    }

    private static Call call(BureauAttemptEntity a, NegativationEntity n, List<dev.regua.credit.negativation.persistence.NegativationDebtEntity> debts) {
        return new Call(a.id, n.id, n.tenantId, a.operation, a.idempotencyKey, BureauName.parse(n.bureau),
                NegativationService.debtToRegister(n, debts), n.noticeProtocol, n.registrationProtocol,
                n.removalReason == null ? BureauPort.RemovalReason.PAYMENT : BureauPort.RemovalReason.valueOf(n.removalReason));
    }

    @Override
    protected Object call(Call w) {
        BureauPort bureau = bureaus.of(w.bureau());
        return switch (w.operation()) {
            case "NOTICE" -> bureau.sendNotice(w.debt(), w.key());
            case "REGISTER" -> bureau.register(w.debt(), w.noticeProtocol(), w.key());
            case "REMOVE" -> bureau.remove(w.registrationProtocol(), w.removalReason(), w.key());
            default -> throw new IllegalStateException("unknown operation " + w.operation());
        };
    }

    @Override
    protected Uni<Void> onDone(BureauAttemptEntity a, Call w, Object receipt) {
        return repository.negativation(a.tenantId, a.negativationId).chain(n -> switch (receipt) {
            case BureauPort.NoticeReceipt r -> negativations.noticeSent(n, r);
            case BureauPort.RegistrationReceipt r -> negativations.registered(n, r);
            case BureauPort.RemovalReceipt r -> negativations.removed(n, r);
            default -> Uni.createFrom().voidItem();
        });
    }

    @Override
    protected Uni<Void> onRefused(BureauAttemptEntity a, Call w, String code) {
        return repository.negativation(a.tenantId, a.negativationId).chain(n -> negativations.bureauRefused(n, w.operation(), code));
    }
}
