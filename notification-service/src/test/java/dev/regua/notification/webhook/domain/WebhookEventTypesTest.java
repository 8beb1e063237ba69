package dev.regua.notification.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventTypesTest {

    @Test
    void billingDunningAndCreditEventsCanBeSubscribedToButNotNotificationEvents() {
        List<String> types = WebhookEventTypes.subscribable();
        assertTrue(types.contains("dev.regua.billing.installment.paid.v1"));
        assertTrue(types.contains("dev.regua.dunning.service-restriction.changed.v1"));
        assertTrue(types.contains("dev.regua.credit.negativation.changed.v1"));
        assertTrue(types.stream().noneMatch(t -> t.startsWith("dev.regua.notification.")), types.toString());
    }

    @Test
    void acceptsExactTypesWildcardsOverKnownPrefixesAndStar() {
        assertTrue(WebhookEventTypes.problemWith("dev.regua.billing.installment.paid.v1").isEmpty());
        assertTrue(WebhookEventTypes.problemWith("dev.regua.billing.*").isEmpty());
        assertTrue(WebhookEventTypes.problemWith("dev.regua.billing.installment.*").isEmpty());
        assertTrue(WebhookEventTypes.problemWith("*").isEmpty());
    }

    @Test
    void refusesUnknownTypesAndWildcardsThatMatchNothing() {
        assertTrue(WebhookEventTypes.problemWith("dev.regua.billing.installment.paid.v9").isPresent());
        assertTrue(WebhookEventTypes.problemWith("dev.regua.notification.message.sent.v1").isPresent());
        assertTrue(WebhookEventTypes.problemWith("dev.regua.notification.*").isPresent());
        assertTrue(WebhookEventTypes.problemWith("dev.regua.bill*").isPresent());
        assertTrue(WebhookEventTypes.problemWith(".*").isPresent());
        assertTrue(WebhookEventTypes.problemWith(" ").isPresent());
    }

    @Test
    void aWildcardMatchesWholeSegmentsOnly() {
        assertTrue(WebhookEventTypes.matches(List.of("dev.regua.billing.*"), "dev.regua.billing.installment.paid.v1"));
        assertFalse(WebhookEventTypes.matches(List.of("dev.regua.billing.*"), "dev.regua.billingx.installment.paid.v1"));
        assertFalse(WebhookEventTypes.matches(List.of("dev.regua.billing.installment.paid.v1"), "dev.regua.billing.installment.due.v1"));
    }
}
