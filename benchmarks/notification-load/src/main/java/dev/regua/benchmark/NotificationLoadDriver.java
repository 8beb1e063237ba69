package dev.regua.benchmark;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.infra.KeycloakTokens;
import dev.regua.simulator.messaging.MessagingSimulator;
import dev.regua.simulator.messaging.Provider;
import dev.regua.simulator.messaging.ReceivedRequest;
import dev.regua.testing.KafkaEvents;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Load driver for issue 5 item 7: publishes {@code count} SMS commands to a running notification-service, with the
 * messaging simulator answering Twilio requests after {@code latency}, and reports how fast they were sent and
 * the latency from publish to the provider request. Bounded in count and time; loopback addresses only.
 *
 * <p>The service must point Twilio at the simulator:
 * {@code REGUA_NOTIFICATION_PROVIDERS_TWILIO_BASE_URL=http://127.0.0.1:<simulator port>} and have a credentials key
 * and a controllable clock (the local run's dev profile). Then:
 * {@code java -cp <this module's classpath> dev.regua.benchmark.NotificationLoadDriver} with system properties
 * {@code bench.count} (10000), {@code bench.latency-ms} (50), {@code bench.simulator-port} (8090),
 * {@code bench.kafka} (127.0.0.1:9092), {@code bench.realm} (http://127.0.0.1:8180/realms/regua),
 * {@code bench.notification} (http://127.0.0.1:8083), {@code bench.timeout} (PT10M).
 */
public final class NotificationLoadDriver {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private NotificationLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.count", 10_000);
        long latency = Long.getLong("bench.latency-ms", 50);
        int port = Integer.getInteger("bench.simulator-port", 8090);
        String kafka = System.getProperty("bench.kafka", "127.0.0.1:9092");
        String realm = System.getProperty("bench.realm", "http://127.0.0.1:8180/realms/regua");
        String notification = System.getProperty("bench.notification", "http://127.0.0.1:8083");
        Duration timeout = Duration.parse(System.getProperty("bench.timeout", "PT10M"));

        try (MessagingSimulator simulator = new MessagingSimulator()) {
            simulator.start(port);
            simulator.settings().of(Provider.TWILIO).latencyMillis = latency;
            simulator.settings().of(Provider.TWILIO).callbackDelayMillis = 1000;

            String ops = KeycloakTokens.clientCredentials(realm, "regua-ops", "regua-ops-secret");
            put(notification + "/internal/clock", ops, "{\"instant\":\"2026-03-11T13:00:00Z\"}"); // a Wednesday, 10:00 in SP
            String admin = KeycloakTokens.clientCredentials(realm, "sorriso-integration", "sorriso-integration-secret");
            put(notification + "/api/notifications/providers/SMS", admin, "{\"provider\":\"TWILIO\",\"sender\":\"+15005550006\","
                    + "\"accountId\":\"AC00000000000000000000000000000bench\",\"secrets\":{\"authToken\":\"bench-token\"},\"unitCost\":\"0\"}");

            NotificationRequested g = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
            String run = UUID.randomUUID().toString().substring(0, 8);
            Map<String, Long> publishedAt = new HashMap<>();
            KafkaEvents events = new KafkaEvents(kafka);
            long start = System.nanoTime();
            List<KafkaEvents.Envelope> chunk = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String payerId = UUID.randomUUID().toString();
                String mobile = "+55199" + String.format("%08d", i);
                chunk.add(new KafkaEvents.Envelope(UUID.randomUUID().toString(), new NotificationRequested(UUID.randomUUID().toString(),
                        "clinica-sorriso", payerId, g.installmentId(), "bench:" + run + ":" + i, g.stepCode(), List.of("SMS"),
                        "overdue-first", new NotificationRequested.Recipient("Paciente " + i, null, mobile, "SP"), g.creditor(),
                        g.variables(), null, null)));
                publishedAt.put(mobile, System.currentTimeMillis());
                if (chunk.size() == 500 || i == count - 1) {
                    events.publish(chunk.toArray(KafkaEvents.Envelope[]::new));
                    chunk.clear();
                }
            }
            double publishSeconds = (System.nanoTime() - start) / 1e9;

            long deadline = System.nanoTime() + timeout.toNanos();
            long accepted = 0;
            while (System.nanoTime() < deadline) {
                accepted = simulator.requests(Provider.TWILIO).stream().filter(ReceivedRequest::accepted).count();
                if (accepted >= count) {
                    break;
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> receivedAt = new ArrayList<>();
            List<Long> latencies = new ArrayList<>();
            for (ReceivedRequest r : simulator.requests(Provider.TWILIO)) {
                Long at = publishedAt.get(toOf(r.body()));
                if (at != null && r.accepted()) {
                    receivedAt.add(r.receivedAt().toEpochMilli());
                    latencies.add(r.receivedAt().toEpochMilli() - at);
                }
            }
            latencies.sort(null);
            long first = receivedAt.stream().mapToLong(Long::longValue).min().orElse(0);
            long last = receivedAt.stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.printf("published %d commands in %.1f s%n", count, publishSeconds);
            System.out.printf("provider accepted %d of %d in %.1f s since the first publish (%s)%n", accepted, count, seconds,
                    accepted >= count ? "complete" : "timed out");
            System.out.printf("throughput: %.0f messages/s overall; %.0f messages/s between the first and the last provider request%n",
                    accepted / seconds, last > first ? receivedAt.size() / ((last - first) / 1000.0) : 0.0);
            if (!latencies.isEmpty()) {
                System.out.printf("publish → provider request: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                        percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies.get(latencies.size() - 1));
            }
            System.out.printf("provider latency %d ms, duplicates seen by the provider: %d%n", latency,
                    simulator.requests(Provider.TWILIO).stream().filter(ReceivedRequest::accepted).map(r -> toOf(r.body())).count()
                            - simulator.requests(Provider.TWILIO).stream().filter(ReceivedRequest::accepted).map(r -> toOf(r.body())).distinct().count());
            System.out.println("finished at " + Instant.now());
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String toOf(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("To=")) {
                return URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void put(String url, String token, String json) throws Exception {
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + url + " answered " + res.statusCode() + ": " + res.body());
        }
    }
}
