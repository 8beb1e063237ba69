package dev.regua.credit.negativation.application;

import dev.regua.credit.bureau.adapter.Bureaus;
import dev.regua.credit.bureau.domain.BureauException;
import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.negativation.domain.NegativationRules;
import dev.regua.credit.negativation.persistence.BureauAttemptEntity;
import dev.regua.credit.negativation.persistence.NegativationEntity;
import dev.regua.credit.negativation.persistence.NegativationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes the bureau calls that {@code bureau_attempt} rows ask for. Three steps, so that no database transaction
 * stays open during a slow call: (1) claim due rows with {@code FOR UPDATE SKIP LOCKED} and hide them for a lease;
 * (2) call the bureau with the row's idempotency key; (3) in a new transaction apply the answer (state change and
 * event) or, when the bureau was unavailable, schedule the next try with backoff. A crash between (2) and (3) only
 * means the call is made again after the lease, with the same key, and the bureau answers as before.
 */
@ApplicationScoped
public class BureauAttemptRunner {
    private static final Logger LOG = Logger.getLogger(BureauAttemptRunner.class);
    private final NegativationRepository repository;
    private final NegativationService negativations;
    private final Bureaus bureaus;
    private final NegativationConfig config;
    private final Clock clock;

    public BureauAttemptRunner(NegativationRepository repository, NegativationService negativations, Bureaus bureaus,
                               NegativationConfig config, Clock clock) {
        this.repository = repository;
        this.negativations = negativations;
        this.bureaus = bureaus;
        this.config = config;
        this.clock = clock;
    }

    /** A claimed call, with everything needed to make it outside the transaction. */
    record Work(UUID attemptId, String operation, String idempotencyKey, BureauName bureau, BureauPort.DebtToRegister debt,
                String noticeProtocol, String registrationProtocol, BureauPort.RemovalReason removalReason) {
    }

    /** What the bureau said. */
    sealed interface Answer {
    }

    record Done(Object receipt) implements Answer {
    }

    record Unavailable(String message) implements Answer {
    }

    record Refused(String code, String message) implements Answer {
    }

    @Scheduled(every = "${regua.credit.negativation.poll-interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            runDue();
        } catch (Throwable e) {
            LOG.warn("bureau attempts failed; they will run again", e);
        }
    }

    /** Runs one batch of due attempts (blocking; not on an event loop). Answers how many were claimed. */
    public int runDue() throws Throwable {
        List<Work> claimed = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::claim));
        for (Work work : claimed) {
            Answer answer = call(work);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> apply(work, answer)));
        }
        return claimed.size();
    }

    private Uni<List<Work>> claim() {
        Instant now = clock.instant();
        return repository.claimDue(now, config.batchSize()).chain(attempts -> {
            List<Work> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (BureauAttemptEntity a : attempts) {
                chain = chain.chain(() -> repository.negativation(a.tenantId, a.negativationId)
                        .chain(n -> prepare(a, n, now)).invoke(w -> {
                            if (w != null) {
                                out.add(w);
                            }
                        }).replaceWithVoid());
            }
            return chain.replaceWith(out);
        });
    }

    /** Re-checks the facts before calling: a REGISTER for a debt paid meanwhile is not made. */
    private Uni<Work> prepare(BureauAttemptEntity a, NegativationEntity n, Instant now) {
        String expected = switch (a.operation) {
            case "NOTICE" -> "NOTICE_REQUESTED";
            case "REGISTER" -> "REGISTRATION_REQUESTED";
            default -> null;
        };
        if (expected != null && !expected.equals(n.state)) {
            a.status = "CANCELLED";
            a.completedAt = now;
            a.lastError = "not called: the negativação is " + n.state;
            return Uni.createFrom().nullItem();
        }
        Uni<Boolean> go = a.operation.equals("REGISTER")
                ? negativations.stillOpen(n).chain(open -> open ? Uni.createFrom().item(true)
                : negativations.requestRemoval(n, BureauPort.RemovalReason.PAYMENT, null, null).replaceWith(false))
                : Uni.createFrom().item(true);
        return go.chain(proceed -> {
            if (!proceed) {
                return Uni.createFrom().nullItem();
            }
            a.attempts++;
            a.nextAttemptAt = now.plus(config.lease());
            return repository.debts(n.id).map(debts -> new Work(a.id, a.operation, a.idempotencyKey, BureauName.parse(n.bureau),
                    NegativationService.debtToRegister(n, debts), n.noticeProtocol, n.registrationProtocol,
                    n.removalReason == null ? BureauPort.RemovalReason.PAYMENT : BureauPort.RemovalReason.valueOf(n.removalReason)));
        });
    }

    private Answer call(Work w) {
        BureauPort bureau = bureaus.of(w.bureau());
        try {
            Object receipt = switch (w.operation()) {
                case "NOTICE" -> bureau.sendNotice(w.debt(), w.idempotencyKey());
                case "REGISTER" -> bureau.register(w.debt(), w.noticeProtocol(), w.idempotencyKey());
                case "REMOVE" -> bureau.remove(w.registrationProtocol(), w.removalReason(), w.idempotencyKey());
                default -> throw new IllegalStateException("unknown operation " + w.operation());
            };
            return new Done(receipt);
        } catch (BureauException e) {
            LOG.infof("%s %s at %s: %s", w.operation(), w.idempotencyKey(), w.bureau(), e.getMessage());
            return e.transientFailure() ? new Unavailable(e.getMessage()) : new Refused(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s %s at %s failed unexpectedly", w.operation(), w.idempotencyKey(), w.bureau());
            return new Unavailable(e.toString());
        }
    }

    private Uni<Void> apply(Work w, Answer answer) {
        Instant now = clock.instant();
        return repository.attempt(w.attemptId()).chain(a -> repository.negativation(a.tenantId, a.negativationId).chain(n -> {
            switch (answer) {
                case Unavailable u -> {
                    a.lastError = truncate(u.message());
                    if ("PENDING".equals(a.status)) {
                        a.nextAttemptAt = now.plus(NegativationRules.backoff(a.attempts, config.retryBase(), config.retryMax()));
                    }
                    return Uni.createFrom().voidItem();
                }
                case Refused r -> {
                    a.status = "FAILED";
                    a.completedAt = now;
                    a.lastError = truncate(r.message());
                    return negativations.bureauRefused(n, w.operation(), r.code());
                }
                case Done d -> {
                    a.status = "DONE";
                    a.completedAt = now;
                    a.lastError = null;
                    return switch (d.receipt()) {
                        case BureauPort.NoticeReceipt receipt -> negativations.noticeSent(n, receipt);
                        case BureauPort.RegistrationReceipt receipt -> negativations.registered(n, receipt);
                        case BureauPort.RemovalReceipt receipt -> negativations.removed(n, receipt);
                        default -> Uni.createFrom().voidItem();
                    };
                }
            }
        }));
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
