package dev.regua.support.inbox;

import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.RegisteredEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from a Kafka record in binary mode. {@link #type()} is empty for types this consumer's contract
 * version does not know (newer versions are ignored, not failed).
 */
public record IncomingEvent(String id, String rawType, Optional<EventType> type, String tenant, String payload) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new EventCodec.MalformedEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: ce_id and ce_type headers are required");
        }
        if (record.value() == null) {
            throw new EventCodec.MalformedEventException("CloudEvent " + id + " has no payload");
        }
        return new IncomingEvent(id, type, EventType.ofType(type), header(record, CloudEventHeaders.TENANT), record.value());
    }

    /**
     * The payload as its record. Refuses (as malformed) a payload whose tenant differs from the {@code ce_tenant}
     * header: one of them was tampered with or mis-routed, and guessing would cross tenants.
     */
    public <T extends RegisteredEvent> T payloadAs(Class<T> payloadType) {
        T value = EventCodec.fromJson(payload, payloadType);
        if (value.tenantId() == null || value.tenantId().isBlank()) {
            throw new EventCodec.MalformedEventException("CloudEvent " + id + " names no tenant");
        }
        if (tenant != null && !tenant.equals(value.tenantId())) {
            throw new EventCodec.MalformedEventException("CloudEvent " + id + ": header ce_tenant " + tenant
                    + " differs from the payload's tenant " + value.tenantId());
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
