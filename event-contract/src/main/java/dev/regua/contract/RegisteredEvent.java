package dev.regua.contract;

/**
 * A payload defined in this contract. Every event belongs to one tenant and, except tenant-wide facts, one payer.
 */
public interface RegisteredEvent {
    /** The event's own id (a UUID); it travels as the CloudEvents {@code id}. */
    String eventId();

    String tenantId();

    /** The Kafka record key: keeps one payer's events in order. */
    String partitionKey();

    /** The CloudEvents subject, e.g. {@code installment/3f…}. */
    String subject();
}
