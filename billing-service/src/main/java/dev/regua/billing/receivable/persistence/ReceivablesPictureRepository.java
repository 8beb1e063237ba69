package dev.regua.billing.receivable.persistence;

import dev.regua.billing.receivable.domain.AgingBucket;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Aggregates over unsettled installments, always for one tenant, computed by the database. */
@ApplicationScoped
public class ReceivablesPictureRepository {

    /** Open amount per number of days past due (one row per distinct day count). */
    public record DaysRow(long daysPastDue, long installments, BigDecimal outstanding) {
    }

    /** One payer's open debt: how much, how much of it overdue, since when. */
    public record DebtorRow(UUID payerId, String name, long installments, BigDecimal outstanding, BigDecimal overdue,
                            LocalDate oldestDueDate) {
    }

    /** Open amount of one contract kind per number of days past due. */
    public record KindDaysRow(String kind, long daysPastDue, long installments, BigDecimal outstanding) {
    }

    /** One payer's open amounts in each aging bucket (in {@link AgingBucket} order) and their sum. */
    public record PayerAgingRow(UUID payerId, long seq, String name, List<BigDecimal> buckets, BigDecimal total) {
    }

    public Uni<List<KindDaysRow>> outstandingByKindAndDaysPastDue(String tenantId, LocalDate asOf) {
        String sql = "select c.kind, (cast(?2 as date) - i.due_date) as days, count(*), sum(i.nominal - i.paid_amount) "
                + "from installment i join contract c on c.id = i.contract_id and c.tenant_id = i.tenant_id "
                + "where i.tenant_id = ?1 and i.status in ('OPEN', 'DUE', 'OVERDUE', 'PARTIALLY_PAID') group by 1, 2";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, asOf).getResultList())
                .map(rows -> rows.stream().map(r -> new KindDaysRow((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), (BigDecimal) r[3])).toList());
    }

    /**
     * A page of payers with open installments and their amounts per aging bucket, in registration order (the payer
     * list's {@code seq}), strictly after the payer with {@code afterSeq} when given.
     */
    public Uni<List<PayerAgingRow>> agingByPayer(String tenantId, LocalDate asOf, Long afterSeq, int limit) {
        StringBuilder sums = new StringBuilder();
        for (AgingBucket b : AgingBucket.values()) {
            String condition = b.from() == Integer.MIN_VALUE ? "d <= " + b.to()
                    : b.to() == Integer.MAX_VALUE ? "d >= " + b.from() : "d between " + b.from() + " and " + b.to();
            sums.append("sum(case when ").append(condition).append(" then amount else 0 end), ");
        }
        String sql = "select id, seq, name, " + sums + "sum(amount) from ("
                + "select p.id as id, p.seq as seq, p.name as name, (cast(?2 as date) - i.due_date) as d, i.nominal - i.paid_amount as amount "
                + "from installment i join payer p on p.id = i.payer_id and p.tenant_id = i.tenant_id "
                + "where i.tenant_id = ?1 and i.status in ('OPEN', 'DUE', 'OVERDUE', 'PARTIALLY_PAID')"
                + (afterSeq == null ? "" : " and p.seq > ?4")
                + ") x group by id, seq, name order by seq limit ?3";
        int buckets = AgingBucket.values().length;
        return Panache.getSession().chain(s -> {
                    var q = s.createNativeQuery(sql, Object[].class)
                            .setParameter(1, tenantId).setParameter(2, asOf).setParameter(3, limit);
                    if (afterSeq != null) {
                        q.setParameter(4, afterSeq);
                    }
                    return q.getResultList();
                })
                .map(rows -> rows.stream().map(r -> {
                    List<BigDecimal> amounts = new java.util.ArrayList<>(buckets);
                    for (int i = 0; i < buckets; i++) {
                        amounts.add(((BigDecimal) r[3 + i]).setScale(2));
                    }
                    return new PayerAgingRow((UUID) r[0], ((Number) r[1]).longValue(), (String) r[2], List.copyOf(amounts),
                            ((BigDecimal) r[3 + buckets]).setScale(2));
                }).toList());
    }

    public Uni<List<DaysRow>> outstandingByDaysPastDue(String tenantId, LocalDate asOf) {
        String sql = "select (cast(?2 as date) - due_date) as days, count(*), sum(nominal - paid_amount) from installment "
                + "where tenant_id = ?1 and status in ('OPEN', 'DUE', 'OVERDUE', 'PARTIALLY_PAID') group by 1";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, asOf).getResultList())
                .map(rows -> rows.stream().map(r -> new DaysRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        (BigDecimal) r[2])).toList());
    }

    /** Payers with open debt, by overdue amount (largest first) or by oldest due date (oldest first). */
    public Uni<List<DebtorRow>> debtors(String tenantId, LocalDate asOf, boolean byAge, int limit) {
        return debtors(tenantId, asOf, byAge, null, limit);
    }

    /**
     * A page of {@link #debtors(String, LocalDate, boolean, int)} strictly after the row {@code after} in the same
     * order (overdue desc, oldest due date asc, id — or oldest due date first), when given.
     */
    public Uni<List<DebtorRow>> debtors(String tenantId, LocalDate asOf, boolean byAge, DebtorRow after, int limit) {
        String aggregate = "select p.id as id, p.name as name, count(*) as installments, sum(i.nominal - i.paid_amount) as outstanding, "
                + "sum(case when i.due_date < cast(?2 as date) then i.nominal - i.paid_amount else 0 end) as overdue, "
                + "min(i.due_date) as oldest "
                + "from installment i join payer p on p.id = i.payer_id and p.tenant_id = i.tenant_id "
                + "where i.tenant_id = ?1 and i.status in ('OPEN', 'DUE', 'OVERDUE', 'PARTIALLY_PAID') "
                + "group by p.id, p.name";
        String keyset = after == null ? "" : byAge
                ? " where d.oldest > ?4 or (d.oldest = ?4 and (d.overdue < ?5 or (d.overdue = ?5 and d.id > ?6)))"
                : " where d.overdue < ?5 or (d.overdue = ?5 and (d.oldest > ?4 or (d.oldest = ?4 and d.id > ?6)))";
        String sql = "select d.id, d.name, d.installments, d.outstanding, d.overdue, d.oldest from (" + aggregate + ") d"
                + keyset + " order by " + (byAge ? "d.oldest asc, d.overdue desc" : "d.overdue desc, d.oldest asc")
                + ", d.id limit ?3";
        return Panache.getSession().chain(s -> {
                    var q = s.createNativeQuery(sql, Object[].class)
                            .setParameter(1, tenantId).setParameter(2, asOf).setParameter(3, limit);
                    if (after != null) {
                        q.setParameter(4, after.oldestDueDate()).setParameter(5, after.overdue()).setParameter(6, after.payerId());
                    }
                    return q.getResultList();
                })
                .map(rows -> rows.stream().map(r -> new DebtorRow((UUID) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        (BigDecimal) r[3], (BigDecimal) r[4], toDate(r[5]))).toList());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
