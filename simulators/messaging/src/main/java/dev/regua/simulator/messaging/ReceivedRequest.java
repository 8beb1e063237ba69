package dev.regua.simulator.messaging;

import java.time.Instant;
import java.util.Map;

/**
 * One request the simulator received on a provider endpoint, as it arrived: headers (names in lower case), the raw
 * body, and the status it was answered with. {@code providerMessageId} is set when the message was accepted.
 */
public record ReceivedRequest(Provider provider, String method, String path, Map<String, String> headers, String body,
                              int answeredStatus, String providerMessageId, Instant receivedAt) {
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean accepted() {
        return answeredStatus >= 200 && answeredStatus < 300;
    }
}
