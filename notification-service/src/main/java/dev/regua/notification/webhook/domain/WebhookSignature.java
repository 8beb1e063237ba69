package dev.regua.notification.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks symmetric signatures: a secret is {@code whsec_} plus the base64 of random bytes; a signature
 * is {@code v1,} plus the base64 of HMAC-SHA256 over {@code {webhook-id}.{webhook-timestamp}.{body}}, keyed with the
 * decoded secret bytes. During a secret rotation the header carries one signature per secret, space-separated.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";
    /** The specification asks for at least 24 random bytes; 32 gives a 256-bit HMAC key. */
    static final int SECRET_BYTES = 32;

    private WebhookSignature() {
    }

    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** One signature, e.g. {@code v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=}. */
    public static String sign(String secret, String webhookId, long timestamp, String body) {
        if (webhookId.contains(".")) {
            throw new IllegalArgumentException("a webhook id must not contain '.'");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyOf(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret, in the given order, space-separated. */
    public static String header(List<String> secrets, String webhookId, long timestamp, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed to sign");
        }
        return secrets.stream().map(s -> sign(s, webhookId, timestamp, body)).collect(Collectors.joining(" "));
    }

    static byte[] keyOf(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
