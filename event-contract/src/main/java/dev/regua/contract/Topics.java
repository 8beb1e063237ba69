package dev.regua.contract;

/**
 * Kafka topics, one per producing context. Records are keyed by {@link #payerKey(String, String)} so that one
 * payer's events stay in order on one partition.
 */
public final class Topics {
    public static final String BILLING_EVENTS = "regua.billing.events";
    public static final String DUNNING_EVENTS = "regua.dunning.events";
    public static final String NOTIFICATION_EVENTS = "regua.notification.events";
    public static final String CREDIT_EVENTS = "regua.credit.events";

    private Topics() {
    }

    /** The record key of everything about one payer of one tenant. */
    public static String payerKey(String tenantId, String payerId) {
        return tenantId + "/" + payerId;
    }

    /** The record key of tenant-wide facts (the tenant's profile). */
    public static String tenantKey(String tenantId) {
        return tenantId;
    }
}
