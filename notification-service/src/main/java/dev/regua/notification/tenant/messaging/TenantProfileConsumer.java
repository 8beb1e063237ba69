package dev.regua.notification.tenant.messaging;

import dev.regua.contract.EventType;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.notification.tenant.persistence.TenantProfileRepository;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the tenant profile read model from billing's {@code TenantProfileUpdated} (its own consumer group, so a new
 * deployment reads the topic from the start and learns every tenant's profile). One tenant's events arrive in
 * order (keyed by tenant) and each carries the whole profile; a redelivery does nothing (inbox).
 */
@ApplicationScoped
public class TenantProfileConsumer {
    static final String CONSUMER = "notification.billing-tenants";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(TenantProfileConsumer.class);
    private final Inbox inbox;
    private final TenantProfileRepository profiles;
    private final Clock clock;

    public TenantProfileConsumer(Inbox inbox, TenantProfileRepository profiles, Clock clock) {
        this.inbox = inbox;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Incoming("billing-tenants")
    public Uni<Void> consume(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.type().orElse(null) != EventType.TENANT_PROFILE_UPDATED) {
            return Uni.createFrom().voidItem();
        }
        TenantProfileUpdated p = event.payloadAs(TenantProfileUpdated.class);
        if (p.legalName() == null || p.cnpj() == null || p.address() == null) {
            LOG.warnf("tenant profile %s of %s lacks the legal name, CNPJ or address; not kept", event.id(), p.tenantId());
            return Uni.createFrom().voidItem();
        }
        TenantProfileRepository.Profile profile = new TenantProfileRepository.Profile(p.tenantId(), p.legalName(), p.tradeName(),
                p.cnpj(), p.address() == null ? null : p.address().oneLine(), p.calendarState(), p.timeZone());
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? profiles.upsert(profile, clock.instant()) : Uni.createFrom().voidItem())));
    }
}
