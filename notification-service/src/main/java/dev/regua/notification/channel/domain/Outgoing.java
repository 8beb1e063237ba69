package dev.regua.notification.channel.domain;

import java.util.Map;

/**
 * One message to send through one channel: the address for that channel, the template and its prepared data, the
 * idempotency key that travels with the request ({@code <command key>:<channel>}), the tenant's own wording of the
 * template when it has one ({@code override}, else null), and {@code reference}: this send's in-flight reference,
 * which the request carries where the provider echoes it in its status callbacks (ADR 0010).
 */
public record Outgoing(String tenantId, String messageId, String idempotencyKey, String channel, String template,
                       String address, Map<String, Object> data, TemplateText override, String reference) {
}
