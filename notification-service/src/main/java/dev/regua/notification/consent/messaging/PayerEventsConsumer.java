package dev.regua.notification.consent.messaging;

import dev.regua.contract.EventType;
import dev.regua.contract.billing.PayerConsent;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.notification.consent.persistence.PayerContactRepository;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the payer contact read model from billing's payer events (its own consumer group), so that an opt-out
 * given after dunning issued a command is still honoured when the message is sent. Each event carries the payer's
 * whole version; one payer's events arrive in order (keyed by payer).
 */
@ApplicationScoped
public class PayerEventsConsumer {
    static final String CONSUMER = "notification.billing-payers";
    private final Inbox inbox;
    private final PayerContactRepository contacts;
    private final Clock clock;

    public PayerEventsConsumer(Inbox inbox, PayerContactRepository contacts, Clock clock) {
        this.inbox = inbox;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Incoming("billing-payers")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        EventType type = event.type().orElse(null);
        PayerContactRepository.Row row;
        if (type == EventType.PAYER_REGISTERED) {
            PayerRegistered p = event.payloadAs(PayerRegistered.class);
            row = row(p.tenantId(), p.payerId(), p.email(), p.mobile(), p.whatsapp(), p.state(), p.consent());
        } else if (type == EventType.PAYER_UPDATED) {
            PayerUpdated p = event.payloadAs(PayerUpdated.class);
            row = row(p.tenantId(), p.payerId(), p.email(), p.mobile(), p.whatsapp(), p.state(), p.consent());
        } else {
            return Uni.createFrom().voidItem();
        }
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? contacts.upsert(row, clock.instant()) : Uni.createFrom().voidItem())));
    }

    private static PayerContactRepository.Row row(String tenantId, String payerId, String email, String mobile, String whatsapp,
                                                  String state, PayerConsent consent) {
        PayerConsent c = consent == null ? PayerConsent.none() : consent;
        return new PayerContactRepository.Row(tenantId, UUID.fromString(payerId), email, mobile, whatsapp, state,
                c.optedOutChannels(), c.whatsappOptIn(), c.whatsappOptInAt(), c.whatsappOptInEvidence());
    }
}
