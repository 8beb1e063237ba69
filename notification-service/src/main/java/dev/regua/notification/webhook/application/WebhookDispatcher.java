package dev.regua.notification.webhook.application;

import dev.regua.contract.notification.WebhookEndpointDisabled;
import dev.regua.notification.webhook.domain.DeliveryStatus;
import dev.regua.notification.webhook.domain.FailurePolicy;
import dev.regua.notification.webhook.domain.RetrySchedule;
import dev.regua.notification.webhook.domain.WebhookSignature;
import dev.regua.notification.webhook.persistence.WebhookAttemptEntity;
import dev.regua.notification.webhook.persistence.WebhookDeliveryEntity;
import dev.regua.notification.webhook.persistence.WebhookEndpointEntity;
import dev.regua.notification.webhook.persistence.WebhookRepository;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers due webhook deliveries. Each tick: (1) in a short transaction, claims due rows of enabled endpoints with
 * {@code FOR UPDATE SKIP LOCKED} and leases them (their next attempt moves past the request timeout, so a crash
 * retries them later); (2) POSTs them concurrently, outside any transaction, signed per Standard Webhooks; (3) in a
 * second transaction records each attempt and its consequences: delivered, retried at the next scheduled time,
 * failed, or the endpoint disabled with a {@code WebhookEndpointDisabled} event in the same transaction.
 * A crash between (2) and (3) sends the delivery again under the same {@code webhook-id}, which receivers dedupe.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int SNIPPET = 1000;
    private final WebhookRepository repository;
    private final SecretCipher cipher;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final WebhookConfig config;
    private final FailurePolicy failurePolicy;
    private final WebClient client;

    public WebhookDispatcher(WebhookRepository repository, SecretCipher cipher, OutboxWriter outbox, Clock clock,
                             WebhookConfig config, Vertx vertx) {
        this.repository = repository;
        this.cipher = cipher;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.failurePolicy = new FailurePolicy(config.disableAfterFailingFor(), config.disableAfterConsecutiveFailures());
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis()))
                .setUserAgent("Regua-Webhooks/1.0"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What one attempt needs, read in the claiming transaction. */
    record Claimed(UUID deliveryId, UUID endpointId, String url, String eventId, String body, List<String> secrets) {
    }

    /** What one attempt got. */
    record Outcome(Claimed claimed, Instant at, long timestamp, Integer status, long latencyMs, String error, String snippet,
                   Duration retryAfter) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Scheduled(every = "${regua.webhooks.poll-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return dispatchDue().onFailure().invoke(e -> LOG.warn("webhook dispatch failed; it will run again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Integer> dispatchDue() {
        if (!cipher.configured()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(this::claim).chain(claimed -> {
            if (claimed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Outcome>> posts = claimed.stream().map(this::post).toList();
            return Uni.join().all(posts).andFailFast()
                    .chain(outcomes -> Panache.withTransaction(() -> recordAll(outcomes)))
                    .replaceWith(claimed.size());
        });
    }

    private Uni<List<Claimed>> claim() {
        Instant now = clock.instant();
        Instant lease = now.plus(config.requestTimeout()).plus(Duration.ofSeconds(60));
        return repository.claimDue(now, config.batchSize()).chain(deliveries -> {
            if (deliveries.isEmpty()) {
                return Uni.createFrom().item(List.<Claimed>of());
            }
            deliveries.forEach(d -> d.nextAttemptAt = lease);
            return repository.endpointsById(deliveries.stream().map(d -> d.endpointId).distinct().toList()).map(endpoints -> {
                Map<UUID, WebhookEndpointEntity> byId = endpoints.stream()
                        .collect(Collectors.toMap(e -> e.id, Function.identity()));
                List<Claimed> claimed = new ArrayList<>();
                for (WebhookDeliveryEntity d : deliveries) {
                    WebhookEndpointEntity e = byId.get(d.endpointId);
                    try {
                        claimed.add(new Claimed(d.id, e.id, e.url, d.eventId, d.body, secretsOf(e, now)));
                    } catch (RuntimeException unreadable) {
                        // a secret that does not decrypt (wrong key) must not hold up the other endpoints' deliveries
                        LOG.errorf("webhook endpoint %s: %s; its delivery %s waits", e.id, unreadable.getMessage(), d.id);
                    }
                }
                return claimed;
            });
        });
    }

    /** The current secret, and the previous one while its overlap lasts. */
    private List<String> secretsOf(WebhookEndpointEntity e, Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(cipher.decrypt(e.secretCiphertext, e.id));
        if (e.previousSecretCiphertext != null && e.previousSecretExpiresAt != null && now.isBefore(e.previousSecretExpiresAt)) {
            secrets.add(cipher.decrypt(e.previousSecretCiphertext, e.id));
        }
        return secrets;
    }

    Uni<Outcome> post(Claimed c) {
        Instant at = clock.instant();
        long timestamp = at.getEpochSecond();
        long started = System.nanoTime();
        return Uni.createFrom().deferred(() -> client.requestAbs(HttpMethod.POST, c.url())
                        .timeout(config.requestTimeout().toMillis())
                        .putHeader("content-type", "application/json")
                        .putHeader("webhook-id", c.eventId())
                        .putHeader("webhook-timestamp", Long.toString(timestamp))
                        .putHeader("webhook-signature", WebhookSignature.header(c.secrets(), c.eventId(), timestamp, c.body()))
                        .sendBuffer(Buffer.buffer(c.body())))
                .map(r -> new Outcome(c, at, timestamp, r.statusCode(), elapsedMs(started),
                        r.statusCode() >= 200 && r.statusCode() < 300 ? null : "HTTP " + r.statusCode(),
                        truncate(r.bodyAsString(), SNIPPET), retryAfter(r.getHeader("retry-after"), at)))
                .onFailure().recoverWithItem(e -> new Outcome(c, at, timestamp, null, elapsedMs(started),
                        truncate(e.getClass().getSimpleName() + ": " + e.getMessage(), 500), null, null));
    }

    private Uni<Void> recordAll(List<Outcome> outcomes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Outcome o : outcomes) {
            chain = chain.chain(() -> record(o));
        }
        return chain;
    }

    private Uni<Void> record(Outcome o) {
        return repository.deliveryForUpdate(o.claimed().deliveryId()).chain(d -> {
            if (d == null) {
                return Uni.createFrom().voidItem(); // the endpoint was deleted meanwhile
            }
            return repository.endpointForUpdate(d.endpointId).chain(e -> apply(d, e, o));
        });
    }

    private Uni<Void> apply(WebhookDeliveryEntity d, WebhookEndpointEntity e, Outcome o) {
        d.attempts++;
        d.lastAttemptAt = o.at();
        WebhookAttemptEntity a = new WebhookAttemptEntity();
        a.id = UUID.randomUUID();
        a.deliveryId = d.id;
        a.tenantId = d.tenantId;
        a.number = d.attempts;
        a.trigger = d.replayPending ? "REPLAY" : "SCHEDULED";
        a.attemptedAt = o.at();
        a.webhookTimestamp = o.timestamp();
        a.statusCode = o.status();
        a.latencyMs = o.latencyMs();
        a.error = o.error();
        a.responseSnippet = o.snippet();
        d.replayPending = false;
        String disableReason = null;
        if (o.delivered()) {
            d.status = DeliveryStatus.DELIVERED.name();
            d.deliveredAt = o.at();
            e.consecutiveFailures = 0;
            e.failingSince = null;
        } else {
            e.consecutiveFailures++;
            if (e.failingSince == null) {
                e.failingSince = o.at();
            }
            if (o.status() != null && o.status() == 410) {
                d.status = DeliveryStatus.FAILED.name();
                disableReason = "the endpoint answered 410 Gone";
            } else {
                var next = d.attempts >= d.finalAttempt ? java.util.Optional.<Instant>empty()
                        : RetrySchedule.nextAttempt(o.at(), d.attempts, ThreadLocalRandom.current().nextDouble())
                                .map(scheduled -> RetrySchedule.respectingRetryAfter(scheduled, o.at(), o.retryAfter(), d.createdAt));
                if (next.isPresent()) {
                    d.nextAttemptAt = next.get();
                    a.nextAttemptAt = next.get();
                } else {
                    d.status = DeliveryStatus.FAILED.name();
                }
                disableReason = failurePolicy.disableReason(e.consecutiveFailures, e.failingSince, o.at()).orElse(null);
            }
        }
        Uni<Void> saved = repository.persist(a);
        if (disableReason != null && e.enabled) {
            e.enabled = false;
            e.disabledReason = disableReason;
            e.disabledAt = o.at();
            e.updatedAt = o.at();
            LOG.infof("webhook endpoint %s of tenant %s disabled: %s", e.id, e.tenantId, disableReason);
            WebhookEndpointDisabled event = new WebhookEndpointDisabled(UUID.randomUUID().toString(), e.tenantId,
                    e.id.toString(), e.url, disableReason, e.consecutiveFailures, o.at());
            return saved.chain(() -> outbox.append(event));
        }
        return saved;
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.between(now, java.time.ZonedDateTime.parse(header.strip(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
