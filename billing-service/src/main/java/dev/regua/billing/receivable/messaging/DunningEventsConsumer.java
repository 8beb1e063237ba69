package dev.regua.billing.receivable.messaging;

import dev.regua.billing.receivable.application.WriteOffs;
import dev.regua.contract.EventType;
import dev.regua.contract.dunning.WriteOffRequested;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes dunning's events (group {@code billing-service}); billing acts only on write-off requests. Each message
 * is processed once (its CloudEvents id goes to the inbox in the same transaction as the write-off), and each
 * request once by its idempotency key, even when dunning re-issues it under a new message id. A message that
 * cannot be read goes to {@code regua.billing.dlq}.
 */
@ApplicationScoped
public class DunningEventsConsumer {
    static final String CONSUMER = "billing.dunning-events";
    static final String REQUESTS = "billing.write-off-requests";
    private static final Logger LOG = Logger.getLogger(DunningEventsConsumer.class);
    private final Inbox inbox;
    private final WriteOffs writeOffs;

    public DunningEventsConsumer(Inbox inbox, WriteOffs writeOffs) {
        this.inbox = inbox;
        this.writeOffs = writeOffs;
    }

    @Incoming("dunning-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.type().isEmpty() || event.type().get() != EventType.WRITE_OFF_REQUESTED) {
            LOG.debugf("ignoring event type %s", event.rawType());
            return Uni.createFrom().voidItem();
        }
        WriteOffRequested request = event.payloadAs(WriteOffRequested.class);
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> !first || request.idempotencyKey() == null ? Uni.createFrom().item(first)
                        : inbox.firstDelivery(REQUESTS, request.tenantId() + ":" + request.idempotencyKey()))
                .chain(first -> first ? writeOffs.execute(request).replaceWithVoid() : Uni.createFrom().voidItem())));
    }
}
