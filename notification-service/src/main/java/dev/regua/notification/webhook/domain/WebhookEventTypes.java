package dev.regua.notification.webhook.domain;

import dev.regua.contract.EventType;
import dev.regua.contract.Topics;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a partner can subscribe to: every event type published on the billing, dunning and credit-check topics.
 * A subscription names an exact type ({@code dev.regua.billing.installment.paid.v1}), a wildcard over a prefix of
 * dot-separated segments ({@code dev.regua.billing.*}, {@code dev.regua.billing.installment.*}) that covers at
 * least one such type, or {@code *} for all of them.
 */
public final class WebhookEventTypes {
    public static final Set<String> TOPICS = Set.of(Topics.BILLING_EVENTS, Topics.DUNNING_EVENTS, Topics.CREDIT_EVENTS);
    public static final String ALL = "*";

    private WebhookEventTypes() {
    }

    public static List<String> subscribable() {
        return Arrays.stream(EventType.values()).filter(WebhookEventTypes::isSubscribable).map(EventType::type)
                .sorted().toList();
    }

    public static boolean isSubscribable(EventType type) {
        return TOPICS.contains(type.topic());
    }

    /** Why a subscription pattern is refused; empty when it is valid. */
    public static Optional<String> problemWith(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (pattern.equals(ALL)) {
            return Optional.empty();
        }
        if (pattern.endsWith(".*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            if (prefix.length() > 1 && !prefix.contains("*") && subscribable().stream().anyMatch(t -> t.startsWith(prefix))) {
                return Optional.empty();
            }
            return Optional.of("'" + pattern + "' matches no event type that can be subscribed to");
        }
        if (subscribable().contains(pattern)) {
            return Optional.empty();
        }
        return Optional.of("'" + pattern + "' is not an event type that can be subscribed to");
    }

    public static boolean matches(Collection<String> patterns, String type) {
        return patterns.stream().anyMatch(p -> matches(p, type));
    }

    static boolean matches(String pattern, String type) {
        if (pattern.equals(ALL)) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }
}
