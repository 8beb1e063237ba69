package dev.regua.notification.webhook.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook signing secrets at rest with AES-256-GCM under the key in {@code regua.webhooks.secret-key}.
 * Stored form: {@code v1:} + base64(12-byte nonce + ciphertext + tag); the endpoint id is the associated data, so a
 * ciphertext copied to another endpoint's row does not decrypt.
 */
@ApplicationScoped
public class SecretCipher {
    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private final Optional<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(WebhookConfig config) {
        this.key = config.secretKey().filter(k -> !k.isBlank()).map(SecretCipher::decodeKey);
    }

    private static SecretKey decodeKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("regua.webhooks.secret-key must be base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("regua.webhooks.secret-key must be 32 bytes (AES-256), base64-encoded; it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean configured() {
        return key.isPresent();
    }

    public SecureRandom random() {
        return random;
    }

    public String encrypt(String plain, UUID endpointId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    public String decrypt(String stored, UUID endpointId) {
        if (!stored.startsWith(FORMAT)) {
            throw new IllegalStateException("unknown webhook secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the secret of webhook endpoint " + endpointId
                    + " (wrong regua.webhooks.secret-key?)");
        }
    }

    private SecretKey requireKey() {
        return key.orElseThrow(() -> new WebApplicationException(
                "webhook signing secrets cannot be stored: regua.webhooks.secret-key is not configured", 503));
    }
}
