package dev.regua.notification.webhook.application;

import dev.regua.notification.webhook.domain.DeliveryStatus;
import dev.regua.notification.webhook.domain.EndpointUrl;
import dev.regua.notification.webhook.domain.WebhookEventTypes;
import dev.regua.notification.webhook.domain.WebhookSignature;
import dev.regua.notification.webhook.persistence.WebhookDeliveryEntity;
import dev.regua.notification.webhook.persistence.WebhookEndpointEntity;
import dev.regua.notification.webhook.persistence.WebhookRepository;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's webhook endpoints: register, change, enable, disable, rotate the secret, delete; and manual replay of a
 * delivery. Call within a transaction; every lookup names the tenant, so another tenant's id is "not found".
 */
@ApplicationScoped
public class WebhookEndpoints {
    private final WebhookRepository repository;
    private final SecretCipher cipher;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookEndpoints(WebhookRepository repository, SecretCipher cipher, WebhookConfig config, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
    }

    /** An endpoint with the secret in clear: answered once, on creation or rotation. */
    public record WithSecret(WebhookEndpointEntity endpoint, String secret) {
    }

    public Uni<WithSecret> register(String tenantId, String url, List<String> eventTypes, String description, boolean enabled) {
        String checkedUrl = checkUrl(url);
        String types = checkEventTypes(eventTypes);
        Instant now = clock.instant();
        WebhookEndpointEntity e = new WebhookEndpointEntity();
        e.id = UUID.randomUUID();
        e.tenantId = tenantId;
        e.url = checkedUrl;
        e.eventTypes = types;
        e.description = description;
        e.enabled = enabled;
        if (!enabled) {
            e.disabledReason = "registered disabled";
            e.disabledAt = now;
        }
        String secret = WebhookSignature.newSecret(cipher.random());
        e.secretCiphertext = cipher.encrypt(secret, e.id);
        e.createdAt = now;
        e.updatedAt = now;
        return repository.persist(e).replaceWith(new WithSecret(e, secret));
    }

    public Uni<WebhookEndpointEntity> find(String tenantId, UUID id) {
        return repository.endpoint(tenantId, id).map(e -> {
            if (e == null) {
                throw new ResourceNotFoundException("webhook endpoint " + id + " not found");
            }
            return e;
        });
    }

    public Uni<WebhookEndpointEntity> change(String tenantId, UUID id, String url, List<String> eventTypes, String description,
                                             Boolean enabled) {
        String checkedUrl = checkUrl(url);
        String types = checkEventTypes(eventTypes);
        return find(tenantId, id).map(e -> {
            e.url = checkedUrl;
            e.eventTypes = types;
            e.description = description;
            if (enabled != null) {
                setEnabled(e, enabled, "disabled through the API");
            }
            e.updatedAt = clock.instant();
            return e;
        });
    }

    public Uni<WebhookEndpointEntity> enable(String tenantId, UUID id, boolean enabled, String actor) {
        return find(tenantId, id).map(e -> {
            setEnabled(e, enabled, "disabled by " + actor);
            e.updatedAt = clock.instant();
            return e;
        });
    }

    /** A new secret signs from now on; the old one keeps signing too until the overlap ends. */
    public Uni<WithSecret> rotateSecret(String tenantId, UUID id) {
        return find(tenantId, id).map(e -> {
            Instant now = clock.instant();
            String secret = WebhookSignature.newSecret(cipher.random());
            e.previousSecretCiphertext = e.secretCiphertext;
            e.previousSecretExpiresAt = now.plus(config.rotationOverlap());
            e.secretCiphertext = cipher.encrypt(secret, e.id);
            e.updatedAt = now;
            return new WithSecret(e, secret);
        });
    }

    public Uni<Void> delete(String tenantId, UUID id) {
        return find(tenantId, id).chain(repository::remove);
    }

    /**
     * Sends the delivery again as soon as possible, under the same {@code webhook-id}: one more attempt for a
     * delivered or failed delivery, the next attempt now for a pending one.
     */
    public Uni<WebhookDeliveryEntity> replay(String tenantId, UUID deliveryId) {
        return repository.deliveryForUpdate(tenantId, deliveryId).chain(d -> {
            if (d == null) {
                throw new ResourceNotFoundException("webhook delivery " + deliveryId + " not found");
            }
            return repository.endpoint(tenantId, d.endpointId).map(e -> {
                if (e == null) {
                    throw new ResourceNotFoundException("webhook delivery " + deliveryId + " not found");
                }
                if (!e.enabled) {
                    throw new BusinessRuleException("webhook-endpoint-disabled",
                            "endpoint " + e.id + " is disabled; enable it before replaying its deliveries");
                }
                if (!DeliveryStatus.PENDING.name().equals(d.status)) {
                    d.status = DeliveryStatus.PENDING.name();
                    d.finalAttempt = d.attempts + 1;
                }
                d.replayPending = true;
                d.nextAttemptAt = clock.instant();
                return d;
            });
        });
    }

    private void setEnabled(WebhookEndpointEntity e, boolean enabled, String reason) {
        if (enabled && !e.enabled) {
            e.enabled = true;
            e.disabledReason = null;
            e.disabledAt = null;
            e.consecutiveFailures = 0;
            e.failingSince = null;
        } else if (!enabled && e.enabled) {
            e.enabled = false;
            e.disabledReason = reason;
            e.disabledAt = clock.instant();
        }
    }

    private String checkUrl(String url) {
        EndpointUrl.problemWith(url, config.allowHttpOnLoopback()).ifPresent(problem -> {
            throw new InvalidInputException("url", problem);
        });
        return url.strip();
    }

    private static String checkEventTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new InvalidInputException("eventTypes", "name at least one event type; see GET /api/notifications/webhooks/event-types");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < eventTypes.size(); i++) {
            String pattern = eventTypes.get(i) == null ? null : eventTypes.get(i).strip();
            String field = "eventTypes[" + i + "]";
            WebhookEventTypes.problemWith(pattern).ifPresent(problem -> {
                throw new InvalidInputException(field, problem + "; see GET /api/notifications/webhooks/event-types");
            });
            unique.add(pattern);
        }
        return String.join(" ", unique);
    }
}
