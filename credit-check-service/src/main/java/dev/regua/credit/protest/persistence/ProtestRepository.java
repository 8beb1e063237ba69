package dev.regua.credit.protest.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Protests, their history and calls to the notary central; every query names the tenant. */
@ApplicationScoped
public class ProtestRepository {
    private static final List<String> FINAL = List.of("REFUSED", "CANCELLED");

    public Uni<ProtestEntity> protest(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery("from ProtestEntity where tenantId = ?1 and id = ?2", ProtestEntity.class)
                .setParameter(1, tenantId).setParameter(2, id).getSingleResultOrNull());
    }

    public Uni<List<ProtestEntity>> ofPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery("from ProtestEntity where tenantId = ?1 and payerId = ?2 order by createdAt",
                ProtestEntity.class).setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    public Uni<List<ProtestEntity>> activeOfPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery("from ProtestEntity where tenantId = ?1 and payerId = ?2 "
                        + "and state not in ?3 order by createdAt desc", ProtestEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).setParameter(3, FINAL).getResultList());
    }

    public Uni<List<ProtestEntity>> activeWithInstallment(String tenantId, String installmentId) {
        return Panache.getSession().chain(s -> s.createQuery("from ProtestEntity where tenantId = ?1 and state not in ?3 "
                        + "and installmentIds like ?2", ProtestEntity.class)
                .setParameter(1, tenantId).setParameter(2, "%" + installmentId + "%").setParameter(3, FINAL).getResultList());
    }

    public Uni<List<ProtestHistoryEntity>> history(UUID protestId) {
        return Panache.getSession().chain(s -> s.createQuery("from ProtestHistoryEntity where protestId = ?1 order by id",
                ProtestHistoryEntity.class).setParameter(1, protestId).getResultList());
    }

    public Uni<List<ProtestAttemptEntity>> claimDue(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select * from protest_attempt where status = 'PENDING' "
                                + "and next_attempt_at <= ?1 order by next_attempt_at, id limit ?2 for update skip locked", ProtestAttemptEntity.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, limit).getResultList());
    }

    public Uni<ProtestAttemptEntity> attempt(UUID id) {
        return Panache.getSession().chain(s -> s.find(ProtestAttemptEntity.class, id));
    }

    public Uni<List<ProtestAttemptEntity>> pendingAttempts(UUID protestId) {
        return Panache.getSession().chain(s -> s.createQuery("from ProtestAttemptEntity where protestId = ?1 and status = 'PENDING'",
                ProtestAttemptEntity.class).setParameter(1, protestId).getResultList());
    }

    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(s -> s.persist(entity));
    }
}
