package dev.regua.simulator.messaging;

import java.time.Instant;
import java.util.Map;

/** A status callback the simulator posted, with the status the receiver answered (0 = not reachable). */
public record PostedCallback(Provider provider, String url, String providerMessageId, String status,
                             Map<String, String> headers, String body, int answeredStatus, Instant postedAt) {
}
