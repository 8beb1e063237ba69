package dev.regua.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real Kafka, PostgreSQL, Keycloak and SMTP on 127.0.0.1, without containers.
 *
 * <pre>{@code
 * try (LocalInfra infra = LocalInfra.start(InfraOptions.builder()
 *         .kafka(0).postgres(0, "billing").keycloak(0).smtp(0, 0).build())) {
 *     infra.kafkaBootstrapServers(); infra.jdbcUrl("billing"); infra.realmUrl(); infra.mailbox();
 * }
 * }</pre>
 *
 * <p>The requested components start in parallel; {@link #start} returns when all are ready, or stops whatever did
 * start and throws {@link InfraStartException} naming the component with the tail of its log. Every process is
 * recorded in a PID file under the state dir and guarded by a watchdog that stops it if this JVM dies, so
 * {@link #close()}, a JVM exit, a crash, or {@link #stopAll(Path)} from another process all leave nothing running.
 * Processes are only ever stopped by PID.
 */
public final class LocalInfra implements AutoCloseable {

    /** The realm Keycloak imports and that {@link #realmUrl()} points to. */
    public static final String REALM = "regua";

    private static final System.Logger LOG = System.getLogger(LocalInfra.class.getName());
    private static final String PREFIX = "regua.infra.";

    private final Path stateDir;
    private final List<Component> components;          // start order; empty for an attached view
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final String kafkaBootstrapServers;
    private final int postgresPort;
    private final List<String> databases;
    private final String keycloakUrl;
    private final int smtpPort;
    private final String mailApiUrl;

    private LocalInfra(Path stateDir, List<Component> components, Map<String, String> description) {
        this.stateDir = stateDir;
        this.components = List.copyOf(components);
        this.kafkaBootstrapServers = description.get(PREFIX + "kafka.bootstrap-servers");
        this.postgresPort = Integer.parseInt(description.getOrDefault(PREFIX + "postgres.port", "0"));
        String dbs = description.getOrDefault(PREFIX + "postgres.databases", "");
        this.databases = dbs.isBlank() ? List.of() : List.of(dbs.split(","));
        this.keycloakUrl = description.get(PREFIX + "keycloak.url");
        this.smtpPort = Integer.parseInt(description.getOrDefault(PREFIX + "smtp.port", "0"));
        this.mailApiUrl = description.get(PREFIX + "mail.api-url");
        if (this.components.isEmpty()) {
            this.shutdownHook = null;
        } else {
            this.shutdownHook = new Thread(this::close, "local-infra-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /** Starts the requested components in parallel and waits until all of them are ready. */
    public static LocalInfra start(InfraOptions options) {
        Path reguaHome = options.reguaHome();
        Path stateDir = options.stateDir();
        List<Component> components = new ArrayList<>();
        KafkaComponent kafka = options.kafka() ? add(components, new KafkaComponent()) : null;
        PostgresComponent postgres = options.postgres() ? add(components, new PostgresComponent()) : null;
        KeycloakComponent keycloak = options.keycloak() ? add(components, new KeycloakComponent()) : null;
        GreenMailComponent smtp = options.smtp() ? add(components, new GreenMailComponent()) : null;
        if (components.isEmpty()) {
            throw new IllegalArgumentException("Nothing to start: ask for kafka, postgres, keycloak and/or smtp");
        }
        try {
            Files.createDirectories(stateDir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the state dir " + stateDir, e);
        }
        reclaim(stateDir);

        long started = System.nanoTime();
        StartContext context = new StartContext(options, reguaHome, stateDir);
        startAll(components, context);

        Map<String, String> description = new LinkedHashMap<>();
        description.put(PREFIX + "state-dir", stateDir.toString());
        if (kafka != null) {
            description.put(PREFIX + "kafka.bootstrap-servers", kafka.bootstrapServers());
        }
        if (postgres != null) {
            description.put(PREFIX + "postgres.port", Integer.toString(postgres.port()));
            description.put(PREFIX + "postgres.databases", String.join(",", options.databases()));
        }
        if (keycloak != null) {
            description.put(PREFIX + "keycloak.url", keycloak.url());
        }
        if (smtp != null) {
            description.put(PREFIX + "smtp.port", Integer.toString(smtp.smtpPort()));
            description.put(PREFIX + "mail.api-url", smtp.apiUrl());
        }
        LocalInfra infra = new LocalInfra(stateDir, components, description);
        LOG.log(System.Logger.Level.INFO, () -> "Local infrastructure ready in "
                + millis(System.nanoTime() - started) + " (state: " + stateDir + "): " + infra.summary());
        return infra;
    }

    private static <C extends Component> C add(List<Component> components, C component) {
        components.add(component);
        return component;
    }

    private static void startAll(List<Component> components, StartContext context) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(components.size(), runnable -> {
            Thread t = new Thread(runnable, "local-infra-start-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Component> completion = new ExecutorCompletionService<>(pool);
        List<Future<Component>> futures = new ArrayList<>();
        for (Component component : components) {
            futures.add(completion.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    component.start(context);
                } catch (InfraStartException e) {
                    throw e;
                } catch (Exception e) {
                    throw StartContext.failure(component.name(), e.toString(), component.log());
                }
                LOG.log(System.Logger.Level.INFO, () -> component.name() + " ready in " + millis(System.nanoTime() - t0));
                return component;
            }));
        }
        List<Throwable> failures = new ArrayList<>();
        try {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                    context.abort();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.abort();
            failures.add(new InfraStartException("Interrupted while starting the local infrastructure"));
            for (Future<Component> future : futures) {
                try {
                    future.get(); // the components give up promptly once aborted
                } catch (InterruptedException | ExecutionException ignored) {
                    // collected above or irrelevant now
                }
            }
        } finally {
            pool.shutdown();
        }
        if (!failures.isEmpty()) {
            stopInReverse(components);
            Throwable primary = failures.stream()
                    .filter(f -> !String.valueOf(f.getMessage()).contains("start abandoned"))
                    .findFirst().orElse(failures.get(0));
            InfraStartException error = primary instanceof InfraStartException ise
                    ? ise : new InfraStartException(String.valueOf(primary.getMessage()), primary);
            failures.stream().filter(f -> f != primary).forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Stops everything this instance started, in reverse start order, by PID. Idempotent. */
    @Override
    public void close() {
        if (components.isEmpty() || !closed.compareAndSet(false, true)) {
            return;
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // fine
            }
        }
        long t0 = System.nanoTime();
        stopInReverse(components);
        LOG.log(System.Logger.Level.INFO, () -> "Local infrastructure stopped in " + millis(System.nanoTime() - t0));
    }

    private static void stopInReverse(List<Component> components) {
        List<Component> reversed = new ArrayList<>(components);
        Collections.reverse(reversed);
        for (Component component : reversed) {
            try {
                component.stop();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not stop " + component.name(), e);
            }
        }
    }

    /**
     * Stops whatever a run recorded under {@code stateDir} (PID files), from any process: the "stop" command for a
     * launcher that was killed, or cleanup before a new run. PIDs that now belong to other processes are left
     * alone. Returns what it stopped, e.g. {@code ["smtp (PID 4242)"]}.
     */
    public static List<String> stopAll(Path stateDir) {
        List<String> stopped = new ArrayList<>();
        for (PidFile record : PidFile.readAll(stateDir)) {
            boolean wasRunning = ProcessControl.isRunning(record.pid(), record.startMillis());
            boolean gone = ManagedProcess.stopRecorded(record, stateDir, Duration.ofSeconds(30));
            if (wasRunning) {
                stopped.add(record.component() + " (PID " + record.pid() + ")" + (gone ? "" : " - STILL RUNNING"));
            }
        }
        return stopped;
    }

    /**
     * Before a new run in the same state dir: a live owner means the dir is in use (refuse); processes whose owner
     * died are leftovers (stop them); stale records are dropped.
     */
    private static void reclaim(Path stateDir) {
        long self = ProcessHandle.current().pid();
        for (PidFile record : PidFile.readAll(stateDir)) {
            if (!ProcessControl.isRunning(record.pid(), record.startMillis())) {
                ManagedProcess.stopRecorded(record, stateDir, Duration.ofSeconds(5));
                continue;
            }
            boolean ownerAlive = ProcessControl.isRunning(record.ownerPid(), record.ownerStartMillis());
            if (ownerAlive) {
                throw new InfraStartException("The state dir " + stateDir + " is in use: " + record.component()
                        + " (PID " + record.pid() + ") belongs to a running "
                        + (record.ownerPid() == self ? "LocalInfra in this JVM" : "process " + record.ownerPid())
                        + ". Close that one, run LocalInfra.stopAll(" + stateDir + "), or pick another name/stateDir.");
            }
            LOG.log(System.Logger.Level.WARNING, "Stopping " + record.component() + " (PID " + record.pid()
                    + ") left behind by an earlier run in " + stateDir);
            ManagedProcess.stopRecorded(record, stateDir, Duration.ofSeconds(30));
        }
    }

    // ------------------------------------------------------------------------------------------------ endpoints

    /** {@code 127.0.0.1:<port>}. */
    public String kafkaBootstrapServers() {
        return require(kafkaBootstrapServers, "kafka");
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; log in with {@link #dbUser()}/{@link #dbPassword()}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + database(database);
    }

    /** {@code vertx-reactive:postgresql://127.0.0.1:<port>/<database>}, the form quarkus.datasource.reactive.url takes. */
    public String reactiveUrl(String database) {
        return "vertx-reactive:postgresql://127.0.0.1:" + postgresPort() + "/" + database(database);
    }

    public int postgresPort() {
        if (postgresPort == 0) {
            throw notStarted("postgres");
        }
        return postgresPort;
    }

    /** The databases created at start, each owned by {@link #dbUser()}. */
    public List<String> databases() {
        return databases;
    }

    /** Owner of the created databases (a plain login role, not a superuser). */
    public String dbUser() {
        return PostgresComponent.USER;
    }

    public String dbPassword() {
        return PostgresComponent.PASSWORD;
    }

    /** {@code http://127.0.0.1:<port>}; the admin console user is {@link #keycloakAdminUser()}. */
    public String keycloakUrl() {
        return require(keycloakUrl, "keycloak");
    }

    /** {@code http://127.0.0.1:<port>/realms/regua}: the OIDC auth-server-url and the token issuer. */
    public String realmUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String keycloakAdminUser() {
        return KeycloakComponent.ADMIN_USER;
    }

    public String keycloakAdminPassword() {
        return KeycloakComponent.ADMIN_PASSWORD;
    }

    public String smtpHost() {
        require(mailApiUrl, "smtp");
        return "127.0.0.1";
    }

    public int smtpPort() {
        if (smtpPort == 0) {
            throw notStarted("smtp");
        }
        return smtpPort;
    }

    /** {@code http://127.0.0.1:<port>}: GreenMail's REST API (see {@link Mailbox}). */
    public String mailApiUrl() {
        return require(mailApiUrl, "smtp");
    }

    /** Reads what the SMTP server received. */
    public Mailbox mailbox() {
        return new Mailbox(mailApiUrl());
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Where a component's log is: {@code <stateDir>/logs/<component>.log} (kafka, postgres, keycloak, smtp). */
    public Path logFile(String component) {
        return stateDir.resolve("logs").resolve(component + ".log");
    }

    /**
     * The PIDs this instance is responsible for, per component: the process (for Keycloak: kc.sh, whose JVM is its
     * child; for PostgreSQL: the postmaster) and its watchdog. Empty for an {@link #attach attached} view.
     */
    public Map<String, List<Long>> pids() {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        components.forEach(c -> pids.put(c.name(), c.pids()));
        return pids;
    }

    /**
     * The endpoints as flat {@code regua.infra.*} properties, e.g. to hand them to code loaded by another class
     * loader or another process; {@link #attach} turns them back into a (non-owning) LocalInfra.
     */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(PREFIX + "state-dir", stateDir.toString());
        if (kafkaBootstrapServers != null) {
            d.put(PREFIX + "kafka.bootstrap-servers", kafkaBootstrapServers);
        }
        if (postgresPort != 0) {
            d.put(PREFIX + "postgres.port", Integer.toString(postgresPort));
            d.put(PREFIX + "postgres.databases", String.join(",", databases));
        }
        if (keycloakUrl != null) {
            d.put(PREFIX + "keycloak.url", keycloakUrl);
        }
        if (mailApiUrl != null) {
            d.put(PREFIX + "smtp.port", Integer.toString(smtpPort));
            d.put(PREFIX + "mail.api-url", mailApiUrl);
        }
        return d;
    }

    /** A view of infrastructure described by {@link #describe()}; its {@link #close()} stops nothing. */
    public static LocalInfra attach(Map<String, String> description) {
        String dir = description.get(PREFIX + "state-dir");
        if (dir == null) {
            throw new IllegalArgumentException("Not a LocalInfra description (no " + PREFIX + "state-dir)");
        }
        Map<String, String> d = new LinkedHashMap<>();
        description.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                d.put(k, v);
            }
        });
        return new LocalInfra(Path.of(dir), List.of(), d);
    }

    /** One line per component with its endpoint, for logs and the command line. */
    public String summary() {
        List<String> lines = new ArrayList<>();
        if (kafkaBootstrapServers != null) {
            lines.add("kafka " + kafkaBootstrapServers);
        }
        if (postgresPort != 0) {
            lines.add("postgres 127.0.0.1:" + postgresPort + " databases " + databases + " user " + dbUser() + "/"
                    + dbPassword());
        }
        if (keycloakUrl != null) {
            lines.add("keycloak " + keycloakUrl + " realm " + realmUrl() + " admin " + keycloakAdminUser() + "/"
                    + keycloakAdminPassword());
        }
        if (mailApiUrl != null) {
            lines.add("smtp 127.0.0.1:" + smtpPort + " mail API " + mailApiUrl);
        }
        return String.join("; ", lines);
    }

    @Override
    public String toString() {
        return "LocalInfra[" + summary() + "]";
    }

    private String database(String database) {
        if (!databases.contains(database)) {
            throw new IllegalArgumentException("Database '" + database + "' was not created; the databases are "
                    + databases);
        }
        return database;
    }

    private static String require(String value, String component) {
        if (value == null) {
            throw notStarted(component);
        }
        return value;
    }

    private static IllegalStateException notStarted(String component) {
        return new IllegalStateException(component + " was not requested in the InfraOptions of this LocalInfra");
    }

    private static String millis(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
