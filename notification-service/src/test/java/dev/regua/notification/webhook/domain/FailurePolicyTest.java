package dev.regua.notification.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
    private static final Instant SINCE = Instant.parse("2026-03-11T12:00:00Z");

    @Test
    void disablesAnEndpointFailingForTheWholePeriod() {
        FailurePolicy policy = new FailurePolicy(Duration.ofHours(48), 0);
        assertTrue(policy.disableReason(9, SINCE, SINCE.plus(Duration.ofHours(47))).isEmpty());
        assertTrue(policy.disableReason(10, SINCE, SINCE.plus(Duration.ofHours(48))).isPresent());
    }

    @Test
    void disablesAfterNConsecutiveFailuresWhenThatRuleIsOn() {
        FailurePolicy policy = new FailurePolicy(Duration.ofHours(48), 5);
        assertTrue(policy.disableReason(4, SINCE, SINCE.plusSeconds(60)).isEmpty());
        assertTrue(policy.disableReason(5, SINCE, SINCE.plusSeconds(60)).isPresent());
    }

    @Test
    void anEndpointThatHasNotFailedIsNeverDisabled() {
        assertTrue(new FailurePolicy(Duration.ofHours(48), 0).disableReason(0, null, SINCE).isEmpty());
    }
}
