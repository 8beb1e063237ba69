package dev.regua.credit.negativation.messaging;

import dev.regua.contract.EventType;
import dev.regua.contract.dunning.BureauActionRequested;
import dev.regua.credit.negativation.application.NegativationService;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Dunning's bureau commands, once per message (inbox) and once per command (its idempotency key is unique), in
 * the same transaction as their effect. Other dunning events are not for credit-check and are ignored.
 */
@ApplicationScoped
public class DunningEventsConsumer {
    static final String CONSUMER = "credit.dunning-events";
    private final Inbox inbox;
    private final NegativationService negativations;

    public DunningEventsConsumer(Inbox inbox, NegativationService negativations) {
        this.inbox = inbox;
        this.negativations = negativations;
    }

    @Incoming("dunning-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.type().isEmpty() || event.type().get() != EventType.BUREAU_ACTION_REQUESTED) {
            return Uni.createFrom().voidItem();
        }
        BureauActionRequested command = event.payloadAs(BureauActionRequested.class);
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? negativations.onCommand(command) : Uni.createFrom().voidItem())));
    }
}
