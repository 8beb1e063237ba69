package dev.regua.credit.negativation.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Negativações, their debts, history, bureau attempts and the tenant's policy; every query names the tenant. */
@ApplicationScoped
public class NegativationRepository {
    private static final List<String> FINAL = List.of("REFUSED", "REMOVED", "SUSPENDED");

    public Uni<NegativationEntity> negativation(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery("from NegativationEntity where tenantId = ?1 and id = ?2", NegativationEntity.class)
                .setParameter(1, tenantId).setParameter(2, id).getSingleResultOrNull());
    }

    public Uni<List<NegativationEntity>> ofPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from NegativationEntity where tenantId = ?1 and payerId = ?2 order by createdAt", NegativationEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    /** The payer's negativações still in progress, newest first. */
    public Uni<List<NegativationEntity>> activeOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from NegativationEntity where tenantId = ?1 and payerId = ?2 and state not in ?3 order by createdAt desc",
                        NegativationEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).setParameter(3, FINAL).getResultList());
    }

    /** Negativações still in progress that cover this installment. */
    public Uni<List<NegativationEntity>> activeWithInstallment(String tenantId, UUID installmentId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "select n from NegativationEntity n where n.tenantId = ?1 and n.state not in ?3 and n.id in "
                                + "(select d.negativationId from NegativationDebtEntity d where d.tenantId = ?1 and d.installmentId = ?2)",
                        NegativationEntity.class)
                .setParameter(1, tenantId).setParameter(2, installmentId).setParameter(3, FINAL).getResultList());
    }

    public Uni<List<NegativationDebtEntity>> debts(UUID negativationId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from NegativationDebtEntity where negativationId = ?1 order by originalDueDate", NegativationDebtEntity.class)
                .setParameter(1, negativationId).getResultList());
    }

    public Uni<List<NegativationHistoryEntity>> history(UUID negativationId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from NegativationHistoryEntity where negativationId = ?1 order by id", NegativationHistoryEntity.class)
                .setParameter(1, negativationId).getResultList());
    }

    /** Records a command's idempotency key; false when it was seen before (the command then does nothing). */
    public Uni<Boolean> firstCommand(String tenantId, String key, String action, UUID payerId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into negativation_command "
                        + "(tenant_id, idempotency_key, action, payer_id, received_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, action).setParameter(4, payerId)
                .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate()).map(n -> n == 1);
    }

    public Uni<Void> commandOutcome(String tenantId, String key, UUID negativationId, String outcome) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update negativation_command set negativation_id = ?3, outcome = ?4 "
                        + "where tenant_id = ?1 and idempotency_key = ?2")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, negativationId)
                .setParameter(4, outcome.length() > 300 ? outcome.substring(0, 300) : outcome).executeUpdate()).replaceWithVoid();
    }

    /** Due attempts, locked for this transaction; other instances skip them. */
    public Uni<List<BureauAttemptEntity>> claimDue(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select * from bureau_attempt where status = 'PENDING' "
                                + "and next_attempt_at <= ?1 order by next_attempt_at, id limit ?2 for update skip locked", BureauAttemptEntity.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, limit).getResultList());
    }

    public Uni<BureauAttemptEntity> attempt(UUID id) {
        return Panache.getSession().chain(s -> s.find(BureauAttemptEntity.class, id));
    }

    public Uni<List<BureauAttemptEntity>> pendingAttempts(UUID negativationId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from BureauAttemptEntity where negativationId = ?1 and status = 'PENDING'", BureauAttemptEntity.class)
                .setParameter(1, negativationId).getResultList());
    }

    public Uni<NegativationPolicyEntity> policy(String tenantId) {
        return Panache.getSession().chain(s -> s.find(NegativationPolicyEntity.class, tenantId));
    }

    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(s -> s.persist(entity));
    }
}
