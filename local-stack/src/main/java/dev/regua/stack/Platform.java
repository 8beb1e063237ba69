package dev.regua.stack;

import dev.regua.infra.HttpProbe;
import dev.regua.infra.InfraOptions;
import dev.regua.infra.InfraStartException;
import dev.regua.infra.LocalInfra;
import dev.regua.infra.ManagedProcess;
import dev.regua.infra.Signal;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole platform on one machine: real Kafka, PostgreSQL, Keycloak and SMTP (local-infra) plus the five
 * services started from their packaged fast-jars as child processes, each with its own database. Used by the run
 * command and by the end-to-end test. Everything is stopped by PID, and a crash of this JVM stops it too.
 */
public final class Platform implements AutoCloseable {
    /** Ports of everything; 0 picks a free port. */
    public record Ports(int gateway, int billing, int dunning, int notification, int credit, int kafka, int postgres,
                        int keycloak, int smtp, int mailApi, int messagingSimulator, int bureauSimulator) {
        public static Ports defaults() {
            return new Ports(8080, 8081, 8082, 8083, 8084, 9092, 15432, 8180, 2525, 8025, 8090, 8095);
        }

        /**
         * The defaults, each overridable by a system property {@code regua.port.<name>} or an environment variable
         * {@code REGUA_PORT_<NAME>} (names: gateway, billing, dunning, notification, credit, kafka, postgres,
         * keycloak, smtp, mail-api, messaging-simulator, bureau-simulator), e.g. {@code ./mvnw install -Prun -Dregua.port.gateway=9080}.
         */
        public static Ports configured() {
            Ports d = defaults();
            return new Ports(port("gateway", d.gateway()), port("billing", d.billing()), port("dunning", d.dunning()),
                    port("notification", d.notification()), port("credit", d.credit()), port("kafka", d.kafka()),
                    port("postgres", d.postgres()), port("keycloak", d.keycloak()), port("smtp", d.smtp()),
                    port("mail-api", d.mailApi()), port("messaging-simulator", d.messagingSimulator()),
                    port("bureau-simulator", d.bureauSimulator()));
        }

        private static int port(String name, int fallback) {
            String value = System.getProperty("regua.port." + name,
                    System.getenv("REGUA_PORT_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new InfraStartException("regua.port." + name + " must be a port number, not '" + value + "'");
            }
        }

        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), 0, 0, 0, 0, 0, freePort(), freePort());
        }
    }

    /** A service: its module folder, its database, the port it listens on, its stop order. */
    record Service(String name, String module, String database, int port, int order) {
    }

    private final LocalInfra infra;
    private final Simulators simulators;
    private final List<ManagedProcess> processes;
    private final Map<String, String> urls;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Platform(LocalInfra infra, Simulators simulators, List<ManagedProcess> processes, Map<String, String> urls) {
        this.infra = infra;
        this.simulators = simulators;
        this.processes = processes;
        this.urls = urls;
    }

    /**
     * Starts the infrastructure, then the four domain services in parallel, then the gateway, and waits until
     * each answers ready. {@code fastTicks} shortens the polling intervals (sweeps, outbox, schedules) to about a
     * second, for demos and tests.
     */
    public static Platform start(Path checkout, Ports ports, String name, boolean fastTicks) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Service> domain = List.of(
                new Service("billing-service", "billing-service", "billing", ports.billing(), 13),
                new Service("dunning-service", "dunning-service", "dunning", ports.dunning(), 12),
                new Service("notification-service", "notification-service", "notification", ports.notification(), 11),
                new Service("credit-check-service", "credit-check-service", "creditcheck", ports.credit(), 10));
        Service gateway = new Service("gateway", "gateway", null, ports.gateway(), 14);
        for (Service s : concat(domain, gateway)) {
            Path jar = jarOf(checkout, s);
            if (!Files.isRegularFile(jar)) {
                throw new InfraStartException(s.name() + " is not built (" + jar + " is missing): run ./mvnw install -DskipTests first");
            }
        }
        LocalInfra infra = LocalInfra.start(InfraOptions.builder()
                .name(name)
                .kafka(ports.kafka())
                .postgres(ports.postgres(), "billing", "dunning", "notification", "creditcheck")
                .keycloak(ports.keycloak(), checkout.resolve("deploy/keycloak/regua-realm.json"))
                .smtp(ports.smtp(), ports.mailApi())
                .build());
        List<ManagedProcess> started = new ArrayList<>();
        Map<String, String> urls = new LinkedHashMap<>();
        Simulators simulators;
        try {
            simulators = Simulators.start(ports);
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        try {
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (Service s : domain) {
                ManagedProcess p = launch(java, checkout, infra, s, environment(infra, s, fastTicks, ports, simulators));
                started.add(p);
                urls.put(s.name(), "http://127.0.0.1:" + s.port());
                ready.add(CompletableFuture.runAsync(() -> awaitReady(p, urls.get(s.name()), Duration.ofMinutes(4))));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            ManagedProcess g = launch(java, checkout, infra, gateway, environment(infra, gateway, fastTicks, ports, simulators));
            started.add(g);
            urls.put(gateway.name(), "http://127.0.0.1:" + gateway.port());
            awaitReady(g, urls.get(gateway.name()), Duration.ofMinutes(3));
            urls.put("messaging-simulator", simulators.messagingUrl());
            urls.put("bureau-simulator", simulators.bureauUrl());
            return new Platform(infra, simulators, started, urls);
        } catch (RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).stop(Duration.ofSeconds(10));
            }
            simulators.close();
            infra.close();
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static ManagedProcess launch(Path java, Path checkout, LocalInfra infra, Service s, Map<String, String> env) {
        List<String> command = List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-jar", jarOf(checkout, s).toString());
        Path log = infra.stateDir().resolve("logs").resolve(s.name() + ".log");
        return ManagedProcess.launch(s.name(), s.order(), infra.stateDir(), command, env,
                checkout.resolve(s.module()), log, Signal.TERM);
    }

    static Map<String, String> environment(LocalInfra infra, Service s, boolean fastTicks, Ports ports,
                                           Simulators simulators) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infra.realmUrl());
        env.put("REGUA_CLOCK_CONTROLLABLE", "true");
        if (s.database() != null) {
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", infra.dbUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword());
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        }
        if (s.name().equals("notification-service")) {
            env.put("QUARKUS_MAILER_HOST", infra.smtpHost());
            env.put("QUARKUS_MAILER_PORT", Integer.toString(infra.smtpPort()));
            // partner webhooks in the local run: a fixed development key for the secrets, http allowed to localhost
            env.put("REGUA_WEBHOOKS_SECRET_KEY", "3q0dZr6Yc0c0PpkG1p3w0lWm3nNq6O2bHq8eB0b2y7E=");
            env.put("REGUA_WEBHOOKS_ALLOW_HTTP_ON_LOOPBACK", "true");
            // SMS and WhatsApp go to the local provider simulator; its callbacks come back to this service
            env.put("REGUA_NOTIFICATION_CREDENTIALS_KEY", Simulators.DEVELOPMENT_CREDENTIALS_KEY);
            env.put("REGUA_NOTIFICATION_PROVIDERS_TWILIO_BASE_URL", simulators.messagingUrl());
            env.put("REGUA_NOTIFICATION_PROVIDERS_ZENVIA_BASE_URL", simulators.messagingUrl());
            env.put("REGUA_NOTIFICATION_PROVIDERS_WHATSAPP_BASE_URL", simulators.messagingUrl() + "/v21.0");
            env.put("REGUA_NOTIFICATION_PROVIDERS_CALLBACK_BASE_URL", "http://127.0.0.1:" + s.port());
        }
        if (s.name().equals("credit-check-service")) {
            // the bureaus and the notary offices' protest central: the local bureau simulator
            env.put("REGUA_CREDIT_BUREAUS_SERASA_BASE_URL", simulators.bureauUrl() + "/serasa");
            env.put("REGUA_CREDIT_BUREAUS_SPC_BASE_URL", simulators.bureauUrl() + "/spc");
            env.put("REGUA_CREDIT_BUREAUS_BOA_VISTA_BASE_URL", simulators.bureauUrl() + "/boavista");
            env.put("REGUA_CREDIT_BUREAUS_NOTARY_BASE_URL", simulators.bureauUrl() + "/cra");
        }
        if (s.name().equals("gateway")) {
            env.put("REGUA_GATEWAY_ROUTES_BILLING_URL", "http://127.0.0.1:" + ports.billing());
            env.put("REGUA_GATEWAY_ROUTES_DUNNING_URL", "http://127.0.0.1:" + ports.dunning());
            env.put("REGUA_GATEWAY_ROUTES_NOTIFICATIONS_URL", "http://127.0.0.1:" + ports.notification());
            env.put("REGUA_GATEWAY_ROUTES_CREDIT_URL", "http://127.0.0.1:" + ports.credit());
        }
        if (fastTicks) {
            env.put("REGUA_BILLING_SWEEP_INTERVAL", "1s");
            env.put("REGUA_BILLING_MONTHLY_FEE_INTERVAL", "5s");
            env.put("REGUA_DUNNING_POLL_INTERVAL", "1s");
            env.put("REGUA_NOTIFICATION_POLL_INTERVAL", "1s");
            env.put("REGUA_OUTBOX_POLL_INTERVAL", "0.3s");
        }
        return env;
    }

    private static void awaitReady(ManagedProcess process, String baseUrl, Duration timeout) {
        URI ready = URI.create(baseUrl + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new InfraStartException(process.component() + " exited (" + process.exitDescription()
                        + "). Last lines of " + process.log() + ":\n" + tail(process.log()));
            }
            if (HttpProbe.answers200(ready)) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InfraStartException("interrupted while waiting for " + process.component());
            }
            sleep(500);
        }
        throw new InfraStartException(process.component() + " was not ready within " + timeout.toSeconds()
                + " s. Last lines of " + process.log() + ":\n" + tail(process.log()));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path jarOf(Path checkout, Service s) {
        return checkout.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static List<Service> concat(List<Service> list, Service one) {
        List<Service> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfraStartException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public LocalInfra infra() {
        return infra;
    }

    public String gatewayUrl() {
        return urls.get("gateway");
    }

    public Map<String, String> serviceUrls() {
        return Map.copyOf(urls);
    }

    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach(p -> pids.put(p.component(), p.pid()));
        return pids;
    }

    public boolean anyServiceAlive() {
        return processes.stream().anyMatch(ManagedProcess::isAlive);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(Duration.ofSeconds(15));
        }
        simulators.close();
        infra.close();
    }
}
