package dev.regua.dunning.regua.messaging;

import dev.regua.dunning.regua.application.FactsProjector;
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
 * Consumes billing's events. Each message is processed once: its CloudEvents id is recorded in the
 * processed-message table in the same transaction as the projection. A message that cannot be read goes to the
 * dead-letter topic; types this version does not know are acknowledged and ignored.
 */
@ApplicationScoped
public class BillingEventsConsumer {
    static final String CONSUMER = "dunning.billing-events";
    private static final Logger LOG = Logger.getLogger(BillingEventsConsumer.class);
    private final Inbox inbox;
    private final FactsProjector projector;

    public BillingEventsConsumer(Inbox inbox, FactsProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("billing-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.type().isEmpty()) {
            LOG.debugf("ignoring event type %s", event.rawType());
            return Uni.createFrom().voidItem();
        }
        var payload = event.payloadAs(event.type().get().payloadType());
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? projector.apply(payload) : Uni.createFrom().voidItem())));
    }
}
