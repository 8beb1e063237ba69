package dev.regua.billing.receivable.persistence;

import dev.regua.billing.receivable.domain.Installment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The due sweep's one statement: claims a batch of installments and moves them, set-based. */
@ApplicationScoped
public class DueSweepRepository {
    /** Serialises sweeps of one tenant (two instances, or a manual run beside the scheduled one), so order holds. */
    private static final int SWEEP_LOCK_CLASS = 0x5EE9;

    /**
     * Takes the tenant's sweep lock (transaction-scoped: concurrent sweeps of a tenant take turns batch by batch,
     * so events keep their order), then in one statement claims (locks, in due-date order) the first {@code limit} unsettled installments that owe a transition on the sweep date, and moves them: to
     * OVERDUE when their original due date is on or before {@code overdueCutoffs[graceDays]}, else to DUE. Answers
     * the claimed installments <em>as they were before</em> (the caller derives the events from them with the
     * domain's own rule, and checks that it agrees), in due-date order.
     *
     * @param horizon        the last due date inside the billing window (sweep date plus the lead days)
     * @param overdueCutoffs index g: the last original due date that is overdue on the sweep date for g grace days
     */
    public Uni<List<Installment>> claimAndMove(String tenantId, LocalDate horizon, List<LocalDate> overdueCutoffs,
                                               int limit, Instant now) {
        String cutoffs = overdueCutoffs.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
        String overdue = "original_due_date <= (cast(cast(?3 as text) as date[]))[grace_days + 1]";
        String sql = "with claimed as (select i as was, i.id from installment i where i.tenant_id = ?1 "
                + "and i.status in ('OPEN', 'DUE', 'PARTIALLY_PAID') and i.due_date <= ?2 "
                + "and (i.status = 'OPEN' or i." + overdue + ") "
                + "order by i.due_date, i.id limit ?4 for update of i) "
                + "update installment set status = case when " + overdue + " then 'OVERDUE' else 'DUE' end, "
                + "updated_at = ?5 from claimed where installment.id = claimed.id "
                + "returning (claimed.was).*";
        return Panache.getSession()
                // first, in its own statement (so the claim's snapshot is taken after it): one sweeper per tenant
                .chain(s -> s.createNativeQuery("select cast(pg_advisory_xact_lock(" + SWEEP_LOCK_CLASS
                                + ", hashtext(?1)) as text)", String.class).setParameter(1, tenantId).getSingleResult()
                        .chain(() -> s.createNativeQuery(sql, InstallmentEntity.class)
                                .setParameter(1, tenantId).setParameter(2, horizon).setParameter(3, cutoffs)
                                .setParameter(4, limit).setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                                .setReadOnly(true)
                                .getResultList()))
                .map(rows -> rows.stream().map(ReceivableRepository::toDomain).sorted(DUE_DATE_ORDER).toList());
    }

    /** PostgreSQL's order: due date, then the id's 16 bytes unsigned (RETURNING keeps no order). */
    private static final Comparator<Installment> DUE_DATE_ORDER = Comparator.comparing(Installment::dueDate)
            .thenComparing(Installment::id, DueSweepRepository::compareAsPostgres);

    private static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
