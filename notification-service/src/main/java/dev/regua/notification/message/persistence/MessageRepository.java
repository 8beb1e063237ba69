package dev.regua.notification.message.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Messages, always read per tenant. */
@ApplicationScoped
public class MessageRepository {

    /** Queues the message unless one with the same idempotency key exists; answers whether it was queued now. */
    public Uni<Boolean> queueOnce(MessageEntity m) {
        String sql = "insert into message (id, tenant_id, payer_id, installment_id, idempotency_key, step_code, channel, "
                + "template, recipient, command, status, attempts, not_before, not_after, next_attempt_at, created_at, "
                + "channels, channel_index, payer_state, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'QUEUED', 0, ?11, ?12, ?13, ?14, ?15, 0, ?16, ?14) "
                + "on conflict (tenant_id, idempotency_key) do nothing";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, m.id).setParameter(2, m.tenantId).setParameter(3, m.payerId)
                .setParameter(4, m.installmentId).setParameter(5, m.idempotencyKey).setParameter(6, m.stepCode)
                .setParameter(7, m.channel).setParameter(8, m.template).setParameter(9, m.recipient)
                .setParameter(10, m.command).setParameter(11, utc(m.notBefore)).setParameter(12, m.notAfter == null ? null : utc(m.notAfter))
                .setParameter(13, utc(m.nextAttemptAt)).setParameter(14, utc(m.createdAt))
                .setParameter(15, m.channels).setParameter(16, m.payerState)
                .executeUpdate()).map(n -> n == 1);
    }

    /** Queued messages whose time has come (business time), oldest first, skipping rows another instance holds. */
    public Uni<List<MessageEntity>> claimReady(Instant now, int limit) {
        String sql = "select * from message where status = 'QUEUED' and next_attempt_at <= ?1 and not_before <= ?1 "
                + "order by next_attempt_at, id limit ?2 for update skip locked";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, MessageEntity.class)
                .setParameter(1, utc(now)).setParameter(2, limit).getResultList());
    }

    public Uni<MessageEntity> byId(UUID id) {
        return Panache.getSession().chain(s -> s.find(MessageEntity.class, id));
    }

    /** Locks the message for a status update (callbacks and the dispatcher never update it at the same time). */
    public Uni<MessageEntity> lock(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select * from message where id = ?1 for update", MessageEntity.class)
                .setParameter(1, id).getSingleResultOrNull());
    }

    /** Locks the messages of a batch, in id order, to record the outcomes of their sends. */
    public Uni<List<MessageEntity>> lockAll(List<UUID> ids) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select * from message where id in (?1) order by id for update",
                MessageEntity.class).setParameter(1, ids).getResultList());
    }

    /** Whose send with this reference is in flight: the message, its tenant, channel and provider. */
    public record InFlight(UUID messageId, String tenantId, String channel, String provider) {
    }

    /**
     * The send in flight with this reference, if any (any tenant: the callback is authenticated next). A projection,
     * not the entity, so that a later lock in the same session reads the row afresh.
     */
    public Uni<java.util.Optional<InFlight>> inFlight(UUID ref) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, tenant_id, channel, in_flight_provider from message "
                        + "where in_flight_ref = ?1", Object[].class).setParameter(1, ref).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new InFlight((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])));
    }

    /** Locks the message whose send with this reference is still in flight (none once it was recorded). */
    public Uni<MessageEntity> lockInFlight(UUID ref) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select * from message where in_flight_ref = ?1 for update",
                MessageEntity.class).setParameter(1, ref).getSingleResultOrNull());
    }

    public Uni<List<MessageEntity>> ofPayer(String tenantId, UUID payerId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from MessageEntity where tenantId = ?1 and payerId = ?2 order by createdAt, id", MessageEntity.class)
                .setParameter(1, tenantId).setParameter(2, payerId).getResultList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
