package dev.regua.benchmark;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.infra.InfraOptions;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.LocalInfra;
import dev.regua.simulator.messaging.MessagingSimulator;
import dev.regua.simulator.messaging.Provider;
import dev.regua.simulator.messaging.ReceivedRequest;
import dev.regua.testing.KafkaEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for issue 5 item 7 (figures, never assertions; the build never runs it). Self-contained: it starts
 * Kafka, PostgreSQL and Keycloak from local-infra, the messaging simulator with Twilio answering after
 * {@code bench.latency-ms} (50) and posting its status callbacks, and the packaged notification-service
 * ({@code notification-service/target/quarkus-app/quarkus-run.jar}) as its own process with {@code -Xmx256m
 * -XX:+UseSerialGC} and GC logging. It sets the service's business clock to a Wednesday 10:00 in São Paulo,
 * configures Twilio for {@code clinica-sorriso}, publishes {@code bench.count} (20,000) SMS commands to
 * {@code regua.dunning.events} as fast as Kafka takes them, and waits until the simulator accepted them all (or
 * {@code bench.timeout}, PT15M). Every 10 s it forces a full collection in the service ({@code jcmd GC.run}) and
 * reads the live heap it left from the GC log.
 *
 * <p>Reports: publish time, messages per second (overall, and steady state between the first and last provider
 * request), publish → provider request latency percentiles, duplicates the provider saw, live heap after each
 * forced full collection. Optional: {@code bench.batch-size} and {@code bench.poll-interval} are passed to the
 * service ({@code REGUA_NOTIFICATION_BATCH_SIZE}, {@code REGUA_NOTIFICATION_POLL_INTERVAL});
 * {@code bench.callbacks=false} turns the simulator's status callbacks off.
 */
public final class NotificationLoadDriver {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FULL_GC = Pattern.compile("Pause Full.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final String CREDENTIALS_KEY = "ZGV2LW9ubHkta2V5LWRldi1vbmx5LWtleS1kZXYtMDE=";

    private NotificationLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.count", 20_000);
        long latency = Long.getLong("bench.latency-ms", 50);
        boolean callbacks = Boolean.parseBoolean(System.getProperty("bench.callbacks", "true"));
        Duration timeout = Duration.parse(System.getProperty("bench.timeout", "PT15M"));
        Path checkout = checkout();
        Path jar = checkout.resolve("notification-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw install -DskipTests first");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path state = checkout.resolve(".regua/run/benchmark-notification-load");
        try (LocalInfra infra = LocalInfra.start(InfraOptions.builder().name("benchmark-notification-load").stateDir(state)
                .kafka(0).postgres(0, "notification").keycloak(0).startupTimeout(Duration.ofMinutes(8)).build());
             MessagingSimulator simulator = new MessagingSimulator()) {
            simulator.start(0);
            simulator.settings().of(Provider.TWILIO).latencyMillis = latency;
            simulator.settings().of(Provider.TWILIO).callbackDelayMillis = 1000;

            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String service = "http://127.0.0.1:" + port;
            Path gcLog = infra.stateDir().resolve("notification-gc.log");
            Files.deleteIfExists(gcLog);
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-Xlog:gc:file=" + gcLog,
                    "-Dfile.encoding=UTF-8", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(infra.stateDir().resolve("notification-service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infra.realmUrl());
            env.put("REGUA_CLOCK_CONTROLLABLE", "true");
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl("notification"));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl("notification"));
            env.put("QUARKUS_DATASOURCE_USERNAME", infra.dbUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword());
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
            env.put("REGUA_NOTIFICATION_CREDENTIALS_KEY", CREDENTIALS_KEY);
            env.put("REGUA_NOTIFICATION_PROVIDERS_TWILIO_BASE_URL", simulator.baseUrl());
            env.put("REGUA_NOTIFICATION_PROVIDERS_CALLBACK_BASE_URL", callbacks ? service : "http://127.0.0.1:9");
            if (System.getProperty("bench.batch-size") != null) {
                env.put("REGUA_NOTIFICATION_BATCH_SIZE", System.getProperty("bench.batch-size"));
            }
            if (System.getProperty("bench.poll-interval") != null) {
                env.put("REGUA_NOTIFICATION_POLL_INTERVAL", System.getProperty("bench.poll-interval"));
            }
            Process process = builder.start();
            try {
                awaitReady(process, service, Duration.ofMinutes(5));
                log("notification-service ready at " + service + " (pid " + process.pid() + ")");
                if (!callbacks) {
                    simulator.settings().of(Provider.TWILIO).callbackDelayMillis = 600_000;
                }
                run(count, latency, timeout, infra, simulator, service, java, process, gcLog);
            } finally {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static void run(int count, long latency, Duration timeout, LocalInfra infra, MessagingSimulator simulator, String service,
                            Path java, Process process, Path gcLog) throws Exception {
        String realm = infra.realmUrl();
        String ops = KeycloakTokens.clientCredentials(realm, "regua-ops", "regua-ops-secret");
        put(service + "/internal/clock", ops, "{\"instant\":\"2026-03-11T13:00:00Z\"}"); // a Wednesday, 10:00 in SP
        String admin = KeycloakTokens.clientCredentials(realm, "sorriso-integration", "sorriso-integration-secret");
        put(service + "/api/notifications/providers/SMS", admin, "{\"provider\":\"TWILIO\",\"sender\":\"+15005550006\","
                + "\"accountId\":\"AC00000000000000000000000000000bench\",\"secrets\":{\"authToken\":\"bench-token\"},\"unitCost\":\"0\"}");

        NotificationRequested g = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> publishedAt = new HashMap<>();
        KafkaEvents events = new KafkaEvents(infra.kafkaBootstrapServers());
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
        log(String.format(Locale.ROOT, "published %d commands in %.1f s", count, publishSeconds));

        long deadline = System.nanoTime() + timeout.toNanos();
        long accepted = 0;
        long lastForced = System.nanoTime();
        while (System.nanoTime() < deadline && process.isAlive()) {
            accepted = simulator.requests(Provider.TWILIO).stream().filter(ReceivedRequest::accepted).count();
            if (accepted >= count) {
                break;
            }
            if (System.nanoTime() - lastForced > TimeUnit.SECONDS.toNanos(10)) {
                forceFullGc(java, process);
                lastForced = System.nanoTime();
                log(accepted + " of " + count + " accepted by the provider");
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        forceFullGc(java, process);
        Thread.sleep(500);
        List<ReceivedRequest> requests = simulator.requests(Provider.TWILIO);
        List<Long> receivedAt = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long duplicates = 0;
        for (ReceivedRequest r : requests) {
            String to = toOf(r.body());
            Long at = publishedAt.get(to);
            if (at != null && r.accepted()) {
                receivedAt.add(r.receivedAt().toEpochMilli());
                latencies.add(r.receivedAt().toEpochMilli() - at);
                if (!seen.add(to)) {
                    duplicates++;
                }
            }
        }
        latencies.sort(null);
        receivedAt.sort(null);
        long first = receivedAt.isEmpty() ? 0 : receivedAt.get(0);
        long last = receivedAt.isEmpty() ? 0 : receivedAt.get(receivedAt.size() - 1);
        // steady state: the middle 80 % of the provider requests
        double steady = 0;
        if (receivedAt.size() > 10) {
            int lo = receivedAt.size() / 10;
            int hi = receivedAt.size() - 1 - receivedAt.size() / 10;
            long span = receivedAt.get(hi) - receivedAt.get(lo);
            steady = span > 0 ? (hi - lo) / (span / 1000.0) : 0;
        }
        System.out.println();
        System.out.println("== notification load ==");
        System.out.printf(Locale.ROOT, "java %s, %d CPUs seen by the driver; service -Xmx256m -XX:+UseSerialGC; provider latency %d ms; callbacks %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), latency,
                Boolean.parseBoolean(System.getProperty("bench.callbacks", "true")) ? "on" : "off");
        System.out.printf(Locale.ROOT, "published %d commands in %.1f s%n", count, publishSeconds);
        System.out.printf(Locale.ROOT, "provider accepted %d of %d in %.1f s since the first publish (%s)%n", accepted, count, seconds,
                accepted >= count ? "complete" : "timed out");
        System.out.printf(Locale.ROOT, "throughput: %.0f messages/s overall; %.0f/s first → last provider request; %.0f/s steady (middle 80 %%)%n",
                accepted / seconds, last > first ? receivedAt.size() / ((last - first) / 1000.0) : 0.0, steady);
        if (!latencies.isEmpty()) {
            System.out.printf(Locale.ROOT, "publish → provider request: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies.get(latencies.size() - 1));
        }
        System.out.printf(Locale.ROOT, "duplicates seen by the provider: %d; requests answered with an error: %d%n", duplicates,
                requests.stream().filter(r -> !r.accepted()).count());
        System.out.println("live heap after each forced full GC (MB): " + liveSets(gcLog));
        System.out.println("finished at " + Instant.now());
    }

    private static void forceFullGc(Path java, Process process) throws IOException, InterruptedException {
        new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(process.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static List<Integer> liveSets(Path gcLog) throws IOException {
        List<Integer> live = new ArrayList<>();
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = FULL_GC.matcher(line);
                if (m.find() && (line.contains("Diagnostic Command") || line.contains("System.gc()"))) {
                    live.add(Integer.parseInt(m.group(2)));
                }
            }
        }
        return live;
    }

    private static void awaitReady(Process process, String service, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("notification-service exited with " + process.exitValue());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(service + "/q/health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("notification-service was not ready within " + timeout);
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

    private static Path checkout() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("notification-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the Régua checkout");
        }
        return dir;
    }

    private static void log(String message) {
        System.out.println("[benchmark] " + Instant.now() + " " + message);
    }
}
