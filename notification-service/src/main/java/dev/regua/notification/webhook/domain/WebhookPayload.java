package dev.regua.notification.webhook.domain;

import java.time.Instant;

/**
 * The body partners receive, shaped as Standard Webhooks recommends: {@code {"type": …, "timestamp": …, "data": …}}
 * where {@code data} is the event's JSON payload exactly as it was published and {@code timestamp} is when the event
 * happened (not when it was delivered).
 */
public final class WebhookPayload {
    private WebhookPayload() {
    }

    public static String of(String eventType, Instant occurredAt, String payloadJson) {
        return "{\"type\":\"" + escape(eventType) + "\",\"timestamp\":\"" + occurredAt + "\",\"data\":" + payloadJson.strip() + "}";
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
