package dev.regua.dunning.regua.messaging;

import dev.regua.contract.notification.MessageFailed;
import dev.regua.contract.notification.MessageSent;
import dev.regua.contract.notification.MessageStatusChanged;
import dev.regua.dunning.regua.application.Timeline;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes notification's message events: the delivery status of each message dunning requested goes on its case's
 * timeline. Processed once each (inbox); other types are ignored.
 */
@ApplicationScoped
public class NotificationEventsConsumer {
    static final String CONSUMER = "dunning.notification-events";
    private final Inbox inbox;
    private final Timeline timeline;

    public NotificationEventsConsumer(Inbox inbox, Timeline timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    @Incoming("notification-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.type().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Object payload = event.payloadAs(event.type().get().payloadType());
        if (!(payload instanceof MessageSent || payload instanceof MessageFailed || payload instanceof MessageStatusChanged)) {
            return Uni.createFrom().voidItem();
        }
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? timeline.message(payload) : Uni.createFrom().voidItem())));
    }
}
