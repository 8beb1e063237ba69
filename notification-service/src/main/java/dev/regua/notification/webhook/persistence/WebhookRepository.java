package dev.regua.notification.webhook.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/** Webhook endpoints, deliveries and attempts. Every query a caller can reach is filtered by tenant. */
@ApplicationScoped
public class WebhookRepository {

    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(s -> s.persist(entity));
    }

    public Uni<Void> remove(Object entity) {
        return Panache.getSession().chain(s -> s.remove(entity));
    }

    public Uni<WebhookEndpointEntity> endpoint(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from WebhookEndpointEntity where tenantId = ?1 and id = ?2", WebhookEndpointEntity.class)
                .setParameter(1, tenantId).setParameter(2, id).getSingleResultOrNull());
    }

    public Uni<List<WebhookEndpointEntity>> endpoints(String tenantId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from WebhookEndpointEntity where tenantId = ?1 order by createdAt, id", WebhookEndpointEntity.class)
                .setParameter(1, tenantId).getResultList());
    }

    public Uni<List<WebhookEndpointEntity>> enabledEndpoints(String tenantId) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from WebhookEndpointEntity where tenantId = ?1 and enabled = true order by createdAt, id",
                        WebhookEndpointEntity.class)
                .setParameter(1, tenantId).getResultList());
    }

    /** Internal (dispatcher): endpoints by id, whatever their tenant. */
    public Uni<List<WebhookEndpointEntity>> endpointsById(Collection<UUID> ids) {
        return Panache.getSession().chain(s -> s.createQuery("from WebhookEndpointEntity where id in (?1)", WebhookEndpointEntity.class)
                .setParameter(1, ids).getResultList());
    }

    /** Internal (dispatcher): the endpoint, row-locked so that concurrent dispatchers count its failures right. */
    public Uni<WebhookEndpointEntity> endpointForUpdate(UUID id) {
        return Panache.getSession().chain(s -> s.find(WebhookEndpointEntity.class, id, LockMode.PESSIMISTIC_WRITE));
    }

    /** Internal (dispatcher): the delivery, row-locked against a concurrent replay. */
    public Uni<WebhookDeliveryEntity> deliveryForUpdate(UUID id) {
        return Panache.getSession().chain(s -> s.find(WebhookDeliveryEntity.class, id, LockMode.PESSIMISTIC_WRITE));
    }

    /** Creates the delivery unless the endpoint already has one for this event; answers whether it was created now. */
    public Uni<Boolean> addDeliveryOnce(WebhookDeliveryEntity d) {
        String sql = "insert into webhook_delivery (id, tenant_id, endpoint_id, event_id, event_type, body, status, attempts, "
                + "final_attempt, replay_pending, next_attempt_at, created_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, false, ?9, ?10) on conflict (endpoint_id, event_id) do nothing";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, d.id).setParameter(2, d.tenantId).setParameter(3, d.endpointId).setParameter(4, d.eventId)
                .setParameter(5, d.eventType).setParameter(6, d.body).setParameter(7, d.status).setParameter(8, d.finalAttempt)
                .setParameter(9, utc(d.nextAttemptAt)).setParameter(10, utc(d.createdAt))
                .executeUpdate()).map(n -> n == 1);
    }

    /**
     * Pending deliveries of enabled endpoints whose time has come (business time), oldest first, skipping rows
     * another instance holds. The rows come back managed: changes commit with the caller's transaction.
     */
    public Uni<List<WebhookDeliveryEntity>> claimDue(Instant now, int limit) {
        String sql = "select d.* from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id "
                + "where d.status = 'PENDING' and d.next_attempt_at <= ?1 and e.enabled "
                + "order by d.next_attempt_at, d.id limit ?2 for update of d skip locked";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, WebhookDeliveryEntity.class)
                .setParameter(1, utc(now)).setParameter(2, limit).getResultList());
    }

    public Uni<List<WebhookDeliveryEntity>> deliveries(String tenantId, UUID endpointId, int limit) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from WebhookDeliveryEntity where tenantId = ?1 and endpointId = ?2 order by createdAt desc, id",
                        WebhookDeliveryEntity.class)
                .setParameter(1, tenantId).setParameter(2, endpointId).setMaxResults(limit).getResultList());
    }

    public Uni<WebhookDeliveryEntity> delivery(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from WebhookDeliveryEntity where tenantId = ?1 and id = ?2", WebhookDeliveryEntity.class)
                .setParameter(1, tenantId).setParameter(2, id).getSingleResultOrNull());
    }

    /** The tenant's delivery, row-locked (replay). */
    public Uni<WebhookDeliveryEntity> deliveryForUpdate(String tenantId, UUID id) {
        return Panache.getSession().chain(s -> s.createQuery(
                        "from WebhookDeliveryEntity where tenantId = ?1 and id = ?2", WebhookDeliveryEntity.class)
                .setParameter(1, tenantId).setParameter(2, id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull());
    }

    public Uni<List<WebhookAttemptEntity>> attempts(String tenantId, Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createQuery(
                        "from WebhookAttemptEntity where tenantId = ?1 and deliveryId in (?2) order by number, attemptedAt",
                        WebhookAttemptEntity.class)
                .setParameter(1, tenantId).setParameter(2, deliveryIds).getResultList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
