package dev.regua.notification.provider.application;

import dev.regua.support.problem.BusinessRuleException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts provider credentials at rest with AES-256-GCM: a random 96-bit nonce per value, a 128-bit tag, and the
 * tenant and channel as associated data (a ciphertext copied to another tenant's row does not decrypt). Stored as
 * {@code v1:} + Base64(nonce ‖ ciphertext). The key is {@code regua.notification.credentials-key} (Base64 of 32
 * bytes), from the environment in production; without it, credentials cannot be stored.
 */
@ApplicationScoped
public class CredentialCipher {
    private static final String PREFIX = "v1:";
    private final SecureRandom random = new SecureRandom();
    private final Optional<SecretKey> key;

    public CredentialCipher(@ConfigProperty(name = "regua.notification.credentials-key") Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank()).map(CredentialCipher::decodeKey);
    }

    static SecretKey decodeKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("regua.notification.credentials-key must be 32 bytes (Base64), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String encrypt(String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("credentials cannot be encrypted", e);
        }
    }

    public String decrypt(String stored, String associatedData) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("stored credentials have an unknown format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored credentials cannot be decrypted (wrong key or tampered)", e);
        }
    }

    private SecretKey key() {
        return key.orElseThrow(() -> new BusinessRuleException("credentials-key-missing",
                "this installation has no credentials key (regua.notification.credentials-key): provider credentials cannot be stored or used"));
    }
}
