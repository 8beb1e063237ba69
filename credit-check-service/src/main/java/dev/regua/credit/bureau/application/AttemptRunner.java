package dev.regua.credit.bureau.application;

import dev.regua.credit.bureau.domain.BureauException;
import dev.regua.credit.bureau.persistence.CallAttempt;
import dev.regua.credit.negativation.application.NegativationConfig;
import dev.regua.credit.negativation.domain.NegativationRules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes the outside calls that attempt rows ask for, in three steps so that no database transaction stays open
 * during a slow call: (1) claim due rows ({@code FOR UPDATE SKIP LOCKED}), re-check what each is for and hide it for a
 * lease; (2) call the other party with the row's idempotency key; (3) in a new transaction apply the answer, or, when
 * the party was unavailable (timeout, 5xx), schedule the next try with backoff ({@code retry-base} doubling to
 * {@code retry-max}, no limit). A crash between (2) and (3) only means the call is made again after the lease, with
 * the same key, and the party answers as before. Subclasses say which rows, which call and what an answer changes.
 *
 * Runners are {@code @Singleton} beans (no client proxy, so the superclass needs no no-args constructor).
 *
 * @param <A> the attempt row
 * @param <W> a claimed call, with everything needed to make it outside the transaction
 */
public abstract class AttemptRunner<A extends CallAttempt, W extends AttemptRunner.Work> {
    private final Logger log;
    private final String party;
    protected final NegativationConfig config;
    protected final Clock clock;

    /** A claimed call: its attempt row, operation and idempotency key. */
    public interface Work {
        UUID attemptId();

        String operation();

        String key();
    }

    /** What the other party said. */
    public sealed interface Answer {
    }

    public record Done(Object receipt) implements Answer {
    }

    public record Unavailable(String message) implements Answer {
    }

    public record Refused(String code, String message) implements Answer {
    }

    protected AttemptRunner(String party, NegativationConfig config, Clock clock) {
        this.party = party;
        this.config = config;
        this.clock = clock;
        this.log = Logger.getLogger(getClass());
    }

    /** The scheduler's tick: one batch; a failure is logged and the rows run again at a later tick. */
    protected void tick() {
        try {
            runDue();
        } catch (Throwable e) {
            log.warn(party + " attempts failed; they will run again", e);
        }
    }

    /** Runs one batch of due attempts (blocking; not on an event loop). Answers how many were claimed. */
    public int runDue() throws Throwable {
        List<W> claimed = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::claim));
        for (W work : claimed) {
            Answer answer = callSafely(work);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> apply(work, answer)));
        }
        return claimed.size();
    }

    /** Due PENDING rows, locked for this transaction. */
    protected abstract Uni<List<A>> claimDue(Instant now, int limit);

    /** The row by id (in the apply transaction). */
    protected abstract Uni<A> attempt(UUID id);

    /**
     * Re-checks what the row is for and builds the call, or answers null when it must not be made (the subclass
     * cancels the row or undoes what it was for).
     */
    protected abstract Uni<W> prepare(A attempt, Instant now);

    /** Makes the call; throws {@link BureauException} when the party refuses or is unavailable. */
    protected abstract Object call(W work);

    /** Applies a receipt (the row is already DONE). */
    protected abstract Uni<Void> onDone(A attempt, W work, Object receipt);

    /** Applies a refusal (the row is already FAILED). */
    protected abstract Uni<Void> onRefused(A attempt, W work, String code);

    private Uni<List<W>> claim() {
        Instant now = clock.instant();
        return claimDue(now, config.batchSize()).chain(attempts -> {
            List<W> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (A a : attempts) {
                chain = chain.chain(() -> prepare(a, now).invoke(w -> {
                    if (w != null && a.pending()) {
                        a.lease(now, config.lease());
                        out.add(w);
                    }
                }).replaceWithVoid());
            }
            return chain.replaceWith(out);
        });
    }

    private Answer callSafely(W w) {
        try {
            return new Done(call(w));
        } catch (BureauException e) {
            log.infof("%s %s at %s: %s", w.operation(), w.key(), party, e.getMessage());
            return e.transientFailure() ? new Unavailable(e.getMessage()) : new Refused(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.warnf(e, "%s %s at %s failed unexpectedly", w.operation(), w.key(), party);
            return new Unavailable(e.toString());
        }
    }

    private Uni<Void> apply(W w, Answer answer) {
        Instant now = clock.instant();
        return attempt(w.attemptId()).chain(a -> switch (answer) {
            case Unavailable u -> {
                a.retryAfter(now, NegativationRules.backoff(a.attempts, config.retryBase(), config.retryMax()), u.message());
                yield Uni.createFrom().voidItem();
            }
            case Refused r -> {
                a.failed(now, r.message());
                yield onRefused(a, w, r.code());
            }
            case Done d -> {
                a.done(now);
                yield onDone(a, w, d.receipt());
            }
        });
    }
}
