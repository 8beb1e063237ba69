package dev.regua.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventType;
import dev.regua.contract.Topics;
import dev.regua.infra.HttpProbe;
import dev.regua.infra.InfraOptions;
import dev.regua.infra.LocalInfra;
import dev.regua.infra.ManagedProcess;
import dev.regua.infra.Signal;
import dev.regua.testing.KafkaEvents;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The due sweep stopped for real in the middle: the packaged billing service ({@code target/quarkus-app}, built
 * before the ITs) sweeps thousands of installments in small batches as its own OS process; once part of them has
 * moved it is killed with SIGKILL (no shutdown hook, transactions cut off, outbox rows left unpublished), then
 * started again. Every installment's due and overdue transitions must then be on Kafka exactly once each (one
 * CloudEvents id per transition; the relay may resend an id, consumers deduplicate by it) and in order.
 *
 * <p>The installments are inserted straight into billing's schema (the setup is not what is tested), with due dates
 * in 2025: at real time each owes both transitions. No API is called, so no Keycloak is started.
 */
class SweepKilledMidwayIT {
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String TENANT = "kill-midway";
    static final int PAYERS = 600;
    static final int PER_PAYER = 10;
    static final int INSTALLMENTS = PAYERS * PER_PAYER;

    private static LocalInfra infra;
    private static ManagedProcess service;
    private static int launches;
    private static int port;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is built by the package phase before the ITs");
        infra = LocalInfra.start(InfraOptions.builder().name("test-billing-kill").kafka(0).postgres(0, "billing")
                .startupTimeout(Duration.ofMinutes(6)).build());
        Flyway.configure().dataSource(infra.jdbcUrl("billing"), infra.dbUser(), infra.dbPassword())
                .locations("classpath:db/migration", "classpath:db/support").load().migrate();
        seed();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopEverything() {
        if (service != null) {
            service.stop(Duration.ofSeconds(15));
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aSweepKilledMidwayPublishesEveryTransitionExactlyOnceInOrderAfterTheRestart() throws Exception {
        start();
        // part of the installments moved, most still to go: kill it now
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> count("select count(*) from installment where status = 'OVERDUE'") >= 100);
        kill();
        long movedBeforeTheKill = count("select count(*) from installment where status = 'OVERDUE'");
        assertTrue(movedBeforeTheKill < INSTALLMENTS,
                "the kill came in the middle of the sweep (" + movedBeforeTheKill + " of " + INSTALLMENTS + " moved)");
        assertEquals(0, count("select count(*) from installment where status = 'DUE'"),
                "a batch commits whole: no installment is left between its two transitions");

        start();
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("select count(*) from installment where status <> 'OVERDUE'") == 0
                        && count("select count(*) from outbox_event where published_at is null") == 0);
        assertEquals(INSTALLMENTS, count("select count(*) from outbox_event where type = '" + EventType.INSTALLMENT_DUE.type() + "'"));
        assertEquals(INSTALLMENTS, count("select count(*) from outbox_event where type = '" + EventType.INSTALLMENT_OVERDUE.type() + "'"));

        // on Kafka: per installment, one due then one overdue transition (a resent record repeats an id it already had)
        Map<String, List<String>> transitions = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
            transitions.clear();
            ids.clear();
            for (ConsumerRecord<String, String> r : new KafkaEvents(infra.kafkaBootstrapServers())
                    .readAll(Topics.BILLING_EVENTS, Duration.ofSeconds(5))) {
                if (r.key().startsWith(TENANT + "/") && ids.add(KafkaEvents.header(r, "ce_id"))) {
                    transitions.computeIfAbsent(KafkaEvents.header(r, "ce_subject"), k -> new ArrayList<>())
                            .add(KafkaEvents.header(r, "ce_type"));
                }
            }
            return ids.size() >= 2 * INSTALLMENTS;
        });
        assertEquals(2 * INSTALLMENTS, ids.size(), "each transition once");
        assertEquals(INSTALLMENTS, transitions.size());
        List<String> expected = List.of(EventType.INSTALLMENT_DUE.type(), EventType.INSTALLMENT_OVERDUE.type());
        transitions.forEach((subject, types) -> assertEquals(expected, types, subject));
        assertEquals(2, launches);
    }

    // ---- the service as an OS process ----

    static void start() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl("billing"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl("billing"));
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_TENANT_ENABLED", "false"); // no API call is made
        env.put("REGUA_BILLING_SWEEP_INTERVAL", "1s");
        env.put("REGUA_BILLING_SWEEP_BATCH_SIZE", "5"); // many small transactions: a kill lands between two of them
        env.put("REGUA_OUTBOX_POLL_INTERVAL", "0.3s");
        launches++;
        List<String> command = List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-jar", JAR.toAbsolutePath().toString());
        service = ManagedProcess.launch("billing-service", 1, infra.stateDir(), command, env, Path.of("").toAbsolutePath(),
                infra.stateDir().resolve("logs").resolve("billing-service-" + launches + ".log"), Signal.TERM);
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        Awaitility.await("billing-service ready (launch " + launches + ")").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!service.isAlive()) {
                        throw new AssertionError("billing-service exited (" + service.exitDescription() + "): see " + service.log());
                    }
                    return HttpProbe.answers200(ready);
                });
    }

    /** SIGKILL: the process gets no chance to finish a batch or publish its outbox. */
    static void kill() throws Exception {
        ProcessHandle handle = ProcessHandle.of(service.pid()).orElseThrow();
        assertTrue(handle.destroyForcibly());
        handle.onExit().get(60, TimeUnit.SECONDS);
        service.stop(Duration.ofSeconds(1)); // its watchdog and PID file
        service = null;
    }

    static void seed() throws Exception {
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl("billing"), infra.dbUser(), infra.dbPassword());
             Statement s = db.createStatement()) {
            s.execute("insert into tenant (tenant_id, legal_name, cnpj, street, number, city, state, time_zone, vertical, "
                    + "fine_percent, monthly_interest_percent, grace_days, due_lead_days, updated_at) values ('" + TENANT
                    + "', 'Clínica Interrompida', '11.222.333/0001-81', 'Rua das Flores', '100', 'Campinas', 'SP', "
                    + "'America/Sao_Paulo', 'CLINIC', 2.00, 1.000, 0, 3, now())");
            s.execute("insert into payer (id, tenant_id, name, tax_id, state, created_at) select md5('kp' || i)::uuid, '"
                    + TENANT + "', 'Pagador ' || i, lpad(i::text, 11, '0'), 'SP', now() from generate_series(1, " + PAYERS + ") i");
            s.execute("insert into contract (id, tenant_id, payer_id, kind, description, total_amount, currency, "
                    + "installment_count, fine_percent, monthly_interest_percent, grace_days, status, created_at) "
                    + "select md5('kc' || i)::uuid, '" + TENANT + "', md5('kp' || i)::uuid, 'INSTALLMENT_PLAN', 'Tratamento', "
                    + "1000.00, 'BRL', " + PER_PAYER + ", 2.00, 1.000, 0, 'ACTIVE', now() from generate_series(1, " + PAYERS + ") i");
            s.execute("insert into installment (id, tenant_id, contract_id, payer_id, number, count, nominal, currency, "
                    + "original_due_date, due_date, fine_percent, monthly_interest_percent, grace_days, status, paid_amount, updated_at) "
                    + "select md5('ki' || i || '-' || k)::uuid, '" + TENANT + "', md5('kc' || i)::uuid, md5('kp' || i)::uuid, k, "
                    + PER_PAYER + ", 100.00, 'BRL', date '2025-01-06' + (i % 30) + 28 * (k - 1), "
                    + "date '2025-01-06' + (i % 30) + 28 * (k - 1), 2.00, 1.000, 0, 'OPEN', 0, now() "
                    + "from generate_series(1, " + PAYERS + ") i cross join generate_series(1, " + PER_PAYER + ") k");
        }
    }

    static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("billing"), infra.dbUser(), infra.dbPassword());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
