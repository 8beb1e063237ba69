package dev.regua.notification.webhook.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Partner webhooks' settings ({@code regua.webhooks.*}). */
@ConfigMapping(prefix = "regua.webhooks")
public interface WebhookConfig {
    /**
     * Base64 of a 256-bit AES key that encrypts the signing secrets at rest. Without it no endpoint can be
     * registered and nothing is delivered.
     */
    Optional<String> secretKey();

    /** Accept plain {@code http} for localhost / 127.0.0.1 endpoints (tests and the local run only). */
    @WithDefault("false")
    boolean allowHttpOnLoopback();

    /** How long one POST may take before it counts as failed. */
    @WithDefault("15s")
    Duration requestTimeout();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /**
     * An endpoint whose every attempt failed for this long is disabled. 36 h: a delivery's ninth attempt (37 h 35 min
     * after its first) is the first past it, so the endpoint is disabled while its deliveries still have attempts left.
     */
    @WithDefault("36h")
    Duration disableAfterFailingFor();

    /** An endpoint with this many failed attempts in a row is disabled; 0 turns the rule off. */
    @WithDefault("0")
    int disableAfterConsecutiveFailures();

    /** How often the dispatcher looks for due deliveries. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries attempted per dispatcher tick. */
    @WithDefault("50")
    int batchSize();
}
