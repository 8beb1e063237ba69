package dev.regua.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@link LocalInfra#start(InfraOptions)} should start. A port of 0 means "pick a free one". Components not
 * asked for are not started.
 *
 * <pre>{@code
 * InfraOptions.builder()
 *     .kafka(0)
 *     .postgres(0, "billing", "dunning")
 *     .keycloak(0)                 // realm: <checkout>/deploy/keycloak/regua-realm.json
 *     .smtp(0, 0)                  // SMTP port, GreenMail REST API port
 *     .name("launcher")            // state under <regua.home>/run/launcher
 *     .build();
 * }</pre>
 */
public final class InfraOptions {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern RUN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Integer kafkaPort;
    private final Integer postgresPort;
    private final List<String> databases;
    private final Integer keycloakPort;
    private final Path realmJson;
    private final Integer smtpPort;
    private final Integer mailApiPort;
    private final String name;
    private final Path stateDir;
    private final Path reguaHome;
    private final Path javaHome;
    private final Duration startupTimeout;

    private InfraOptions(Builder b) {
        this.kafkaPort = b.kafkaPort;
        this.postgresPort = b.postgresPort;
        this.databases = List.copyOf(b.databases);
        this.keycloakPort = b.keycloakPort;
        this.realmJson = b.realmJson;
        this.smtpPort = b.smtpPort;
        this.mailApiPort = b.mailApiPort;
        this.name = b.name;
        this.stateDir = b.stateDir;
        this.reguaHome = b.reguaHome;
        this.javaHome = b.javaHome;
        this.startupTimeout = b.startupTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean kafka() {
        return kafkaPort != null;
    }

    public int kafkaPort() {
        return kafkaPort == null ? 0 : kafkaPort;
    }

    public boolean postgres() {
        return postgresPort != null;
    }

    public int postgresPort() {
        return postgresPort == null ? 0 : postgresPort;
    }

    public List<String> databases() {
        return databases;
    }

    public boolean keycloak() {
        return keycloakPort != null;
    }

    public int keycloakPort() {
        return keycloakPort == null ? 0 : keycloakPort;
    }

    /** The realm file to import, when one was given; otherwise the checkout's deploy/keycloak/regua-realm.json. */
    public Optional<Path> realmJson() {
        return Optional.ofNullable(realmJson);
    }

    public boolean smtp() {
        return smtpPort != null;
    }

    public int smtpPort() {
        return smtpPort == null ? 0 : smtpPort;
    }

    public int mailApiPort() {
        return mailApiPort == null ? 0 : mailApiPort;
    }

    public String name() {
        return name;
    }

    public Path reguaHome() {
        return reguaHome != null ? reguaHome : ReguaHome.resolve();
    }

    /** Where PID files, logs and data of this run live: the given folder, else {@code <regua.home>/run/<name>}. */
    public Path stateDir() {
        return (stateDir != null ? stateDir : reguaHome().resolve("run").resolve(name)).toAbsolutePath().normalize();
    }

    /** The JDK that runs the child JVMs (Kafka, Keycloak, GreenMail); defaults to the one running this code. */
    public Path javaHome() {
        return javaHome != null ? javaHome : Path.of(System.getProperty("java.home"));
    }

    /** How long all requested components together may take to become ready. */
    public Duration startupTimeout() {
        return startupTimeout;
    }

    public static final class Builder {
        private Integer kafkaPort;
        private Integer postgresPort;
        private final List<String> databases = new ArrayList<>();
        private Integer keycloakPort;
        private Path realmJson;
        private Integer smtpPort;
        private Integer mailApiPort;
        private String name = "default";
        private Path stateDir;
        private Path reguaHome;
        private Path javaHome;
        private Duration startupTimeout = Duration.ofMinutes(3);

        private Builder() {
        }

        /** A single-node Kafka (KRaft, broker+controller) with its PLAINTEXT listener on this port. */
        public Builder kafka(int port) {
            this.kafkaPort = port(port);
            return this;
        }

        /** PostgreSQL on this port, with these databases owned by the user {@link LocalInfra#dbUser()}. */
        public Builder postgres(int port, String... databases) {
            this.postgresPort = port(port);
            for (String database : databases) {
                if (!DATABASE_NAME.matcher(database).matches()) {
                    throw new IllegalArgumentException("Not a plain lower-case database name: '" + database + "'");
                }
                if (!this.databases.contains(database)) {
                    this.databases.add(database);
                }
            }
            return this;
        }

        /** Keycloak with the checkout's {@code deploy/keycloak/regua-realm.json}. */
        public Builder keycloak(int port) {
            this.keycloakPort = port(port);
            return this;
        }

        /** Keycloak importing this realm file (which must define the realm {@value LocalInfra#REALM}). */
        public Builder keycloak(int port, Path realmJson) {
            this.keycloakPort = port(port);
            this.realmJson = Objects.requireNonNull(realmJson, "realmJson");
            return this;
        }

        /** GreenMail: an SMTP server on {@code smtpPort} and its REST API (read mailboxes) on {@code apiPort}. */
        public Builder smtp(int smtpPort, int apiPort) {
            this.smtpPort = port(smtpPort);
            this.mailApiPort = port(apiPort);
            return this;
        }

        /** Names the run: its state goes to {@code <regua.home>/run/<name>} unless {@link #stateDir} is given. */
        public Builder name(String name) {
            if (!RUN_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Run names are letters, digits, '.', '_' and '-': '" + name + "'");
            }
            this.name = name;
            return this;
        }

        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        public Builder reguaHome(Path reguaHome) {
            this.reguaHome = reguaHome;
            return this;
        }

        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        public InfraOptions build() {
            return new InfraOptions(this);
        }

        private static int port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port + " (0 = pick a free one)");
            }
            return port;
        }
    }
}
