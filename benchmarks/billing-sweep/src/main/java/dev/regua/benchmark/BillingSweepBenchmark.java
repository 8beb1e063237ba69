package dev.regua.benchmark;

import dev.regua.infra.InfraOptions;
import dev.regua.infra.LocalInfra;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;

/**
 * The due sweep at volume, measured on the real thing: PostgreSQL and Kafka from local-infra, billing's schema
 * migrated by billing's own Flyway scripts (read from the billing-service and service-support jars), N
 * installments inserted straight into it (one server-side {@code insert … select generate_series}: 4 tenants,
 * N/10 payers with a 10-installment plan each, every due date in 2025 or early 2026, so each installment owes a
 * due and an overdue transition), then the packaged billing-service started as the local run starts it
 * ({@code -Xmx256m -XX:+UseSerialGC}) with GC logging. Its own scheduled sweep (first tick 2 s after start, batch
 * size as configured, default 500) moves everything; the benchmark polls the database until no installment is
 * left to move and reports rows per second, events written, and the heap from the GC log (largest heap before a
 * collection, largest live heap after one). Figures only: nothing here passes or fails on time.
 * <p>
 * Arguments: the sizes to run, comma-separated (default {@code 100000,1000000}); each size runs on an emptied
 * schema with a fresh service process.
 */
public final class BillingSweepBenchmark {
    private static final int TENANTS = 4;
    private static final int INSTALLMENTS_PER_PAYER = 10;
    private static final Duration TIMEOUT = Duration.ofMinutes(40);
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private BillingSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "100000,1000000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        Path checkout = checkout();
        Path jar = checkout.resolve("billing-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw install -DskipTests first");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> report = new ArrayList<>();
        report.add("| installments | sweep (s) | rows swept/s | due+overdue events written | outbox rows published to Kafka when the sweep ended | GCs | largest heap before a GC (MB) | largest heap after a GC (MB) | heap max (MB) | live set every 15 s, full GC forced (MB) |");
        report.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        try (LocalInfra infra = LocalInfra.start(InfraOptions.builder().name("benchmark-billing-sweep")
                .stateDir(checkout.resolve(".regua/run/benchmark-billing-sweep"))
                .kafka(0).postgres(0, "billing").build())) {
            Flyway.configure().dataSource(infra.jdbcUrl("billing"), infra.dbUser(), infra.dbPassword())
                    .locations("classpath:db/migration", "classpath:db/support").load().migrate();
            for (int n : sizes) {
                report.add(run(n, infra, java, jar, infra.stateDir()));
                System.out.println(String.join("\n", report));
            }
        }
        System.out.println();
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, service: -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 (as the local run)");
        System.out.println(String.join("\n", report));
    }

    private static String run(int n, LocalInfra infra, Path java, Path jar, Path stateDir) throws Exception {
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl("billing"), infra.dbUser(), infra.dbPassword())) {
            long seeded = seed(db, n);
            log("seeded " + seeded + " installments");
            Path gcLog = stateDir.resolve("gc-" + n + ".log");
            Files.deleteIfExists(gcLog);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Xlog:gc:file=" + gcLog, "-Dfile.encoding=UTF-8", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(stateDir.resolve("billing-service-" + n + ".log").toFile());
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl("billing"));
            builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl("billing"));
            builder.environment().put("QUARKUS_DATASOURCE_USERNAME", infra.dbUser());
            builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword());
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
            // no API call is made: the service needs no Keycloak for its sweep
            builder.environment().put("QUARKUS_OIDC_TENANT_ENABLED", "false");
            long launched = System.nanoTime();
            Process service = builder.start();
            try {
                long first = 0;
                long left = n;
                int polls = 0;
                long deadline = launched + TIMEOUT.toNanos();
                while (left > 0 && System.nanoTime() < deadline && service.isAlive()) {
                    Thread.sleep(1000);
                    // the seeded installments only go OPEN -> DUE -> OVERDUE; counted on the sweep's partial index, which
                    // shrinks as the sweep goes (a full count of a million rows every second would compete with it)
                    left = count(db, "select count(*) from installment where status in ('OPEN', 'DUE', 'PARTIALLY_PAID')");
                    if (first == 0 && left < n) {
                        first = System.nanoTime();
                    }
                    log(left + " installments left to sweep");
                    if (++polls % 15 == 0) {
                        // a full collection now: its "after" in the GC log is the live set at this point of the sweep
                        new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(service.pid()), "GC.run")
                                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                    }
                }
                long done = System.nanoTime();
                if (left > 0) {
                    throw new IllegalStateException("the sweep did not finish: " + left + " left; service alive: " + service.isAlive());
                }
                long events = count(db, "select count(*) from outbox_event where type in "
                        + "('dev.regua.billing.installment.due.v1', 'dev.regua.billing.installment.overdue.v1')");
                long published = count(db, "select count(*) from outbox_event where published_at is not null");
                double seconds = (done - first) / 1e9;
                Heap heap = heap(gcLog);
                return String.format(Locale.ROOT, "| %,d | %.0f | %,.0f | %,d | %,d | %d | %d | %d | %d | %s |", n, seconds,
                        n / seconds, events, published, heap.collections(), heap.peakBefore(), heap.peakAfter(), heap.capacity(),
                        heap.liveSets().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            } finally {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    /** Empties billing's tables and inserts n installments (n/10 payers and plans over 4 tenants). */
    private static long seed(Connection db, int n) throws SQLException {
        int payers = n / INSTALLMENTS_PER_PAYER;
        try (Statement s = db.createStatement()) {
            s.execute("truncate table tenant, outbox_event cascade");
            s.execute("insert into tenant (tenant_id, legal_name, cnpj, street, number, city, state, time_zone, vertical, "
                    + "fine_percent, monthly_interest_percent, grace_days, due_lead_days, updated_at) "
                    + "select 'bench-' || t, 'Clínica Benchmark ' || t, '11.222.333/0001-81', 'Rua das Flores', '100', "
                    + "'Campinas', 'SP', 'America/Sao_Paulo', 'CLINIC', 2.00, 1.000, 0, 3, now() "
                    + "from generate_series(0, " + (TENANTS - 1) + ") t");
            s.execute("insert into payer (id, tenant_id, name, tax_id, state, created_at) "
                    + "select md5('p' || i)::uuid, 'bench-' || (i % " + TENANTS + "), 'Pagador ' || i, lpad(i::text, 11, '0'), "
                    + "'SP', now() from generate_series(0, " + (payers - 1) + ") i");
            s.execute("insert into contract (id, tenant_id, payer_id, kind, description, total_amount, currency, "
                    + "installment_count, fine_percent, monthly_interest_percent, grace_days, status, created_at) "
                    + "select md5('c' || i)::uuid, 'bench-' || (i % " + TENANTS + "), md5('p' || i)::uuid, 'INSTALLMENT_PLAN', "
                    + "'Tratamento', 1000.00, 'BRL', " + INSTALLMENTS_PER_PAYER + ", 2.00, 1.000, 0, 'ACTIVE', now() "
                    + "from generate_series(0, " + (payers - 1) + ") i");
            s.execute("insert into installment (id, tenant_id, contract_id, payer_id, number, count, nominal, currency, "
                    + "original_due_date, due_date, fine_percent, monthly_interest_percent, grace_days, status, paid_amount, updated_at) "
                    + "select md5('i' || i || '-' || k)::uuid, 'bench-' || (i % " + TENANTS + "), md5('c' || i)::uuid, "
                    + "md5('p' || i)::uuid, k, " + INSTALLMENTS_PER_PAYER + ", 100.00, 'BRL', "
                    + "date '2025-01-06' + (i % 200) + 30 * (k - 1), date '2025-01-06' + (i % 200) + 30 * (k - 1), "
                    + "2.00, 1.000, 0, 'OPEN', 0, now() "
                    + "from generate_series(0, " + (payers - 1) + ") i cross join generate_series(1, " + INSTALLMENTS_PER_PAYER + ") k");
            s.execute("vacuum analyze");
        }
        return count(db, "select count(*) from installment");
    }

    private record Heap(int collections, long peakBefore, long peakAfter, long capacity, List<Long> liveSets) {
    }

    /** From the unified GC log: lines such as {@code Pause Young (Allocation Failure) 69M->9M(247M) 10.1ms}. */
    private static Heap heap(Path gcLog) throws IOException {
        int collections = 0;
        long before = 0;
        long after = 0;
        long capacity = 0;
        List<Long> liveSets = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                collections++;
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                capacity = Math.max(capacity, Long.parseLong(m.group(3)));
                if (line.contains("Diagnostic Command") || line.contains("System.gc()")) {
                    liveSets.add(Long.parseLong(m.group(2)));
                }
            }
        }
        return new Heap(collections, before, after, capacity, liveSets);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path checkout() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("billing-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the Régua checkout");
        }
        return dir;
    }

    private static void log(String message) {
        System.out.println("[benchmark] " + message);
    }
}
