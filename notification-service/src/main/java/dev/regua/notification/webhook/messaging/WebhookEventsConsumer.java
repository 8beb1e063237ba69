package dev.regua.notification.webhook.messaging;

import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.EventType;
import dev.regua.contract.RegisteredEvent;
import dev.regua.notification.webhook.application.WebhookFanOut;
import dev.regua.notification.webhook.domain.WebhookEventTypes;
import dev.regua.notification.webhook.domain.WebhookPayload;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the billing, dunning and credit-check topics (consumer group {@code notification-webhooks}) and queues one
 * webhook delivery per subscribed endpoint of the event's tenant. The tenant is the payload's, cross-checked with
 * {@code ce_tenant} ({@link IncomingEvent#payloadAs}). When some endpoint subscribed, the event id goes to the inbox
 * in the same transaction as the deliveries (which are also unique per endpoint and event).
 */
@ApplicationScoped
public class WebhookEventsConsumer {
    static final String CONSUMER = "notification.webhooks";
    private final Inbox inbox;
    private final WebhookFanOut fanOut;

    public WebhookEventsConsumer(Inbox inbox, WebhookFanOut fanOut) {
        this.inbox = inbox;
        this.fanOut = fanOut;
    }

    @Incoming("webhook-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        Optional<EventType> type = event.type().filter(WebhookEventTypes::isSubscribable);
        if (type.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        RegisteredEvent payload = event.payloadAs(type.get().payloadType());
        String body = WebhookPayload.of(type.get().type(), occurredAt(record), event.payload());
        String tenantId = payload.tenantId();
        String eventType = type.get().type();
        // most events match no endpoint: then nothing is written, not even the inbox row
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> fanOut.subscribers(tenantId, eventType)
                .chain(endpoints -> endpoints.isEmpty() ? Uni.createFrom().voidItem()
                        : inbox.firstDelivery(CONSUMER, event.id()).chain(first -> first
                                ? fanOut.queue(endpoints, tenantId, event.id(), eventType, body).replaceWithVoid()
                                : Uni.createFrom().voidItem()))));
    }

    /** {@code ce_time} when present, else the record's timestamp. */
    private static Instant occurredAt(ConsumerRecord<String, String> record) {
        Header time = record.headers().lastHeader(CloudEventHeaders.TIME);
        if (time != null) {
            try {
                return OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8)).toInstant();
            } catch (RuntimeException ignored) {
                // fall through to the record's own timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }
}
