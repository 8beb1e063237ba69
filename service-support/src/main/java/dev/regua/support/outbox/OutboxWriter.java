package dev.regua.support.outbox;

import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.RegisteredEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox table inside the caller's current Hibernate Reactive transaction, so the business
 * state and its events commit or roll back together. Call it from within {@code @WithTransaction} work.
 */
@ApplicationScoped
public class OutboxWriter {
    private static final String INSERT = "insert into outbox_event "
            + "(id, aggregatetype, aggregateid, type, payload, tenant_id, subject, occurred_at) "
            + "values (?1, ?2, ?3, ?4, cast(cast(?5 as text) as jsonb), ?6, ?7, ?8)";
    private static final int COLUMNS = 8;
    private static final int ROWS_PER_STATEMENT = 500;
    private final Clock clock;

    public OutboxWriter(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> append(RegisteredEvent event) {
        EventType type = EventType.of(event.getClass());
        UUID id = idOf(event);
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, type.topic())
                        .setParameter(3, event.partitionKey())
                        .setParameter(4, type.type())
                        .setParameter(5, EventCodec.toJson(event))
                        .setParameter(6, event.tenantId())
                        .setParameter(7, event.subject())
                        .setParameter(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Appends the events in their order, in as few statements as possible: one multi-row insert per
     * {@value #ROWS_PER_STATEMENT} events, so a batch of a thousand events costs two round trips, not a thousand.
     */
    public Uni<Void> appendAll(List<? extends RegisteredEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (events.size() == 1) {
            return append(events.get(0));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<? extends RegisteredEvent> rows = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            chain = chain.chain(() -> insertRows(rows));
        }
        return chain;
    }

    private Uni<Void> insertRows(List<? extends RegisteredEvent> rows) {
        StringBuilder sql = new StringBuilder("insert into outbox_event "
                + "(id, aggregatetype, aggregateid, type, payload, tenant_id, subject, occurred_at) values ");
        for (int r = 0; r < rows.size(); r++) {
            int p = r * COLUMNS;
            sql.append(r == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                    .append(p + 3).append(", ?").append(p + 4).append(", cast(cast(?").append(p + 5)
                    .append(" as text) as jsonb), ?").append(p + 6).append(", ?").append(p + 7).append(", ?")
                    .append(p + 8).append(')');
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int r = 0; r < rows.size(); r++) {
                RegisteredEvent event = rows.get(r);
                EventType type = EventType.of(event.getClass());
                int p = r * COLUMNS;
                query.setParameter(p + 1, idOf(event))
                        .setParameter(p + 2, type.topic())
                        .setParameter(p + 3, event.partitionKey())
                        .setParameter(p + 4, type.type())
                        .setParameter(p + 5, EventCodec.toJson(event))
                        .setParameter(p + 6, event.tenantId())
                        .setParameter(p + 7, event.subject())
                        .setParameter(p + 8, now);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** Events carry their own id; it becomes the CloudEvents id. */
    private static UUID idOf(RegisteredEvent event) {
        try {
            return UUID.fromString(event.eventId());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " needs a UUID eventId", e);
        }
    }
}
