package dev.regua.billing.receivable.persistence;

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
