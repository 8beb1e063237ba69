package dev.regua.billing.receivable.application;

import dev.regua.billing.receivable.domain.Installment;
import dev.regua.billing.receivable.persistence.ReceivableRepository;
import dev.regua.billing.tenant.persistence.TenantEntity;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.contract.RegisteredEvent;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
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
                .chain(calendar -> batch(tenantId, asOf, horizon, leadDays, calendar, BEGINNING, NO_ID, 0));
    }

    private Uni<Integer> batch(String tenantId, LocalDate asOf, LocalDate horizon, int leadDays,
                               dev.regua.kernel.calendar.BankCalendar calendar, LocalDate afterDate,
                               UUID afterId, int publishedSoFar) {
        return Panache.withTransaction(() -> receivables.sweepBatch(tenantId, horizon, afterDate, afterId, batchSize)
                .chain(batch -> {
                    List<RegisteredEvent> events = new ArrayList<>();
                    Uni<Void> writes = Uni.createFrom().voidItem();
                    for (Installment i : batch) {
                        List<RegisteredEvent> happened = i.sweep(asOf, leadDays, calendar);
                        if (!happened.isEmpty()) {
                            events.addAll(happened);
                            writes = writes.chain(() -> receivables.update(i, clock.instant()));
                        }
                    }
                    Installment last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
                    return writes.chain(() -> outbox.appendAll(events))
                            .replaceWith(new BatchResult(batch.size(), events.size(), last));
                }))
                .chain(result -> {
                    int published = publishedSoFar + result.events();
                    if (result.size() < batchSize || result.last() == null) {
                        return Uni.createFrom().item(published);
                    }
                    return batch(tenantId, asOf, horizon, leadDays, calendar, result.last().dueDate(), result.last().id(), published);
                });
    }

    private record BatchResult(int size, int events, Installment last) {
    }
}
