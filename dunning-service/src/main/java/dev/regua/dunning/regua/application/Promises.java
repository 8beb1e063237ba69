package dev.regua.dunning.regua.application;

import dev.regua.contract.MoneyAmount;
import dev.regua.contract.dunning.PromiseBroken;
import dev.regua.contract.dunning.PromiseKept;
import dev.regua.dunning.regua.domain.Promise;
import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.PromiseEntity;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Promises to pay. Recording one pauses the payer's régua (the step runner postpones their messages); the monitor
 * recomputes each open promise from the facts: kept as soon as nothing of the payer is overdue, broken once its
 * date plus grace has passed with something still overdue. Both outcomes are events.
 */
@ApplicationScoped
public class Promises {
    private static final Logger LOG = Logger.getLogger(Promises.class);
    private final DunningRepository repository;
    private final OutboxWriter outbox;
    private final Cases cases;
    private final Clock clock;
    private final int graceDays;
    private final int maxDaysAhead;

    public Promises(DunningRepository repository, OutboxWriter outbox, Cases cases, Clock clock,
                    @ConfigProperty(name = "regua.dunning.promise.grace-days", defaultValue = "1") int graceDays,
                    @ConfigProperty(name = "regua.dunning.promise.max-days-ahead", defaultValue = "30") int maxDaysAhead) {
        this.repository = repository;
        this.outbox = outbox;
        this.cases = cases;
        this.clock = clock;
        this.graceDays = graceDays;
        this.maxDaysAhead = maxDaysAhead;
    }

    /** Records a promise; refuses a date in the past or too far ahead, and a second open promise. */
    public Uni<PromiseEntity> record(String tenantId, UUID payerId, LocalDate promisedDate, BigDecimal amount, String actor) {
        return repository.tenant(tenantId).chain(tenant -> repository.payer(tenantId, payerId).chain(payer -> {
            if (tenant == null || payer == null) {
                throw new ResourceNotFoundException("payer " + payerId + " not found");
            }
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(tenant.timeZone)));
            if (promisedDate.isBefore(today)) {
                throw new InvalidInputException("promisedDate", "must not be in the past (today is " + today + ")");
            }
            if (promisedDate.isAfter(today.plusDays(maxDaysAhead))) {
                throw new InvalidInputException("promisedDate", "must be within " + maxDaysAhead + " days");
            }
            return repository.openPromise(tenantId, payerId).chain(open -> {
                if (open != null) {
                    throw new BusinessRuleException("one-open-promise", "the payer already has an open promise for " + open.promisedDate);
                }
                PromiseEntity p = new PromiseEntity();
                p.id = UUID.randomUUID();
                p.tenantId = tenantId;
                p.payerId = payerId;
                p.promisedDate = promisedDate;
                p.amount = amount;
                p.graceDays = graceDays;
                p.status = "OPEN";
                p.createdBy = actor;
                p.createdAt = clock.instant();
                return repository.persist(p)
                        .chain(() -> cases.onLatest(tenantId, payerId, p.createdAt, "PROMISE", "promise to pay "
                                + CaseMath.brl(amount) + " by " + promisedDate, p.id.toString(), actor, "promise:" + p.id + ":OPEN"))
                        .replaceWith(p);
            });
        }));
    }

    @Scheduled(every = "${regua.dunning.poll-interval:10s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return resolve().onFailure().invoke(e -> LOG.warn("promise monitor failed; it will run again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Resolves open promises from the facts; answers how many were kept or broken. */
    public Uni<Integer> resolve() {
        return Panache.withTransaction(() -> repository.claimOpenPromises(100).chain(promises -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (PromiseEntity p : promises) {
                chain = chain.chain(n -> resolve(p).map(done -> done ? n + 1 : n));
            }
            return chain;
        }));
    }

    private Uni<Boolean> resolve(PromiseEntity p) {
        return repository.tenant(p.tenantId).chain(tenant -> repository.overdueCount(p.tenantId, p.payerId).chain(overdue -> {
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(tenant.timeZone)));
            Promise promise = new Promise(p.promisedDate, p.graceDays);
            MoneyAmount amount = MoneyAmount.brl(p.amount);
            if (overdue == 0) {
                p.status = "KEPT";
                p.resolvedAt = clock.instant();
                return outbox.append(new PromiseKept(UUID.randomUUID().toString(), p.tenantId, p.payerId.toString(),
                                p.id.toString(), p.promisedDate, amount, today))
                        .chain(() -> cases.onLatest(p.tenantId, p.payerId, p.resolvedAt, "PROMISE", "promise kept on " + today,
                                p.id.toString(), "system", "promise:" + p.id + ":KEPT"))
                        .replaceWith(true);
            }
            if (promise.brokenBy(today)) {
                p.status = "BROKEN";
                p.resolvedAt = clock.instant();
                return repository.markBrokenPromise(p.tenantId, p.payerId)
                        .chain(() -> outbox.append(new PromiseBroken(UUID.randomUUID().toString(), p.tenantId,
                                p.payerId.toString(), p.id.toString(), p.promisedDate, amount, promise.brokenOn())))
                        .chain(() -> cases.onLatest(p.tenantId, p.payerId, earliest(promise.brokenOn().atStartOfDay(
                                ZoneId.of(tenant.timeZone)).toInstant(), p.resolvedAt), "PROMISE", "promise broken: nothing paid by "
                                + p.promisedDate + " plus " + p.graceDays + " grace day(s)", p.id.toString(), "system",
                                "promise:" + p.id + ":BROKEN"))
                        .replaceWith(true);
            }
            return Uni.createFrom().item(false);
        }));
    }

    /** A fact dated by the business goes on the timeline at the start of its day, never in the future. */
    private static java.time.Instant earliest(java.time.Instant a, java.time.Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public Uni<List<PromiseEntity>> ofPayer(String tenantId, UUID payerId) {
        return repository.promisesOfPayer(tenantId, payerId);
    }
}
