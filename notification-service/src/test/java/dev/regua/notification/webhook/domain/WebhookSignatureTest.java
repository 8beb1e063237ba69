package dev.regua.notification.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The test vector of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks). */
    @Test
    void signsTheStandardWebhooksReferenceVector() {
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void acceptsTheSecretWithOrWithoutItsPrefix() {
        assertEquals(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", 1L, "{}"),
                WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", 1L, "{}"));
    }

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
        SecureRandom random = new SecureRandom();
        String secret = WebhookSignature.newSecret(random);
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignature.newSecret(random));
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerSecretSpaceSeparated() {
        String current = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String previous = WebhookSignature.newSecret(new SecureRandom());
        String header = WebhookSignature.header(List.of(current, previous), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}");
        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", parts[0]);
        assertEquals(WebhookSignature.sign(previous, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"), parts[1]);
    }

    @Test
    void aChangedBodyOrTimestampChangesTheSignature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String base = WebhookSignature.sign(secret, "msg_1", 100L, "{\"a\":1}");
        assertNotEquals(base, WebhookSignature.sign(secret, "msg_1", 101L, "{\"a\":1}"));
        assertNotEquals(base, WebhookSignature.sign(secret, "msg_1", 100L, "{\"a\": 1}"));
        assertNotEquals(base, WebhookSignature.sign(secret, "msg_2", 100L, "{\"a\":1}"));
    }

    @Test
    void refusesAWebhookIdWithADotBecauseItWouldBlurTheSignedContent() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "a.b", 1L, "{}"));
    }
}
