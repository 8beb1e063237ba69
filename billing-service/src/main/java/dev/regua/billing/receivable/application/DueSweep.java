package dev.regua.billing.receivable.application;

import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.persistence.TenantEntity;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.contract.RegisteredEvent;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Due and overdue detection. For each tenant, once its local morning has come, moves installments into their
 * billing window (due) and past it (overdue), publishing the events through the outbox. Transitions are
 * state-based, so the sweep is idempotent and, after downtime, catches up every missed transition once, in
 * due-date order. It works in keyset batches: memory does not grow with the number of installments.
 */
@ApplicationScoped
public class DueSweep {
    private static final Logger LOG = Logger.getLogger(DueSweep.class);
    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    private static final UUID NO_ID = new UUID(0, 0);

    private final TenantRepository tenants;
    private final ReceivableRepository receivables;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final LocalTime morning;
    private final int batchSize;
    private final ReceivableService service;

    public DueSweep(TenantRepository tenants, ReceivableRepository receivables, OutboxWriter outbox, Clock clock,
                    @ConfigProperty(name = "regua.billing.sweep.local-time", defaultValue = "06:00") LocalTime morning,
                    @ConfigProperty(name = "regua.billing.sweep.batch-size", defaultValue = "500") int batchSize,
                    ReceivableService receivableService) {
        this.service = receivableService;
        this.tenants = tenants;
        this.receivables = receivables;
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
                .chain(calendar -> Multi.createBy().repeating()
                        .uni(Keyset::new, keyset -> batch(tenantId, asOf, horizon, leadDays, calendar, keyset))
                        .whilst(result -> result.size() == batchSize)
                        .map(BatchResult::events)
                        .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    /**
     * One keyset batch in its own transaction (and session, so nothing accumulates): the installments' new states
     * and their events commit together, or neither does. Batches are requested one after the other by a repeating
     * {@link Multi}, not by recursion, so the number of batches is not bounded by the stack.
     */
    private Uni<BatchResult> batch(String tenantId, LocalDate asOf, LocalDate horizon, int leadDays,
                                   dev.regua.kernel.calendar.BankCalendar calendar, Keyset keyset) {
        return Panache.withTransaction(() -> receivables.sweepBatch(tenantId, horizon, keyset.afterDate, keyset.afterId, batchSize)
                .chain(batch -> {
                    List<Transition> transitions = new ArrayList<>();
                    for (Installment i : batch) {
                        List<RegisteredEvent> happened = i.sweep(asOf, leadDays, calendar);
                        if (!happened.isEmpty()) {
                            transitions.add(new Transition(i, happened));
                        }
                    }
                    Installment last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
                    int events = transitions.stream().mapToInt(t -> t.events().size()).sum();
                    // one installment after the other (a Multi, not a chain of Unis as deep as the batch)
                    return Multi.createFrom().iterable(transitions)
                            .onItem().transformToUniAndConcatenate(t -> receivables.update(t.installment(), clock.instant())
                                    .chain(() -> outbox.appendAll(t.events())))
                            .collect().last()
                            .replaceWith(new BatchResult(batch.size(), events, last));
                }))
                .invoke(result -> {
                    if (result.last() != null) {
                        keyset.afterDate = result.last().dueDate();
                        keyset.afterId = result.last().id();
                    }
                });
    }

    /** Where the next batch starts: after this (due date, id). */
    private static final class Keyset {
        private LocalDate afterDate = BEGINNING;
        private UUID afterId = NO_ID;
    }

    private record Transition(Installment installment, List<RegisteredEvent> events) {
    }

    private record BatchResult(int size, int events, Installment last) {
    }
}
