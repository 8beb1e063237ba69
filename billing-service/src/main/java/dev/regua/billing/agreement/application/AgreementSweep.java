package dev.regua.billing.agreement.application;

import dev.regua.billing.agreement.persistence.AgreementEntity;
import dev.regua.billing.agreement.persistence.AgreementRepository;
import dev.regua.billing.receivable.application.DueSweep;
import dev.regua.billing.tenant.persistence.TenantEntity;
import dev.regua.billing.tenant.persistence.TenantRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Breaks agreements whose down payment was not paid by its deadline. State lives in the database (the agreement's
 * status and deadline), so the sweep is idempotent and catches up after downtime; it works per tenant on the same
 * business date as the due sweep, in keyset batches, each batch one transaction.
 */
@ApplicationScoped
public class AgreementSweep {
    private static final Logger LOG = Logger.getLogger(AgreementSweep.class);
    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    private static final UUID NO_ID = new UUID(0, 0);
    private static final int BATCH = 100;
    private final TenantRepository tenants;
    private final AgreementRepository agreements;
    private final Agreements service;
    private final DueSweep dueSweep;

    public AgreementSweep(TenantRepository tenants, AgreementRepository agreements, Agreements service, DueSweep dueSweep) {
        this.tenants = tenants;
        this.agreements = agreements;
        this.service = service;
        this.dueSweep = dueSweep;
    }

    @Scheduled(every = "${regua.billing.agreement-sweep.interval:60s}", delayed = "4s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return sweepAll().onFailure().invoke(e -> LOG.warn("agreement sweep failed; it will run again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Integer> sweepAll() {
        return Panache.withSession(tenants::allTenants).chain(list -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (TenantEntity t : list) {
                LocalDate asOf = dueSweep.asOf(ZoneId.of(t.timeZone));
                chain = chain.chain(total -> batch(t.tenantId, asOf, t.dueLeadDays, BEGINNING, NO_ID).map(n -> total + n));
            }
            return chain;
        });
    }

    private Uni<Integer> batch(String tenantId, LocalDate asOf, int leadDays, LocalDate afterDeadline, UUID afterId) {
        return Panache.withTransaction(() -> agreements.toCheck(tenantId, asOf, afterDeadline, afterId, BATCH).chain(list -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (AgreementEntity a : list) {
                chain = chain.chain(n -> service.check(a, asOf, leadDays).map(k -> n + k));
            }
            AgreementEntity last = list.isEmpty() ? null : list.get(list.size() - 1);
            return chain.map(n -> new Batch(n, list.size(), last == null ? null : last.downPaymentDeadline, last == null ? null : last.id));
        })).chain(b -> b.size() < BATCH ? Uni.createFrom().item(b.events())
                : batch(tenantId, asOf, leadDays, b.lastDeadline(), b.lastId()).map(n -> n + b.events()));
    }

    private record Batch(int events, int size, LocalDate lastDeadline, UUID lastId) {
    }
}
