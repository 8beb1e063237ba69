package dev.regua.notification.channel.domain;

import java.util.Map;

/**
 * One message to send through one channel: the address for that channel, the template and its prepared data, and
 * the idempotency key that travels with the request ({@code <command key>:<channel>}), and the tenant's own
 * wording of the template when it has one ({@code override}, else null).
 */
public record Outgoing(String tenantId, String messageId, String idempotencyKey, String channel, String template,
                       String address, Map<String, Object> data, TemplateText override) {
}
