package dev.regua.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook receiver on an ephemeral port: records every request and answers the scripted status codes,
 * then {@link #defaultStatus}. {@link #verifies} checks a Standard Webhooks signature with its own implementation of
 * the specification (not the production signer).
 */
final class WebhookReceiver implements AutoCloseable {
    record Request(String webhookId, String timestamp, String signature, String contentType, String body, Instant receivedAt) {
        List<String> signatures() {
            return List.of(signature.split(" "));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    volatile int defaultStatus = 200;
    /** Sent as {@code Retry-After} with every non-2xx answer when set. */
    volatile String retryAfter;

    WebhookReceiver(Supplier<Instant> businessClock, int... scripted) throws IOException {
        for (int status : scripted) {
            script.add(status);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/regua", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            requests.add(new Request(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"),
                    h.getFirst("content-type"), body, businessClock.get()));
            Integer next = script.poll();
            int status = next == null ? defaultStatus : next;
            byte[] answer = ("{\"answered\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            if (retryAfter != null && (status < 200 || status > 299)) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/regua";
    }

    List<Request> requestsFor(String webhookId) {
        return requests.stream().filter(r -> webhookId.equals(r.webhookId())).toList();
    }

    /** Standard Webhooks verification: some v1 signature is HMAC-SHA256(secret, id.timestamp.body), compared in constant time. */
    static boolean verifies(String whsecSecret, Request r) {
        return r.signatures().stream().anyMatch(s -> signatureMatches(whsecSecret, r, s));
    }

    static boolean signatureMatches(String whsecSecret, Request r, String versionedSignature) {
        String[] parts = versionedSignature.split(",", 2);
        if (parts.length != 2 || !parts[0].equals("v1")) {
            return false;
        }
        try {
            byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((r.webhookId() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
