package dev.regua.simulator.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures the real providers put on their callbacks, computed the way their docs describe. */
public final class Signatures {
    private Signatures() {
    }

    /**
     * Twilio's X-Twilio-Signature: Base64 of HMAC-SHA1, keyed with the account's Auth Token, over the full callback
     * URL followed by every POST parameter's name and value, sorted by name.
     */
    public static String twilio(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken, data.toString()));
    }

    /** Meta's X-Hub-Signature-256: {@code sha256=} and the hex HMAC-SHA256 of the raw body keyed with the app secret. */
    public static String meta(String appSecret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
