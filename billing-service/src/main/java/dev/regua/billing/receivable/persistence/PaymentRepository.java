package dev.regua.billing.receivable.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/** Payments, their allocations to installments and the credit they leave. Every query names the tenant. */
@ApplicationScoped
public class PaymentRepository {

    /** Unallocated money of a payer's payments that were not reversed: the payer's credit, oldest first. */
    public record Credit(UUID paymentId, String method, String externalId, LocalDate paidOn, BigDecimal available) {
    }

    public record AllocationRow(UUID id, UUID paymentId, UUID installmentId, BigDecimal amount, LocalDate appliedOn,
                                boolean reversed, Instant createdAt) {
    }

    /**
     * Serialises, until the end of the transaction, everything that applies the same (method, external id) of a
     * tenant, so two deliveries of one bank or Pix notification cannot both pass the check.
     */
    public Uni<Void> guardExternalId(String tenantId, String method, String externalId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) as guard", Integer.class)
                .setParameter(1, "payment:" + tenantId + ":" + method + ":" + externalId).getSingleResult())
                .replaceWithVoid();
    }

    public Uni<PaymentEntity> find(String tenantId, UUID id, boolean lock) {
        return Panache.getSession().chain(s -> {
            var q = s.createQuery("from PaymentEntity where tenantId = ?1 and id = ?2", PaymentEntity.class)
                    .setParameter(1, tenantId).setParameter(2, id);
            if (lock) {
                q.setLockMode(LockMode.PESSIMISTIC_WRITE);
            }
            return q.getSingleResultOrNull();
        });
    }

    public Uni<List<Credit>> credits(String tenantId, UUID payerId) {
        String sql = "select p.id, p.method, p.external_id, p.paid_on, p.amount - p.reversed_amount - coalesce((select sum(a.amount) "
                + "from payment_allocation a where a.tenant_id = p.tenant_id and a.payment_id = p.id and not a.reversed), 0) "
                + "from payment p where p.tenant_id = ?1 and p.payer_id = ?2 and p.reversed_on is null "
                + "order by p.paid_on, p.created_at, p.id";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, payerId).getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Credit((UUID) r[0], (String) r[1], (String) r[2], toDate(r[3]), (BigDecimal) r[4]))
                        .filter(c -> c.available().signum() > 0).toList());
    }

    public Uni<List<AllocationRow>> allocationsOf(String tenantId, UUID paymentId) {
        String sql = "select id, payment_id, installment_id, amount, applied_on, reversed, created_at from payment_allocation "
                + "where tenant_id = ?1 and payment_id = ?2 order by created_at, id";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, paymentId).getResultList())
                .map(rows -> rows.stream().map(r -> new AllocationRow((UUID) r[0], (UUID) r[1], (UUID) r[2],
                        (BigDecimal) r[3], toDate(r[4]), (Boolean) r[5], toInstant(r[6]))).toList());
    }

    /** A new allocation; {@code createdAt} orders a payment's allocations (a kept part keeps its original's). */
    public Uni<Void> addAllocation(String tenantId, UUID paymentId, UUID installmentId, BigDecimal amount,
                                   LocalDate appliedOn, Instant now) {
        String sql = "insert into payment_allocation (id, tenant_id, payment_id, installment_id, amount, applied_on, reversed, created_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, false, ?7)";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId).setParameter(3, paymentId)
                .setParameter(4, installmentId).setParameter(5, amount).setParameter(6, appliedOn)
                .setParameter(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate()).replaceWithVoid();
    }

    /** One allocation no longer counts (a reversal took it back, in whole or in part). */
    public Uni<Void> markAllocationReversed(String tenantId, UUID allocationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update payment_allocation set reversed = true where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenantId).setParameter(2, allocationId).executeUpdate()).replaceWithVoid();
    }

    /**
     * The money applied to an installment goes back to the payments it came from (their unallocated rest, i.e. the
     * payer's credit): its live allocations are marked reversed. Used when a broken agreement cancels its plan.
     */
    public Uni<Void> returnAllocationsOfInstallment(String tenantId, UUID installmentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update payment_allocation set reversed = true where tenant_id = ?1 and installment_id = ?2 and not reversed")
                .setParameter(1, tenantId).setParameter(2, installmentId).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> markAllocationsReversed(String tenantId, UUID paymentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update payment_allocation set reversed = true where tenant_id = ?1 and payment_id = ?2")
                .setParameter(1, tenantId).setParameter(2, paymentId).executeUpdate()).replaceWithVoid();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
