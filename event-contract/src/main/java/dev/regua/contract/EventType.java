package dev.regua.contract;

import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.contract.dunning.PromiseBroken;
import dev.regua.contract.dunning.PromiseKept;
import dev.regua.contract.notification.MessageFailed;
import dev.regua.contract.notification.MessageSent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type Régua publishes. The CloudEvents {@code type} carries the version: additive changes keep it,
 * breaking changes publish a new version beside the old one.
 */
public enum EventType {
    TENANT_PROFILE_UPDATED("dev.regua.billing.tenant-profile.updated.v1", Topics.BILLING_EVENTS, TenantProfileUpdated.class),
    PAYER_REGISTERED("dev.regua.billing.payer.registered.v1", Topics.BILLING_EVENTS, PayerRegistered.class),
    PAYER_UPDATED("dev.regua.billing.payer.updated.v1", Topics.BILLING_EVENTS, PayerUpdated.class),
    INSTALLMENT_CREATED("dev.regua.billing.installment.created.v1", Topics.BILLING_EVENTS, InstallmentCreated.class),
    INSTALLMENT_DUE("dev.regua.billing.installment.due.v1", Topics.BILLING_EVENTS, InstallmentDue.class),
    INSTALLMENT_OVERDUE("dev.regua.billing.installment.overdue.v1", Topics.BILLING_EVENTS, InstallmentOverdue.class),
    INSTALLMENT_PARTIALLY_PAID("dev.regua.billing.installment.partially-paid.v1", Topics.BILLING_EVENTS, InstallmentPartiallyPaid.class),
    INSTALLMENT_PAID("dev.regua.billing.installment.paid.v1", Topics.BILLING_EVENTS, InstallmentPaid.class),
    NOTIFICATION_REQUESTED("dev.regua.dunning.notification.requested.v1", Topics.DUNNING_EVENTS, NotificationRequested.class),
    PROMISE_BROKEN("dev.regua.dunning.promise.broken.v1", Topics.DUNNING_EVENTS, PromiseBroken.class),
    PROMISE_KEPT("dev.regua.dunning.promise.kept.v1", Topics.DUNNING_EVENTS, PromiseKept.class),
    MESSAGE_SENT("dev.regua.notification.message.sent.v1", Topics.NOTIFICATION_EVENTS, MessageSent.class),
    MESSAGE_FAILED("dev.regua.notification.message.failed.v1", Topics.NOTIFICATION_EVENTS, MessageFailed.class);

    private final String type;
    private final String topic;
    private final Class<? extends RegisteredEvent> payloadType;

    EventType(String type, String topic, Class<? extends RegisteredEvent> payloadType) {
        this.type = type;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The CloudEvents type, e.g. {@code dev.regua.billing.installment.overdue.v1}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends RegisteredEvent> payloadType() {
        return payloadType;
    }

    /** Name of the golden JSON sample on the classpath. */
    public String sampleResource() {
        return "/dev/regua/contract/samples/" + type + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<? extends RegisteredEvent> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a registered event: " + payloadType.getName()));
    }
}
