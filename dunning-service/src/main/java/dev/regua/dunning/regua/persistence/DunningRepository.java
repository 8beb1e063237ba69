package dev.regua.dunning.regua.persistence;

import dev.regua.dunning.regua.domain.Schedule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Dunning's read model and schedule. Every query names the tenant. */
@ApplicationScoped
public class DunningRepository {

    public Uni<TenantProfileEntity> tenant(String tenantId) {
        return Panache.getSession().chain(s -> s.find(TenantProfileEntity.class, tenantId));
    }

    public Uni<PayerEntity> payer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery("from PayerEntity where tenantId = ?1 and payerId = ?2", PayerEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getSingleResultOrNull());
    }

    public Uni<InstallmentFactEntity> installment(String tenantId, UUID installmentId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentFactEntity where tenantId = ?1 and installmentId = ?2", InstallmentFactEntity.class)
                .setParameter(1, tenantId).setParameter(2, installmentId).getSingleResultOrNull());
    }

    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(s -> s.persist(entity));
    }

    /** Inserts the planned step unless it already exists (whatever its status): each step runs at most once. */
    public Uni<Void> ensureStep(String tenantId, UUID payerId, UUID installmentId, Schedule.Planned planned,
                                String policyCode, int policyVersion, Instant now) {
        return ensureStep(tenantId, payerId, installmentId, planned, policyCode, policyVersion, now, "PENDING", null);
    }

    /** Inserts the step once; {@code status} SKIPPED records a step that is never to run (with its reason). */
    public Uni<Void> ensureStep(String tenantId, UUID payerId, UUID installmentId, Schedule.Planned planned,
                                String policyCode, int policyVersion, Instant now, String status, String outcome) {
        String sql = "insert into scheduled_step (id, tenant_id, payer_id, installment_id, step_code, effective_local, "
                + "not_after_local, status, created_at, policy_code, policy_version, outcome, executed_at) values (?1, ?2, ?3, ?4, "
                + "?5, ?6, ?7, ?11, ?8, ?9, ?10, ?12, ?13) on conflict (tenant_id, installment_id, step_code) do nothing";
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId).setParameter(3, payerId)
                .setParameter(4, installmentId).setParameter(5, planned.stepCode())
                .setParameter(6, planned.effectiveLocal()).setParameter(7, planned.notAfterLocal())
                .setParameter(8, at).setParameter(9, policyCode).setParameter(10, policyVersion)
                .setParameter(11, status).setParameter(12, outcome).setParameter(13, "PENDING".equals(status) ? null : at)
                .executeUpdate()).replaceWithVoid();
    }

    /** The payer's pending steps as managed entities (the runner's claimed rows are the same instances). */
    public Uni<List<ScheduledStepEntity>> pendingStepsOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from ScheduledStepEntity where tenantId = ?1 and payerId = ?2 and status = 'PENDING' order by effectiveLocal, stepCode",
                        ScheduledStepEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    /** Cancels pending steps of an installment: all of them, or only those with the given codes. */
    public Uni<Integer> cancelPending(String tenantId, UUID installmentId, List<String> onlyCodes, String reason, Instant now) {
        String sql = "update scheduled_step set status = 'CANCELLED', outcome = ?1, executed_at = ?2 "
                + "where tenant_id = ?3 and installment_id = ?4 and status = 'PENDING'"
                + (onlyCodes == null ? "" : " and step_code in (?5)");
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql).setParameter(1, reason).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter(3, tenantId).setParameter(4, installmentId);
            if (onlyCodes != null) {
                if (onlyCodes.isEmpty()) {
                    return Uni.createFrom().item(0);
                }
                q.setParameter(5, onlyCodes);
            }
            return q.executeUpdate();
        });
    }

    /** A held pending step (paused by an agreement) goes back to its planned time when that is earlier. */
    public Uni<Integer> resumeHeld(String tenantId, UUID installmentId, String stepCode, java.time.LocalDateTime planned) {
        String sql = "update scheduled_step set effective_local = ?1, outcome = null where tenant_id = ?2 and installment_id = ?3 "
                + "and step_code = ?4 and status = 'PENDING' and effective_local > ?1";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, planned).setParameter(2, tenantId)
                .setParameter(3, installmentId).setParameter(4, stepCode).executeUpdate());
    }

    /** Cancels pending steps of an installment whose codes the policy no longer has (it was edited). */
    public Uni<Integer> cancelPendingNotIn(String tenantId, UUID installmentId, List<String> keepCodes, String reason, Instant now) {
        String sql = "update scheduled_step set status = 'CANCELLED', outcome = ?1, executed_at = ?2 "
                + "where tenant_id = ?3 and installment_id = ?4 and status = 'PENDING' and not (step_code in (?5))";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql).setParameter(1, reason)
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(3, tenantId)
                .setParameter(4, installmentId).setParameter(5, keepCodes.isEmpty() ? List.of("") : keepCodes).executeUpdate());
    }

    /**
     * Claims steps whose effective local time has come in their tenant's zone, oldest first; rows another
     * instance holds are skipped (several instances can run).
     */
    public Uni<List<ScheduledStepEntity>> claimDue(Instant now, int limit) {
        String sql = "select s.* from scheduled_step s join tenant_profile t on t.tenant_id = s.tenant_id "
                + "where s.status = 'PENDING' and s.effective_local <= (cast(?1 as timestamptz) at time zone t.time_zone) "
                + "order by s.effective_local, s.id limit ?2 for update of s skip locked";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, ScheduledStepEntity.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, limit).getResultList());
    }

    public Uni<PromiseEntity> openPromise(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from PromiseEntity where tenantId = ?1 and payerId = ?2 and status = 'OPEN'", PromiseEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getSingleResultOrNull());
    }

    public Uni<List<PromiseEntity>> promisesOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from PromiseEntity where tenantId = ?1 and payerId = ?2 order by createdAt desc", PromiseEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    /** Open promises, locked so that one instance resolves each. */
    public Uni<List<PromiseEntity>> claimOpenPromises(int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select * from promise where status = 'OPEN' order by promised_date, id limit ?1 for update skip locked",
                        PromiseEntity.class).setParameter(1, limit).getResultList());
    }

    /** How many of the payer's installments are overdue (or overdue and partly paid) right now. */
    public Uni<Long> overdueCount(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "select count(*) from InstallmentFactEntity where tenantId = ?1 and payerId = ?2 and status = 'OVERDUE'", Long.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getSingleResult());
    }

    public Uni<Void> markBrokenPromise(String tenantId, UUID payerId) {
        return payer(tenantId, payerId).invoke(p -> {
            if (p != null) {
                p.brokenPromises++;
            }
        }).replaceWithVoid();
    }

    /** A promise that falls due on the agenda's day. */
    public record PromiseDue(UUID promiseId, UUID payerId, String payerName, String mobile, java.math.BigDecimal amount) {
    }

    /** An installment that became overdue on the agenda's day. */
    public record NewlyOverdue(UUID installmentId, UUID payerId, String payerName, int number, int count,
                               java.math.BigDecimal outstanding, java.time.LocalDate dueDate) {
    }

    /** A payer with overdue debt: how much, since when, and whether a promise is open. */
    public record OverduePayer(UUID payerId, String payerName, String mobile, long overdueInstallments,
                               java.math.BigDecimal overdueAmount, java.time.LocalDate overdueSince, long daysOverdue,
                               boolean promiseOpen, int brokenPromises) {
    }

    public Uni<List<PromiseDue>> promisesDueOn(String tenantId, java.time.LocalDate day) {
        String sql = "select pr.id, pr.payer_id, p.name, p.mobile, pr.amount from promise pr "
                + "join payer p on p.payer_id = pr.payer_id and p.tenant_id = pr.tenant_id "
                + "where pr.tenant_id = ?1 and pr.status = 'OPEN' and pr.promised_date = ?2 order by pr.amount desc";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, day).getResultList())
                .map(rows -> rows.stream().map(r -> new PromiseDue((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                        (java.math.BigDecimal) r[4])).toList());
    }

    public Uni<List<NewlyOverdue>> newlyOverdueOn(String tenantId, java.time.LocalDate day) {
        String sql = "select i.installment_id, i.payer_id, p.name, i.number, i.count, i.nominal - i.paid_amount, i.due_date "
                + "from installment_fact i join payer p on p.payer_id = i.payer_id and p.tenant_id = i.tenant_id "
                + "where i.tenant_id = ?1 and i.status = 'OVERDUE' and i.overdue_since = ?2 order by 6 desc";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, day).getResultList())
                .map(rows -> rows.stream().map(r -> new NewlyOverdue((UUID) r[0], (UUID) r[1], (String) r[2],
                        ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (java.math.BigDecimal) r[5], toDate(r[6]))).toList());
    }

    public Uni<List<OverduePayer>> overduePayers(String tenantId, java.time.LocalDate day, int limit) {
        String sql = "select i.payer_id, p.name, p.mobile, count(*), sum(i.nominal - i.paid_amount), min(i.overdue_since), "
                + "exists (select 1 from promise pr where pr.tenant_id = i.tenant_id and pr.payer_id = i.payer_id and pr.status = 'OPEN'), "
                + "p.broken_promises "
                + "from installment_fact i join payer p on p.payer_id = i.payer_id and p.tenant_id = i.tenant_id "
                + "where i.tenant_id = ?1 and i.status = 'OVERDUE' "
                + "group by i.payer_id, p.name, p.mobile, p.broken_promises, i.tenant_id order by 5 desc, 6 asc, 1 limit ?2";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter(1, tenantId).setParameter(2, limit).getResultList())
                .map(rows -> rows.stream().map(r -> {
                    java.time.LocalDate since = toDate(r[5]);
                    return new OverduePayer((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                            (java.math.BigDecimal) r[4], since, since == null ? 0 : Math.max(0, day.toEpochDay() - since.toEpochDay() + 1),
                            (Boolean) r[6], ((Number) r[7]).intValue());
                }).toList());
    }

    private static java.time.LocalDate toDate(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) value;
    }

    public Uni<List<ScheduledStepEntity>> stepsOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from ScheduledStepEntity where tenantId = ?1 and payerId = ?2 order by effectiveLocal, stepCode",
                        ScheduledStepEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }
}
