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

    public Uni<Void> appendAll(List<? extends RegisteredEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RegisteredEvent event : events) {
            chain = chain.chain(() -> append(event));
        }
        return chain;
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
