package dev.regua.credit.history.messaging;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.credit.history.persistence.HistoryRepository;
import dev.regua.credit.history.persistence.PayerInstallmentEntity;
import dev.regua.support.inbox.Consumption;
import dev.regua.support.inbox.Inbox;
import dev.regua.support.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Builds the payer-history read model from billing's installment events, once per message. */
@ApplicationScoped
public class BillingEventsConsumer {
    static final String CONSUMER = "credit.billing-events";
    private static final Map<String, Integer> RANK = Map.of("OPEN", 0, "DUE", 1, "OVERDUE", 2, "PAID", 3);
    private final Inbox inbox;
    private final HistoryRepository history;
    private final Clock clock;

    public BillingEventsConsumer(Inbox inbox, HistoryRepository history, Clock clock) {
        this.inbox = inbox;
        this.history = history;
        this.clock = clock;
    }

    @Incoming("billing-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (event.type().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        RegisteredEvent payload = event.payloadAs(event.type().get().payloadType());
        return Consumption.reliably(CONSUMER, event, () -> Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? apply(payload) : Uni.createFrom().voidItem())));
    }

    private Uni<Void> apply(RegisteredEvent event) {
        return switch (event) {
            case InstallmentCreated e -> upsert(e.tenantId(), e.payerId(), e.installment(), "OPEN", null, null);
            case InstallmentDue e -> upsert(e.tenantId(), e.payerId(), e.installment(), "DUE", null, null);
            case InstallmentOverdue e -> upsert(e.tenantId(), e.payerId(), e.installment(), "OVERDUE", e.overdueSince(), null);
            case InstallmentPaid e -> upsert(e.tenantId(), e.payerId(), e.installment(), "PAID", null, e.paidOn());
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> upsert(String tenantId, String payerId, InstallmentView view, String status, LocalDate overdueSince,
                             LocalDate paidOn) {
        UUID id = UUID.fromString(view.installmentId());
        return history.installment(tenantId, id).chain(existing -> {
            PayerInstallmentEntity e = existing == null ? new PayerInstallmentEntity() : existing;
            e.installmentId = id;
            e.tenantId = tenantId;
            e.payerId = UUID.fromString(payerId);
            e.nominal = view.nominal().value();
            e.dueDate = view.dueDate();
            if (existing == null || RANK.get(status) >= RANK.getOrDefault(existing.status, 0)) {
                e.status = status;
            }
            if (overdueSince != null) {
                e.overdueSince = overdueSince;
            }
            if (paidOn != null) {
                e.paidOn = paidOn;
            }
            e.updatedAt = clock.instant();
            return existing == null ? history.persist(e) : Uni.createFrom().voidItem();
        });
    }
}
