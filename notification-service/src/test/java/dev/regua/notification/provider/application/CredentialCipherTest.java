package dev.regua.notification.provider.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.support.problem.BusinessRuleException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private static final String KEY = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Q=";
    private final CredentialCipher cipher = new CredentialCipher(Optional.of(KEY));

    @Test
    void encryptsWithAFreshNonceAndDecryptsOnlyForTheSameTenantAndChannel() {
        String a = cipher.encrypt("{\"authToken\":\"s3cret\"}", "clinica-sorriso:SMS");
        String b = cipher.encrypt("{\"authToken\":\"s3cret\"}", "clinica-sorriso:SMS");
        assertTrue(a.startsWith("v1:"));
        assertFalse(a.contains("s3cret"));
        assertNotEquals(a, b, "a random nonce per value");
        assertEquals("{\"authToken\":\"s3cret\"}", cipher.decrypt(a, "clinica-sorriso:SMS"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(a, "otica-visao:SMS"), "bound to its tenant and channel");
    }

    @Test
    void withoutAKeyCredentialsCannotBeStored() {
        assertThrows(BusinessRuleException.class, () -> new CredentialCipher(Optional.empty()).encrypt("x", "t:SMS"));
    }
}
