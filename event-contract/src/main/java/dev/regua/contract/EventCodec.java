package dev.regua.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON for events. Readers are tolerant (unknown fields are ignored, so additive changes keep the version);
 * dates and instants are ISO-8601 strings; no Java class names travel on the wire.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventCodec() {
    }

    public static String toJson(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }

    /** Reads a payload; throws {@link MalformedEventException} when the JSON does not fit the type. */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new MalformedEventException("empty payload for " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("payload is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    public static RegisteredEvent fromJson(String json, EventType type) {
        return fromJson(json, type.payloadType());
    }

    /** A message that can never be processed (a poison message): it goes to the consumer's dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
