package dev.regua.notification.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an endpoint counts as failing persistently and is disabled: every attempt to it has failed for
 * {@code failingFor} (since its last success), or {@code consecutiveFailures} attempts in a row failed (0 turns
 * that rule off).
 */
public record FailurePolicy(Duration failingFor, int consecutiveFailures) {

    public Optional<String> disableReason(int failuresInARow, Instant failingSince, Instant now) {
        if (consecutiveFailures > 0 && failuresInARow >= consecutiveFailures) {
            return Optional.of(failuresInARow + " attempts in a row failed");
        }
        if (failingSince != null && !Duration.between(failingSince, now).minus(failingFor).isNegative()) {
            return Optional.of("every attempt failed since " + failingSince + " (" + failuresInARow + " attempts)");
        }
        return Optional.empty();
    }
}
