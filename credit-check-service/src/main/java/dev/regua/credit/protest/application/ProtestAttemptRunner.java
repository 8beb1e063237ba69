package dev.regua.credit.protest.application;

import dev.regua.credit.bureau.adapter.Bureaus;
import dev.regua.credit.bureau.domain.BureauException;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.bureau.domain.NotaryPort;
import dev.regua.credit.negativation.application.NegativationConfig;
import dev.regua.credit.negativation.domain.NegativationRules;
import dev.regua.credit.protest.persistence.ProtestAttemptEntity;
import dev.regua.credit.protest.persistence.ProtestRepository;
import dev.regua.credit.tenant.application.TenantTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Makes the notary calls {@code protest_attempt} rows ask for, exactly as {@code BureauAttemptRunner} does for bureaus. */
@ApplicationScoped
public class ProtestAttemptRunner {
    private static final Logger LOG = Logger.getLogger(ProtestAttemptRunner.class);
    private final ProtestRepository repository;
    private final ProtestService protests;
    private final Bureaus bureaus;
    private final NegativationConfig config;
    private final Clock clock;
    private final TenantTimes times;

    public ProtestAttemptRunner(ProtestRepository repository, ProtestService protests, Bureaus bureaus, NegativationConfig config,
                                Clock clock, TenantTimes times) {
        this.times = times;
        this.repository = repository;
        this.protests = protests;
        this.bureaus = bureaus;
        this.config = config;
        this.clock = clock;
    }

    record Work(UUID attemptId, String operation, String key, BureauPort.DebtToRegister debt, String protocol, LocalDate today) {
    }

    @Scheduled(every = "${regua.credit.negativation.poll-interval:5s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            runDue();
        } catch (Throwable e) {
            LOG.warn("notary attempts failed; they will run again", e);
        }
    }

    public int runDue() throws Throwable {
        List<Work> claimed = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::claim));
        for (Work w : claimed) {
            Object answer = call(w);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> apply(w, answer)));
        }
        return claimed.size();
    }

    private Uni<List<Work>> claim() {
        Instant now = clock.instant();
        return repository.claimDue(now, config.batchSize()).chain(attempts -> {
            List<Work> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ProtestAttemptEntity a : attempts) {
                chain = chain.chain(() -> repository.protest(a.tenantId, a.protestId).chain(p -> times.of(p.tenantId).invoke(t -> {
                    boolean stale = a.operation.equals("PROTEST") && !p.state.equals("REQUESTED")
                            || a.operation.equals("CHECK") && !p.state.equals("DEBTOR_NOTIFIED") && !p.state.equals("REFUSED");
                    if (stale) {
                        a.status = "CANCELLED";
                        a.completedAt = now;
                        a.lastError = "not called: the protest is " + p.state;
                        return;
                    }
                    a.attempts++;
                    a.nextAttemptAt = now.plus(config.lease());
                    out.add(new Work(a.id, a.operation, a.idempotencyKey, ProtestService.debt(p), p.protocol, t.today(clock)));
                })).replaceWithVoid());
            }
            return chain.replaceWith(out);
        });
    }

    private Object call(Work w) {
        NotaryPort notary = bureaus.notary();
        try {
            return switch (w.operation()) {
                case "PROTEST" -> notary.present(w.debt(), w.today(), w.key());
                case "CHECK" -> notary.status(w.protocol(), w.today());
                case "WITHDRAW" -> notary.withdraw(w.protocol(), w.today(), w.key());
                case "CONSENT" -> notary.consent(w.protocol(), w.key());
                case "CANCEL" -> notary.cancel(w.protocol(), w.key());
                default -> throw new IllegalStateException("unknown operation " + w.operation());
            };
        } catch (BureauException e) {
            LOG.infof("%s %s at the notary central: %s", w.operation(), w.key(), e.getMessage());
            return e;
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s %s failed unexpectedly", w.operation(), w.key());
            return BureauException.unavailable(e.toString(), e);
        }
    }

    private Uni<Void> apply(Work w, Object answer) {
        Instant now = clock.instant();
        return repository.attempt(w.attemptId()).chain(a -> repository.protest(a.tenantId, a.protestId).chain(p -> {
            if (answer instanceof BureauException e) {
                a.lastError = e.getMessage() == null ? null : e.getMessage().length() > 500 ? e.getMessage().substring(0, 500) : e.getMessage();
                if (e.transientFailure()) {
                    if ("PENDING".equals(a.status)) {
                        a.nextAttemptAt = now.plus(NegativationRules.backoff(a.attempts, config.retryBase(), config.retryMax()));
                    }
                    return Uni.createFrom().voidItem();
                }
                a.status = "FAILED";
                a.completedAt = now;
                return protests.refused(p, w.operation(), e.code());
            }
            a.status = "DONE";
            a.completedAt = now;
            a.lastError = null;
            return switch (answer) {
                case NotaryPort.TitleReceipt r when w.operation().equals("PROTEST") -> protests.notified(p, r);
                case NotaryPort.TitleReceipt r when w.operation().equals("CHECK") -> protests.checked(p, r);
                case NotaryPort.TitleReceipt r -> protests.withdrawn(p);
                case NotaryPort.ConsentReceipt r -> protests.consented(p, r);
                case NotaryPort.CancellationReceipt r -> protests.cancelled(p);
                default -> Uni.createFrom().voidItem();
            };
        }));
    }
}
