package dev.regua.notification.webhook.application;

import dev.regua.notification.webhook.domain.DeliveryStatus;
import dev.regua.notification.webhook.domain.RetrySchedule;
import dev.regua.notification.webhook.domain.WebhookEventTypes;
import dev.regua.notification.webhook.persistence.WebhookDeliveryEntity;
import dev.regua.notification.webhook.persistence.WebhookEndpointEntity;
import dev.regua.notification.webhook.persistence.WebhookRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns one event into one pending delivery per enabled endpoint of the event's tenant that subscribed to its type.
 * Call within the consumer's transaction; the (endpoint, event) pair is unique, so a redelivered event adds nothing.
 */
@ApplicationScoped
public class WebhookFanOut {
    private final WebhookRepository repository;
    private final Clock clock;

    public WebhookFanOut(WebhookRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The enabled endpoints of the tenant subscribed to the type (a read: most events match none). */
    public Uni<List<WebhookEndpointEntity>> subscribers(String tenantId, String eventType) {
        return repository.enabledEndpoints(tenantId).map(endpoints -> endpoints.stream()
                .filter(e -> e.tenantId.equals(tenantId))
                .filter(e -> WebhookEventTypes.matches(e.eventTypeList(), eventType)).toList());
    }

    /** One pending delivery per endpoint, unless it already has one for this event; answers how many were created. */
    public Uni<Integer> queue(List<WebhookEndpointEntity> endpoints, String tenantId, String eventId, String eventType, String body) {
        Instant now = clock.instant();
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (WebhookEndpointEntity e : endpoints) {
            WebhookDeliveryEntity d = new WebhookDeliveryEntity();
            d.id = UUID.randomUUID();
            d.tenantId = tenantId;
            d.endpointId = e.id;
            d.eventId = eventId;
            d.eventType = eventType;
            d.body = body;
            d.status = DeliveryStatus.PENDING.name();
            d.finalAttempt = RetrySchedule.MAX_ATTEMPTS;
            d.nextAttemptAt = now;
            d.createdAt = now;
            chain = chain.chain(count -> repository.addDeliveryOnce(d).map(added -> added ? count + 1 : count));
        }
        return chain;
    }
}
