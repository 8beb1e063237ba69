package dev.regua.notification.message.messaging;

import dev.regua.contract.EventType;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.notification.message.application.MessageIntake;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes dunning's notification commands. The message id goes to the processed-message table and the command's
 * idempotency key to the message table's unique key, both in one transaction: a redelivered or re-issued command
 * queues nothing new.
 */
@ApplicationScoped
public class NotificationCommandsConsumer {
    static final String CONSUMER = "notification.dunning-events";
    private final Inbox inbox;
    private final MessageIntake intake;

    public NotificationCommandsConsumer(Inbox inbox, MessageIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming("dunning-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.type().filter(t -> t == EventType.NOTIFICATION_REQUESTED).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        NotificationRequested command = event.payloadAs(NotificationRequested.class);
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? intake.queue(command, event.payload()).replaceWithVoid() : Uni.createFrom().voidItem())));
    }
}
