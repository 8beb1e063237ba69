package dev.regua.dunning.regua.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Cases, their timeline, tasks, message statuses and the facts cases are computed from. Every query names the tenant. */
@ApplicationScoped
public class CaseRepository {

    public Uni<CaseEntity> openCase(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from CaseEntity where tenantId = ?1 and payerId = ?2 and state <> 'CLOSED'", CaseEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getSingleResultOrNull());
    }

    /** The payer's most recent case, open or closed. */
    public Uni<CaseEntity> latestCase(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from CaseEntity where tenantId = ?1 and payerId = ?2 order by openedAt desc, id", CaseEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).setMaxResults(1).getResultList())
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<CaseEntity> byId(String tenantId, UUID caseId) {
        return Panache.getSession().chain(s -> s.createQuery("from CaseEntity where tenantId = ?1 and id = ?2", CaseEntity.class)
                .setParameter(1, tenantId).setParameter(2, caseId).getSingleResultOrNull());
    }

    public Uni<List<CaseEntity>> list(String tenantId, String state, String collector, UUID payerId, int limit) {
        StringBuilder q = new StringBuilder("from CaseEntity where tenantId = :tenant");
        if (state != null) {
            q.append(" and state = :state");
        }
        if (collector != null) {
            q.append(" and collector = :collector");
        }
        if (payerId != null) {
            q.append(" and payerId = :payer");
        }
        q.append(" order by openedAt desc, id");
        return Panache.getSession().chain(s -> {
            var query = s.createQuery(q.toString(), CaseEntity.class).setParameter("tenant", tenantId);
            if (state != null) {
                query.setParameter("state", state);
            }
            if (collector != null) {
                query.setParameter("collector", collector);
            }
            if (payerId != null) {
                query.setParameter("payer", payerId);
            }
            return query.setMaxResults(limit).getResultList();
        });
    }

    /** Marks a case-level step done; false when it already was (it happens once per case). */
    public Uni<Boolean> markCaseStep(String tenantId, UUID caseId, String stepCode, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into case_step (case_id, step_code, tenant_id, done_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, caseId).setParameter(2, stepCode).setParameter(3, tenantId)
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate()).map(n -> n == 1);
    }

    /** One timeline entry; {@code dedupKey} makes a fact learnt twice appear once. */
    public record TimelineEntry(UUID id, UUID caseId, UUID payerId, Instant occurredAt, String kind, String detail,
                                String ref, String actor) {
    }

    public Uni<Void> addTimeline(String tenantId, UUID caseId, UUID payerId, Instant occurredAt, String kind, String detail,
                                 String ref, String actor, String dedupKey) {
        String d = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into case_event (id, tenant_id, case_id, payer_id, "
                        + "occurred_at, kind, detail, ref, actor, dedup_key) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                        + "on conflict (tenant_id, dedup_key) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId).setParameter(3, caseId).setParameter(4, payerId)
                .setParameter(5, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC)).setParameter(6, kind).setParameter(7, d)
                .setParameter(8, ref).setParameter(9, actor).setParameter(10, dedupKey).executeUpdate()).replaceWithVoid();
    }

    public Uni<List<TimelineEntry>> timeline(String tenantId, UUID caseId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, case_id, payer_id, occurred_at, kind, detail, ref, actor "
                        + "from case_event where tenant_id = ?1 and case_id = ?2 order by occurred_at, kind, detail", Object[].class)
                .setParameter(1, tenantId).setParameter(2, caseId).getResultList())
                .map(rows -> rows.stream().map(r -> new TimelineEntry((UUID) r[0], (UUID) r[1], (UUID) r[2], instant(r[3]),
                        (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList());
    }

    public Uni<Void> recordMessage(String tenantId, String key, UUID caseId, UUID payerId, String stepCode, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into message_request (tenant_id, idempotency_key, "
                        + "case_id, payer_id, step_code, status, updated_at) values (?1, ?2, ?3, ?4, ?5, 'REQUESTED', ?6) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, caseId).setParameter(4, payerId)
                .setParameter(5, stepCode).setParameter(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate()).replaceWithVoid();
    }

    /** A message dunning requested: its case and step, or null when dunning did not request it. */
    public record MessageRef(UUID caseId, UUID payerId, String stepCode) {
    }

    public Uni<MessageRef> updateMessage(String tenantId, String key, String status, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update message_request set status = ?3, updated_at = ?4 "
                        + "where tenant_id = ?1 and idempotency_key = ?2 returning case_id, payer_id, step_code", Object[].class)
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, status)
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList())
                .map(rows -> rows.isEmpty() ? null : new MessageRef((UUID) rows.get(0)[0], (UUID) rows.get(0)[1], (String) rows.get(0)[2]));
    }

    public Uni<Boolean> createTask(StaffTaskEntity t) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into staff_task (id, tenant_id, case_id, payer_id, "
                        + "step_code, kind, due_on, assigned_to, status, created_at, note, created_by) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'OPEN', ?9, ?10, ?11) "
                        + "on conflict do nothing")
                .setParameter(1, t.id).setParameter(2, t.tenantId).setParameter(3, t.caseId).setParameter(4, t.payerId)
                .setParameter(5, t.stepCode).setParameter(6, t.kind).setParameter(7, t.dueOn).setParameter(8, t.assignedTo)
                .setParameter(9, OffsetDateTime.ofInstant(t.createdAt, ZoneOffset.UTC)).setParameter(10, t.note)
                .setParameter(11, t.createdBy == null ? "system" : t.createdBy).executeUpdate()).map(n -> n == 1);
    }

    /** Every task of a case, open ones first, by due day. */
    public Uni<List<StaffTaskEntity>> tasksOfCase(String tenantId, UUID caseId) {
        return Panache.getSession().chain(s -> s.createQuery("from StaffTaskEntity where tenantId = ?1 and caseId = ?2 "
                        + "order by case when status = 'OPEN' then 0 else 1 end, dueOn, createdAt", StaffTaskEntity.class)
                .setParameter(1, tenantId).setParameter(2, caseId).getResultList());
    }

    public Uni<StaffTaskEntity> task(String tenantId, UUID taskId) {
        return Panache.getSession().chain(s -> s.createQuery("from StaffTaskEntity where tenantId = ?1 and id = ?2", StaffTaskEntity.class)
                .setParameter(1, tenantId).setParameter(2, taskId).getSingleResultOrNull());
    }

    /** Open tasks due on or before the day, optionally only one collector's. */
    public Uni<List<StaffTaskEntity>> openTasks(String tenantId, LocalDate day, String collector) {
        String q = "from StaffTaskEntity where tenantId = ?1 and status = 'OPEN' and dueOn <= ?2"
                + (collector == null ? "" : " and assignedTo = ?3") + " order by dueOn, createdAt";
        return Panache.getSession().chain(s -> {
            var query = s.createQuery(q, StaffTaskEntity.class).setParameter(1, tenantId).setParameter(2, day);
            if (collector != null) {
                query.setParameter(3, collector);
            }
            return query.getResultList();
        });
    }

    public Uni<Integer> assignOpenTasks(String tenantId, UUID caseId, String collector) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update staff_task set assigned_to = ?3 where tenant_id = ?1 "
                        + "and case_id = ?2 and status = 'OPEN'")
                .setParameter(1, tenantId).setParameter(2, caseId).setParameter(3, collector).executeUpdate());
    }

    public Uni<List<InstallmentFactEntity>> installmentsOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentFactEntity where tenantId = ?1 and payerId = ?2 order by dueDate, number", InstallmentFactEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    public Uni<List<InstallmentFactEntity>> unsettledInstallments(String tenantId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from InstallmentFactEntity where tenantId = ?1 and status in ('OPEN', 'DUE', 'PARTIALLY_PAID', 'OVERDUE') "
                                + "order by payerId, dueDate", InstallmentFactEntity.class)
                .setParameter(1, tenantId).getResultList());
    }

    public Uni<List<AgreementFactEntity>> agreementsOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from AgreementFactEntity where tenantId = ?1 and payerId = ?2", AgreementFactEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    public Uni<AgreementFactEntity> agreement(String tenantId, UUID agreementId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from AgreementFactEntity where tenantId = ?1 and agreementId = ?2", AgreementFactEntity.class)
                .setParameter(1, tenantId).setParameter(2, agreementId).getSingleResultOrNull());
    }

    public Uni<Object[]> contract(String tenantId, UUID contractId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select kind, segment from contract_fact where tenant_id = ?1 "
                        + "and contract_id = ?2", Object[].class).setParameter(1, tenantId).setParameter(2, contractId).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Void> upsertContract(String tenantId, UUID contractId, UUID payerId, String kind, String segment, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into contract_fact (contract_id, tenant_id, payer_id, kind, "
                        + "segment, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (contract_id) do update set kind = ?4, "
                        + "segment = ?5, updated_at = ?6 where contract_fact.tenant_id = ?2")
                .setParameter(1, contractId).setParameter(2, tenantId).setParameter(3, payerId).setParameter(4, kind)
                .setParameter(5, segment).setParameter(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate()).replaceWithVoid();
    }

    public Uni<List<String>> payerStates(String tenantId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select distinct state from payer where tenant_id = ?1 "
                        + "and state is not null", String.class).setParameter(1, tenantId).getResultList())
                .map(l -> l.stream().map(Object::toString).toList());
    }

    /** Pending steps of an installment, to move them to a new policy version. */
    public Uni<List<ScheduledStepEntity>> pendingSteps(String tenantId, UUID installmentId) {
        return Panache.getSession().chain(s -> s.createQuery("from ScheduledStepEntity where tenantId = ?1 and installmentId = ?2 "
                        + "and status = 'PENDING'", ScheduledStepEntity.class)
                .setParameter(1, tenantId).setParameter(2, installmentId).getResultList());
    }

    static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : value instanceof Instant i ? i
                : ((java.sql.Timestamp) value).toInstant();
    }
}
