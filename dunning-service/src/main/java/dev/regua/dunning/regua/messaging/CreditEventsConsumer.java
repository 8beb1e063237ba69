package dev.regua.dunning.regua.messaging;

import dev.regua.contract.credit.NegativationChanged;
import dev.regua.contract.credit.ProtestChanged;
import dev.regua.dunning.regua.application.Cases;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes credit-check's negativação and protest state changes: they go on the case timeline, and a registration
 * of a payer who already paid triggers the removal at once. Processed once each (inbox); other types are ignored.
 */
@ApplicationScoped
public class CreditEventsConsumer {
    static final String CONSUMER = "dunning.credit-events";
    private final Inbox inbox;
    private final Cases cases;

    public CreditEventsConsumer(Inbox inbox, Cases cases) {
        this.inbox = inbox;
        this.cases = cases;
    }

    @Incoming("credit-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.type().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Object payload = event.payloadAs(event.type().get().payloadType());
        if (payload instanceof NegativationChanged n && n.payerId() != null) {
            return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                    .chain(first -> first ? cases.negativation(n.tenantId(), UUID.fromString(n.payerId()), n.commandKey(), n.state(),
                            n.bureau(), n.reason(), "negativation:" + n.negativationId() + ":" + n.state(), n.occurredAt())
                            : Uni.createFrom().voidItem())));
        }
        if (payload instanceof ProtestChanged p && p.payerId() != null) {
            return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                    .chain(first -> first ? cases.protest(p.tenantId(), UUID.fromString(p.payerId()), p.commandKey(), p.state(),
                            p.notaryOffice(), p.reason(), "protest:" + p.protestId() + ":" + p.state(), p.occurredAt())
                            : Uni.createFrom().voidItem())));
        }
        return Uni.createFrom().voidItem();
    }
}
