package dev.regua.dunning;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.Topics;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.contract.billing.InstallmentView;
import dev.regua.contract.dunning.BureauActionRequested;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.contract.dunning.StepExecuted;
import dev.regua.infra.HttpProbe;
import dev.regua.infra.InfraOptions;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.LocalInfra;
import dev.regua.infra.ManagedProcess;
import dev.regua.infra.Signal;
import dev.regua.testing.KafkaEvents;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real restart: the packaged dunning service ({@code target/quarkus-app/quarkus-run.jar}, built before the ITs
 * run) runs as its own OS process against real Kafka, PostgreSQL and Keycloak; it is killed (SIGKILL, no shutdown
 * hook) between two steps, the business clock passes three more steps while it is down, and the started-again
 * process runs each missed step exactly once, in order. The Kafka topic and the case timeline are the evidence.
 *
 * <p>Business dates lie in 2031, after the real date: a restarted service reads real time until its clock is set
 * again, and at real time none of these steps is due, so nothing can run at a wrong moment in between.
 */
class DunningRestartIT {
    static final String TENANT = "clinica-sorriso";
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private static LocalInfra infra;
    private static int port;
    private static ManagedProcess service;
    private static int launches;

    @BeforeAll
    static void startInfrastructure() {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is built by the package phase before the ITs");
        // generous: this infrastructure may start while another test's is still running on a busy CI machine
        infra = LocalInfra.start(InfraOptions.builder().name("test-dunning-restart").kafka(0).postgres(0, "dunning").keycloak(0)
                .startupTimeout(Duration.ofMinutes(6)).build());
        port = freePort();
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
    void aServiceKilledBetweenTwoStepsRunsEachMissedStepOnceInOrderWhenStartedAgain() throws Exception {
        String payer = UUID.randomUUID().toString();
        InstallmentView i = DunningScenarioIT.view(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, 1, "200.00",
                LocalDate.of(2031, 3, 11), LocalDate.of(2031, 3, 11), "OVERDUE", "0.00");
        start();
        setClock("2031-03-12T10:00:00Z"); // Wednesday 07:00 in São Paulo, the day after the due date
        kafka().publish(KafkaEvents.Envelope.of(DunningScenarioIT.profile(TENANT, "CLINIC")),
                KafkaEvents.Envelope.of(DunningScenarioIT.payer(TENANT, payer, "Rita Restart", "SP")),
                KafkaEvents.Envelope.of(new InstallmentOverdue(UUID.randomUUID().toString(), TENANT, payer, i, LocalDate.of(2031, 3, 12))));
        String staff = token("sorriso-integration", "sorriso-integration-secret");
        String caseId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> api(staff).queryParam("payerId", payer)
                .get("/api/dunning/cases").then().statusCode(200).extract().jsonPath().getString("[0].id"), id -> id != null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pendingSteps(payer) == 6);

        // the first step: the first notice at 09:30; it is published and the service is idle before the kill
        setClock("2031-03-12T12:30:00Z");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> stepCodes(payer, NotificationRequested.class)
                .equals(List.of("overdue-first")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox_event where published_at is null") == 0);

        // killed between two steps: no shutdown hook, no graceful close of consumers, relay or scheduler
        kill();
        assertEquals(5, pendingSteps(payer), "the steps still to come wait as rows, not as timers in the dead process");

        // started again; while it was down the clock passed the second notice (+7), the call (+10) and the bureau notice (+15)
        start();
        assertEquals(5, pendingSteps(payer), "at real time (before 2031) nothing is due: nothing ran before the clock call");
        setClock("2031-03-27T12:30:00Z"); // Thursday 09:30 in São Paulo, before the restriction (+20)
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> stepCodes(payer, BureauActionRequested.class).equals(List.of("bureau-notice")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
        // several more ticks of the step runner and the relay: nothing may run again
        Awaitility.await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> true);

        assertEquals(List.of("overdue-first", "overdue-second", "collector-call", "bureau-notice"), stepCodes(payer, StepExecuted.class),
                "each missed step ran once, in the order of its day, after the first one");
        assertTrue(events(payer, StepExecuted.class).stream().allMatch(e -> e.outcome().equals("EXECUTED")));
        assertEquals(List.of("overdue-first", "overdue-second"), stepCodes(payer, NotificationRequested.class),
                "the second notice was missed and runs late once (run-when-late); the first is not repeated");
        assertEquals(List.of("bureau-notice"), stepCodes(payer, BureauActionRequested.class));
        assertEquals(1, count("select count(*) from staff_task where case_id = '" + caseId + "'"));
        assertEquals(4, count("select count(*) from scheduled_step where payer_id = '" + payer + "' and status = 'EXECUTED'"));
        assertEquals(2, pendingSteps(payer), "the restriction (+20) and the registration (+35) are still to come");

        List<String> timeline = new ArrayList<>();
        JsonPath t = api(staff).get("/api/dunning/cases/" + caseId + "/timeline").then().statusCode(200).extract().jsonPath();
        List<String> kinds = t.getList("kind", String.class);
        List<String> details = t.getList("detail", String.class);
        for (int n = 0; n < kinds.size(); n++) {
            timeline.add(kinds.get(n) + " " + details.get(n));
        }
        for (String step : List.of("overdue-first (SEND_MESSAGE)", "overdue-second (SEND_MESSAGE)", "collector-call (CREATE_TASK)",
                "bureau-notice (BUREAU_NOTICE)")) {
            assertEquals(1, timeline.stream().filter(l -> l.equals("STEP_EXECUTED " + step)).count(), step + " once in " + timeline);
        }
        assertEquals(1, timeline.stream().filter(l -> l.startsWith("CASE_OPENED")).count(), timeline.toString());
        assertEquals(2, timeline.stream().filter(l -> l.startsWith("MESSAGE_REQUESTED")).count(), timeline.toString());
        assertEquals(2, launches);
    }

    // ---- the service as an OS process ----

    static void start() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infra.realmUrl());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl("dunning"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl("dunning"));
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("REGUA_CLOCK_CONTROLLABLE", "true");
        env.put("REGUA_DUNNING_POLL_INTERVAL", "1s");
        env.put("REGUA_OUTBOX_POLL_INTERVAL", "0.3s");
        launches++;
        List<String> command = List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8", "-jar", JAR.toAbsolutePath().toString());
        service = ManagedProcess.launch("dunning-service", 1, infra.stateDir(), command, env, Path.of("").toAbsolutePath(),
                infra.stateDir().resolve("logs").resolve("dunning-service-" + launches + ".log"), Signal.TERM);
        URI ready = URI.create(baseUrl() + "/q/health/ready");
        Awaitility.await("dunning-service ready (launch " + launches + ")").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!service.isAlive()) {
                        throw new AssertionError("dunning-service exited (" + service.exitDescription() + "): see " + service.log());
                    }
                    return HttpProbe.answers200(ready);
                });
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    static void kill() throws Exception {
        ProcessHandle handle = ProcessHandle.of(service.pid()).orElseThrow();
        assertTrue(handle.destroyForcibly());
        handle.onExit().get(60, TimeUnit.SECONDS);
        service.stop(Duration.ofSeconds(1)); // its watchdog and PID file
        service = null;
    }

    static void setClock(String instant) {
        api(token("regua-ops", "regua-ops-secret")).body(Map.of("instant", instant)).put("/internal/clock").then().statusCode(200);
    }

    static io.restassured.specification.RequestSpecification api(String token) {
        return given().baseUri(baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    static String token(String client, String secret) {
        return KeycloakTokens.clientCredentials(infra.realmUrl(), client, secret);
    }

    static KafkaEvents kafka() {
        return new KafkaEvents(infra.kafkaBootstrapServers());
    }

    /** The payer's events of one type on dunning's topic, in topic order, each CloudEvents id once (a relay resend is not a rerun). */
    static <T extends dev.regua.contract.RegisteredEvent> List<T> events(String payer, Class<T> type) {
        String ceType = EventType.of(type).type();
        Set<String> ids = new LinkedHashSet<>();
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<String, String> rec : kafka().readAll(Topics.DUNNING_EVENTS, Duration.ofSeconds(2))) {
            if (ceType.equals(KafkaEvents.header(rec, "ce_type")) && rec.key().endsWith(payer) && ids.add(KafkaEvents.header(rec, "ce_id"))) {
                out.add(EventCodec.fromJson(rec.value(), type));
            }
        }
        return out;
    }

    static List<String> stepCodes(String payer, Class<? extends dev.regua.contract.RegisteredEvent> type) {
        return events(payer, type).stream().map(e -> switch (e) {
            case NotificationRequested n -> n.stepCode();
            case StepExecuted s -> s.stepCode();
            case BureauActionRequested b -> b.idempotencyKey().substring(b.idempotencyKey().lastIndexOf(':') + 1);
            default -> throw new IllegalArgumentException(e.toString());
        }).toList();
    }

    static long pendingSteps(String payer) throws Exception {
        return count("select count(*) from scheduled_step where payer_id = '" + payer + "' and status = 'PENDING'");
    }

    static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("dunning"), infra.dbUser(), infra.dbPassword());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
