package dev.regua.contract;

import dev.regua.contract.billing.AgreementBroken;
import dev.regua.contract.billing.AgreementCreated;
import dev.regua.contract.billing.AgreementPaid;
import dev.regua.contract.billing.ContractActivated;
import dev.regua.contract.billing.ContractCancelled;
import dev.regua.contract.billing.ContractSuspended;
import dev.regua.contract.billing.InstallmentCancelled;
import dev.regua.contract.billing.InstallmentCreated;
import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentPaid;
import dev.regua.contract.billing.InstallmentPartiallyPaid;
import dev.regua.contract.billing.InstallmentRenegotiated;
import dev.regua.contract.billing.InstallmentWrittenOff;
import dev.regua.contract.billing.PayerRegistered;
import dev.regua.contract.billing.PayerUpdated;
import dev.regua.contract.billing.PaymentReversed;
import dev.regua.contract.billing.TenantProfileUpdated;
import dev.regua.contract.credit.CreditAnalysisCompleted;
import dev.regua.contract.credit.NegativationChanged;
import dev.regua.contract.credit.ProtestChanged;
import dev.regua.contract.dunning.AgencyHandoffRequested;
import dev.regua.contract.dunning.BureauActionRequested;
import dev.regua.contract.dunning.CaseClosed;
import dev.regua.contract.dunning.CaseOpened;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.contract.dunning.PromiseBroken;
import dev.regua.contract.dunning.PromiseKept;
import dev.regua.contract.dunning.ServiceRestrictionChanged;
import dev.regua.contract.dunning.StepExecuted;
import dev.regua.contract.dunning.WriteOffRequested;
import dev.regua.contract.notification.MessageFailed;
import dev.regua.contract.notification.MessageSent;
import dev.regua.contract.notification.MessageStatusChanged;
import dev.regua.contract.notification.WebhookEndpointDisabled;
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
    CONTRACT_ACTIVATED("dev.regua.billing.contract.activated.v1", Topics.BILLING_EVENTS, ContractActivated.class),
    CONTRACT_SUSPENDED("dev.regua.billing.contract.suspended.v1", Topics.BILLING_EVENTS, ContractSuspended.class),
    CONTRACT_CANCELLED("dev.regua.billing.contract.cancelled.v1", Topics.BILLING_EVENTS, ContractCancelled.class),
    INSTALLMENT_CANCELLED("dev.regua.billing.installment.cancelled.v1", Topics.BILLING_EVENTS, InstallmentCancelled.class),
    INSTALLMENT_RENEGOTIATED("dev.regua.billing.installment.renegotiated.v1", Topics.BILLING_EVENTS, InstallmentRenegotiated.class),
    INSTALLMENT_WRITTEN_OFF("dev.regua.billing.installment.written-off.v1", Topics.BILLING_EVENTS, InstallmentWrittenOff.class),
    PAYMENT_REVERSED("dev.regua.billing.payment.reversed.v1", Topics.BILLING_EVENTS, PaymentReversed.class),
    AGREEMENT_CREATED("dev.regua.billing.agreement.created.v1", Topics.BILLING_EVENTS, AgreementCreated.class),
    AGREEMENT_PAID("dev.regua.billing.agreement.paid.v1", Topics.BILLING_EVENTS, AgreementPaid.class),
    AGREEMENT_BROKEN("dev.regua.billing.agreement.broken.v1", Topics.BILLING_EVENTS, AgreementBroken.class),
    NOTIFICATION_REQUESTED("dev.regua.dunning.notification.requested.v1", Topics.DUNNING_EVENTS, NotificationRequested.class),
    PROMISE_BROKEN("dev.regua.dunning.promise.broken.v1", Topics.DUNNING_EVENTS, PromiseBroken.class),
    PROMISE_KEPT("dev.regua.dunning.promise.kept.v1", Topics.DUNNING_EVENTS, PromiseKept.class),
    BUREAU_ACTION_REQUESTED("dev.regua.dunning.bureau-action.requested.v1", Topics.DUNNING_EVENTS, BureauActionRequested.class),
    SERVICE_RESTRICTION_CHANGED("dev.regua.dunning.service-restriction.changed.v1", Topics.DUNNING_EVENTS, ServiceRestrictionChanged.class),
    AGENCY_HANDOFF_REQUESTED("dev.regua.dunning.agency-handoff.requested.v1", Topics.DUNNING_EVENTS, AgencyHandoffRequested.class),
    WRITE_OFF_REQUESTED("dev.regua.dunning.write-off.requested.v1", Topics.DUNNING_EVENTS, WriteOffRequested.class),
    CASE_OPENED("dev.regua.dunning.case.opened.v1", Topics.DUNNING_EVENTS, CaseOpened.class),
    STEP_EXECUTED("dev.regua.dunning.step.executed.v1", Topics.DUNNING_EVENTS, StepExecuted.class),
    CASE_CLOSED("dev.regua.dunning.case.closed.v1", Topics.DUNNING_EVENTS, CaseClosed.class),
    MESSAGE_SENT("dev.regua.notification.message.sent.v1", Topics.NOTIFICATION_EVENTS, MessageSent.class),
    MESSAGE_FAILED("dev.regua.notification.message.failed.v1", Topics.NOTIFICATION_EVENTS, MessageFailed.class),
    MESSAGE_STATUS_CHANGED("dev.regua.notification.message.status-changed.v1", Topics.NOTIFICATION_EVENTS, MessageStatusChanged.class),
    WEBHOOK_ENDPOINT_DISABLED("dev.regua.notification.webhook-endpoint.disabled.v1", Topics.NOTIFICATION_EVENTS, WebhookEndpointDisabled.class),
    NEGATIVATION_CHANGED("dev.regua.credit.negativation.changed.v1", Topics.CREDIT_EVENTS, NegativationChanged.class),
    PROTEST_CHANGED("dev.regua.credit.protest.changed.v1", Topics.CREDIT_EVENTS, ProtestChanged.class),
    CREDIT_ANALYSIS_COMPLETED("dev.regua.credit.analysis.completed.v1", Topics.CREDIT_EVENTS, CreditAnalysisCompleted.class);

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
