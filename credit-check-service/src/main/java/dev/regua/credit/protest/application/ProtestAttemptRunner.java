package dev.regua.credit.protest.application;

import dev.regua.credit.bureau.adapter.Bureaus;
import dev.regua.credit.bureau.application.AttemptRunner;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.bureau.domain.NotaryPort;
import dev.regua.credit.negativation.application.NegativationConfig;
import dev.regua.credit.protest.persistence.ProtestAttemptEntity;
import dev.regua.credit.protest.persistence.ProtestRepository;
import dev.regua.credit.tenant.application.TenantTimes;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Makes the notary central calls {@code protest_attempt} rows ask for (PROTEST, CHECK, WITHDRAW, CONSENT, CANCEL),
 * with the retry scaffolding of {@link AttemptRunner}; dates sent to the central are the tenant's today.
 */
@Singleton
public class ProtestAttemptRunner extends AttemptRunner<ProtestAttemptEntity, ProtestAttemptRunner.Call> {
    private final ProtestRepository repository;
    private final ProtestService protests;
    private final Bureaus bureaus;
    private final TenantTimes times;

    public ProtestAttemptRunner(ProtestRepository repository, ProtestService protests, Bureaus bureaus, NegativationConfig config,
                                Clock clock, TenantTimes times) {
        super("the notary central", config, clock);
        this.repository = repository;
        this.protests = protests;
        this.bureaus = bureaus;
        this.times = times;
    }

    /** A claimed notary call; {@code today} is the tenant's business date. */
    public record Call(UUID attemptId, String operation, String key, BureauPort.DebtToRegister debt, String protocol,
                       LocalDate today) implements AttemptRunner.Work {
    }

    @Scheduled(every = "${regua.credit.negativation.poll-interval:5s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        tick();
    }

    @Override
    protected Uni<List<ProtestAttemptEntity>> claimDue(Instant now, int limit) {
        return repository.claimDue(now, limit);
    }

    @Override
    protected Uni<ProtestAttemptEntity> attempt(UUID id) {
        return repository.attempt(id);
    }

    @Override
    protected Uni<Call> prepare(ProtestAttemptEntity a, Instant now) {
        return repository.protest(a.tenantId, a.protestId).chain(p -> times.of(p.tenantId).map(t -> {
            boolean stale = a.operation.equals("PROTEST") && !p.state.equals("REQUESTED")
                    || a.operation.equals("CHECK") && !p.state.equals("DEBTOR_NOTIFIED") && !p.state.equals("REFUSED");
            if (stale) {
                a.cancel(now, "not called: the protest is " + p.state);
                return null;
            }
            return new Call(a.id, a.operation, a.idempotencyKey, ProtestService.debt(p), p.protocol, t.today(clock));
        }));
    }

    @Override
    protected Object call(Call w) {
        NotaryPort notary = bureaus.notary();
        return switch (w.operation()) {
            case "PROTEST" -> notary.present(w.debt(), w.today(), w.key());
            case "CHECK" -> notary.status(w.protocol(), w.today());
            case "WITHDRAW" -> notary.withdraw(w.protocol(), w.today(), w.key());
            case "CONSENT" -> notary.consent(w.protocol(), w.key());
            case "CANCEL" -> notary.cancel(w.protocol(), w.key());
            default -> throw new IllegalStateException("unknown operation " + w.operation());
        };
    }

    @Override
    protected Uni<Void> onDone(ProtestAttemptEntity a, Call w, Object receipt) {
        return repository.protest(a.tenantId, a.protestId).chain(p -> switch (receipt) {
            case NotaryPort.TitleReceipt r when w.operation().equals("PROTEST") -> protests.notified(p, r);
            case NotaryPort.TitleReceipt r when w.operation().equals("CHECK") -> protests.checked(p, r);
            case NotaryPort.TitleReceipt r -> protests.withdrawn(p);
            case NotaryPort.ConsentReceipt r -> protests.consented(p, r);
            case NotaryPort.CancellationReceipt r -> protests.cancelled(p);
            default -> Uni.createFrom().voidItem();
        });
    }

    @Override
    protected Uni<Void> onRefused(ProtestAttemptEntity a, Call w, String code) {
        return repository.protest(a.tenantId, a.protestId).chain(p -> protests.refused(p, w.operation(), code));
    }
}
