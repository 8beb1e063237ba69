package dev.regua.credit.history.messaging;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.AgreementBroken;
import dev.regua.contract.billing.AgreementCreated;
import dev.regua.contract.billing.AgreementPaid;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.contract.billing.InstallmentCancelled;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.contract.billing.InstallmentRenegotiated;
import dev.regua.contract.billing.InstallmentWrittenOff;
import dev.regua.contract.billing.PaymentReversed;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.contract.billing.ContractActivated;
import dev.regua.contract.billing.ContractCancelled;
import dev.regua.contract.billing.ContractSuspended;
import dev.regua.credit.limit.application.LimitService;
import dev.regua.credit.tenant.application.TenantTimes;
import dev.regua.credit.bureau.domain.BureauPort.RemovalReason;
import dev.regua.credit.negativation.application.NegativationService;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Builds the payer-history read model from billing's installment events, once per message; a settled installment
 * (paid, cancelled, renegotiated) also undoes the negativações it was part of, in the same transaction. The tenant's
 * profile (zone and bank calendar) is kept from {@code tenant-profile.updated}.
 */
@ApplicationScoped
public class BillingEventsConsumer {
    static final String CONSUMER = "credit.billing-events";
    private static final Map<String, Integer> RANK = Map.of("OPEN", 0, "DUE", 1, "OVERDUE", 2, "PAID", 3, "CANCELLED", 3,
            "RENEGOTIATED", 3, "WRITTEN_OFF", 3);
    private final Inbox inbox;
    private final HistoryRepository history;
    private final Clock clock;
    private final NegativationService negativations;
    private final dev.regua.credit.protest.application.ProtestService protests;
    private final TenantTimes tenants;
    private final LimitService limits;

    public BillingEventsConsumer(Inbox inbox, HistoryRepository history, Clock clock, NegativationService negativations,
                                 dev.regua.credit.protest.application.ProtestService protests, TenantTimes tenants,
                                 LimitService limits) {
        this.limits = limits;
        this.protests = protests;
        this.tenants = tenants;
        this.inbox = inbox;
        this.history = history;
        this.clock = clock;
        this.negativations = negativations;
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
            case InstallmentPaid e -> upsert(e.tenantId(), e.payerId(), e.installment(), "PAID", null, e.paidOn())
                    .chain(() -> settled(e.tenantId(), e.installment(), RemovalReason.PAYMENT, e.paidOn()));
            case InstallmentPartiallyPaid e -> upsert(e.tenantId(), e.payerId(), e.installment(), "OVERDUE".equals(e.installment().status())
                    ? "OVERDUE" : "DUE", null, null);
            case InstallmentCancelled e -> upsert(e.tenantId(), e.payerId(), e.installment(), "CANCELLED", null, null)
                    .chain(() -> settled(e.tenantId(), e.installment(), RemovalReason.CANCELLATION, e.cancelledOn()));
            case InstallmentRenegotiated e -> upsert(e.tenantId(), e.payerId(), e.installment(), "RENEGOTIATED", null, null)
                    .chain(() -> settled(e.tenantId(), e.installment(), RemovalReason.RENEGOTIATION, e.renegotiatedOn()));
            case InstallmentWrittenOff e -> upsert(e.tenantId(), e.payerId(), e.installment(), "WRITTEN_OFF", null, null);
            case PaymentReversed e -> reopen(e.tenantId(), e.installments().stream().map(v -> v.installmentId()).toList(), e.installments());
            case AgreementBroken e -> history.agreement(e.tenantId(), UUID.fromString(e.agreementId()), UUID.fromString(e.payerId()),
                    "BROKEN", null, clock.instant()).chain(() -> reopen(e.tenantId(), e.originalInstallmentIds(), List.of()));
            case AgreementCreated e -> history.agreement(e.tenantId(), UUID.fromString(e.agreementId()), UUID.fromString(e.payerId()),
                    "CREATED", e.createdOn(), clock.instant());
            case AgreementPaid e -> history.agreement(e.tenantId(), UUID.fromString(e.agreementId()), UUID.fromString(e.payerId()),
                    "PAID", null, clock.instant());
            case TenantProfileUpdated e -> tenants.profileUpdated(e);
            case ContractActivated e -> limits.contract(e.tenantId(), e.payerId(), e.contractId(), e.kind(), "ACTIVE",
                    e.total().value(), e.installmentCount());
            case ContractSuspended e -> limits.contract(e.tenantId(), e.payerId(), e.contractId(), e.kind(), "SUSPENDED", null, null);
            case ContractCancelled e -> limits.contract(e.tenantId(), e.payerId(), e.contractId(), e.kind(), "CANCELLED", null, null);
            case PayerRegistered e -> history.upsertPayer(e.tenantId(), UUID.fromString(e.payerId()), digits(e.taxId()), e.name(),
                    e.state(), clock.instant());
            case PayerUpdated e -> history.upsertPayer(e.tenantId(), UUID.fromString(e.payerId()), digits(e.taxId()), e.name(),
                    e.state(), clock.instant());
            default -> Uni.createFrom().voidItem();
        };
    }

    private static String digits(String taxId) {
        return taxId == null ? "" : taxId.replaceAll("[^0-9A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private Uni<Void> settled(String tenantId, InstallmentView view, RemovalReason reason, LocalDate on) {
        return Panache.getSession().chain(s -> s.flush())
                .chain(() -> negativations.installmentSettled(tenantId, UUID.fromString(view.installmentId()), reason, on))
                .chain(() -> protests.installmentSettled(tenantId, view.installmentId()));
    }

    /** A reversal or a broken agreement makes installments owed again: the only moves backwards in the read model. */
    private Uni<Void> reopen(String tenantId, List<String> ids, List<InstallmentView> views) {
        Map<String, InstallmentView> byId = new java.util.HashMap<>();
        views.forEach(v -> byId.put(v.installmentId(), v));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : ids) {
            chain = chain.chain(() -> history.installment(tenantId, UUID.fromString(id)).invoke(e -> {
                if (e != null) {
                    InstallmentView v = byId.get(id);
                    String status = v != null && RANK.containsKey(v.status()) ? v.status() : e.overdueSince != null ? "OVERDUE" : "DUE";
                    e.status = RANK.get(status) >= 3 ? "OVERDUE" : status;
                    e.paidOn = null;
                    e.paidAmount = v != null && v.paidAmount() != null ? v.paidAmount().value() : java.math.BigDecimal.ZERO;
                    e.updatedAt = clock.instant();
                }
            }).replaceWithVoid());
        }
        return chain;
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
            e.contractId = view.contractId();
            if (view.paidAmount() != null && (existing == null || RANK.get(status) >= RANK.getOrDefault(existing.status, 0))) {
                e.paidAmount = view.paidAmount().value();
            }
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
