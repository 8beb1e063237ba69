package dev.regua.notification.message.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The status history of messages, per channel; also how a provider's message id leads back to its message. */
@ApplicationScoped
public class MessageHistoryRepository {

    public record Entry(UUID id, UUID messageId, String tenantId, String channel, String status, String provider,
                        String providerMessageId, String detail, BigDecimal cost, Instant occurredAt, Instant recordedAt) {
    }

    public Uni<Void> append(Entry e) {
        String sql = "insert into message_status_history (id, message_id, tenant_id, channel, status, provider, provider_message_id, "
                + "detail, cost, occurred_at, recorded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter(1, e.id()).setParameter(2, e.messageId()).setParameter(3, e.tenantId()).setParameter(4, e.channel())
                .setParameter(5, e.status()).setParameter(6, e.provider()).setParameter(7, e.providerMessageId())
                .setParameter(8, truncate(e.detail())).setParameter(9, e.cost()).setParameter(10, utc(e.occurredAt()))
                .setParameter(11, utc(e.recordedAt())).executeUpdate()).replaceWithVoid();
    }

    /** The message a provider's id belongs to (any tenant: callbacks are checked against that tenant's secret next). */
    public Uni<Optional<Entry>> sentWith(String provider, String providerMessageId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, message_id, tenant_id, channel, status, provider, "
                        + "provider_message_id, detail, cost, occurred_at, recorded_at from message_status_history "
                        + "where provider = ?1 and provider_message_id = ?2 and status = 'SENT' limit 1", Object[].class)
                .setParameter(1, provider).setParameter(2, providerMessageId).getResultList())
                .map(rows -> rows.stream().findFirst().map(MessageHistoryRepository::entry));
    }

    public Uni<Boolean> alreadyRecorded(UUID messageId, String providerMessageId, String status) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from message_status_history where message_id = ?1 "
                        + "and provider_message_id = ?2 and status = ?3", Long.class)
                .setParameter(1, messageId).setParameter(2, providerMessageId).setParameter(3, status).getSingleResult())
                .map(n -> n > 0);
    }

    public Uni<List<Entry>> ofTenantMessages(String tenantId, List<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("select id, message_id, tenant_id, channel, status, provider, "
                        + "provider_message_id, detail, cost, occurred_at, recorded_at from message_status_history "
                        + "where tenant_id = ?1 and message_id in (?2) order by recorded_at, id", Object[].class)
                .setParameter(1, tenantId).setParameter(2, messageIds).getResultList())
                .map(rows -> rows.stream().map(MessageHistoryRepository::entry).toList());
    }

    private static Entry entry(Object[] r) {
        return new Entry((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                (String) r[7], (BigDecimal) r[8], instant(r[9]), instant(r[10]));
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
