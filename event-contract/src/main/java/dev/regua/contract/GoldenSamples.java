package dev.regua.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the golden JSON sample of an event type; every consumer's tests deserialize these. */
public final class GoldenSamples {
    private GoldenSamples() {
    }

    public static String json(EventType type) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream(type.sampleResource())) {
            if (in == null) {
                throw new IllegalStateException("no golden sample for " + type.type());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends RegisteredEvent> T payload(EventType type, Class<T> payloadType) {
        return EventCodec.fromJson(json(type), payloadType);
    }
}
