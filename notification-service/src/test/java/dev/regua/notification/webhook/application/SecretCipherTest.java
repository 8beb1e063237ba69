package dev.regua.notification.webhook.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final String KEY = "3q0dZr6Yc0c0PpkG1p3w0lWm3nNq6O2bHq8eB0b2y7E=";
    private static final String OTHER_KEY = "MUI+IQsBpQ3VxWZ4zb7DAbrs0vih0y0jd+Yj6zHMm7c=";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static WebhookConfig config(String key) {
        return new WebhookConfig() {
            public Optional<String> secretKey() {
                return Optional.ofNullable(key);
            }

            public boolean allowHttpOnLoopback() {
                return false;
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(15);
            }

            public Duration rotationOverlap() {
                return Duration.ofHours(24);
            }

            public Duration disableAfterFailingFor() {
                return Duration.ofHours(36);
            }

            public int disableAfterConsecutiveFailures() {
                return 0;
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public int batchSize() {
                return 50;
            }
        };
    }

    @Test
    void aSecretIsStoredEncryptedAndReadBackForItsOwnEndpoint() {
        SecretCipher cipher = new SecretCipher(config(KEY));
        UUID endpoint = UUID.randomUUID();
        String stored = cipher.encrypt(SECRET, endpoint);
        assertTrue(stored.startsWith("v1:"));
        assertFalse(stored.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), stored);
        assertNotEquals(stored, cipher.encrypt(SECRET, endpoint), "a fresh nonce every time");
        assertEquals(SECRET, cipher.decrypt(stored, endpoint));
    }

    @Test
    void aCiphertextMovedToAnotherEndpointOrReadWithAnotherKeyDoesNotDecrypt() {
        UUID endpoint = UUID.randomUUID();
        String stored = new SecretCipher(config(KEY)).encrypt(SECRET, endpoint);
        assertThrows(IllegalStateException.class, () -> new SecretCipher(config(KEY)).decrypt(stored, UUID.randomUUID()));
        assertThrows(IllegalStateException.class, () -> new SecretCipher(config(OTHER_KEY)).decrypt(stored, endpoint));
    }

    @Test
    void withoutAKeyNothingCanBeEncryptedAndAWrongSizedKeyStopsTheStart() {
        SecretCipher none = new SecretCipher(config(null));
        assertFalse(none.configured());
        assertEquals(503, assertThrows(WebApplicationException.class, () -> none.encrypt(SECRET, UUID.randomUUID()))
                .getResponse().getStatus());
        assertThrows(IllegalStateException.class, () -> new SecretCipher(config("c2hvcnQ=")));
    }
}
