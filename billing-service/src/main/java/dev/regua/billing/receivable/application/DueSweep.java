package dev.regua.billing.receivable.application;

import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.domain.InstallmentStatus;
import dev.regua.billing.receivable.domain.OverdueCutoffs;
import dev.regua.billing.receivable.persistence.DueSweepRepository;
import dev.regua.billing.tenant.persistence.TenantEntity;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.contract.RegisteredEvent;
import dev.regua.kernel.calendar.BankCalendar;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Due and overdue detection. For each tenant, once its local morning has come, moves installments into their
 * billing window (due) and past it (overdue), publishing the events through the outbox. Transitions are
 * state-based, so the sweep is idempotent and, after downtime, catches up every missed transition once, in
 * due-date order. It works set-based, in batches: per batch one statement claims and moves the installments
 * (their due and overdue dates turned into {@link OverdueCutoffs} of the tenant's bank calendar), their events
 * derived by the domain from the states before; memory does not grow with the number of installments.
 */
@ApplicationScoped
public class DueSweep {
    private static final Logger LOG = Logger.getLogger(DueSweep.class);

    private final TenantRepository tenants;
    private final DueSweepRepository sweeps;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final LocalTime morning;
    private final int batchSize;
    private final ReceivableService service;

    public DueSweep(TenantRepository tenants, DueSweepRepository sweeps, OutboxWriter outbox, Clock clock,
                    @ConfigProperty(name = "regua.billing.sweep.local-time", defaultValue = "06:00") LocalTime morning,
                    @ConfigProperty(name = "regua.billing.sweep.batch-size", defaultValue = "500") int batchSize,
                    ReceivableService receivableService) {
        this.service = receivableService;
        this.tenants = tenants;
        this.sweeps = sweeps;
        this.outbox = outbox;
        this.clock = clock;
        this.morning = morning;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${regua.billing.sweep.interval:60s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return sweepAll().onFailure().invoke(e -> LOG.warn("due sweep failed; it will run again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sweeps every tenant; answers the number of events published. */
    public Uni<Integer> sweepAll() {
        return Panache.withSession(tenants::allTenants).chain(list -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (TenantEntity t : list) {
                chain = chain.chain(total -> sweepTenant(t.tenantId, ZoneId.of(t.timeZone), t.dueLeadDays).map(n -> total + n));
            }
            return chain;
        });
    }

    /** The business date the sweep applies for a tenant: today once the local morning has come, else yesterday. */
    public LocalDate asOf(ZoneId zone) {
        ZonedDateTime local = ZonedDateTime.ofInstant(clock.instant(), zone);
        return local.toLocalTime().isBefore(morning) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    Uni<Integer> sweepTenant(String tenantId, ZoneId zone, int leadDays) {
        LocalDate asOf = asOf(zone);
        LocalDate horizon = asOf.plusDays(leadDays);
        return Panache.withSession(() -> service.calendar(tenantId))
                .chain(calendar -> {
                    OverdueCutoffs cutoffs = OverdueCutoffs.on(asOf, calendar);
                    return Multi.createBy().repeating()
                            .uni(() -> batch(tenantId, asOf, horizon, leadDays, calendar, cutoffs))
                            .whilst(result -> result.size() == batchSize)
                            .map(BatchResult::events)
                            .collect().with(Collectors.summingInt(Integer::intValue));
                });
    }

    /**
     * One batch in its own transaction (and session, so nothing accumulates): one statement claims the next
     * installments that owe a transition and moves them; the same transaction appends their events to the outbox,
     * so the new states and their events commit together, or neither does. A moved installment no longer matches
     * the claim, so the next batch starts where this one ended without a keyset; batches are requested one after
     * the other by a repeating {@link Multi}, not by recursion, so their number is not bounded by the stack.
     */
    private Uni<BatchResult> batch(String tenantId, LocalDate asOf, LocalDate horizon, int leadDays,
                                   BankCalendar calendar, OverdueCutoffs cutoffs) {
        return Panache.withTransaction(() -> sweeps.claimAndMove(tenantId, horizon, cutoffs.byGraceDays(), batchSize, clock.instant())
                .chain(before -> {
                    List<RegisteredEvent> events = new ArrayList<>(2 * before.size());
                    for (Installment i : before) {
                        events.addAll(i.sweep(asOf, leadDays, calendar));
                        InstallmentStatus moved = cutoffs.isOverdue(i.originalDueDate(), i.terms().graceDays())
                                ? InstallmentStatus.OVERDUE : InstallmentStatus.DUE;
                        if (i.status() != moved) {
                            // the statement and the domain disagree: roll the batch back rather than publish a lie
                            throw new IllegalStateException("installment " + i.id() + " moved to " + moved
                                    + " by the sweep statement but to " + i.status() + " by the domain on " + asOf);
                        }
                    }
                    return outbox.appendAll(events).replaceWith(new BatchResult(before.size(), events.size()));
                }));
    }

    private record BatchResult(int size, int events) {
    }
}
