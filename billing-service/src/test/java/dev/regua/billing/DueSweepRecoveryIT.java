package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.billing.receivable.application.DueSweep;
import dev.regua.contract.CloudEventHeaders;
import dev.regua.contract.Topics;
import dev.regua.infra.KeycloakTokens;
import dev.regua.infra.LocalInfra;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The due sweep interrupted in the middle: a database trigger (installed by this test only) makes the
 * transaction of one batch fail after a number of transitions, exactly as a crash of the service between two
 * batches would leave things (the batches before it committed with their outbox rows, the failing one rolled
 * back entirely). The service's own scheduled sweep keeps running all along; the test also runs it by hand.
 * Once the fault is removed, every installment's due and overdue events exist exactly once, on Kafka too, in
 * due-date order per payer; a sweep after months of downtime catches up the rest, due before overdue.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class DueSweepRecoveryIT {
    private static final String DUE = "dev.regua.billing.installment.due.v1";
    private static final String OVERDUE = "dev.regua.billing.installment.overdue.v1";
    private static final int PAYERS_PER_TENANT = 4;
    private static final int INSTALLMENTS_PER_PLAN = 12;
    /** The trigger lets this many of the test's installments change state, then fails every further change. */
    private static final int TRANSITIONS_BEFORE_THE_FAULT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PlatformClock clock;

    @Inject
    DueSweep sweep;

    @Inject
    Vertx vertx;

    @Test
    void aSweepStoppedInTheMiddleAndRunAgainPublishesEveryTransitionExactlyOnceInDueDateOrder() throws Exception {
        LocalInfra infra = LocalInfraTestResource.infra();
        clock.setTo(Instant.parse("2026-01-05T15:00:00Z")); // nothing of this test is due yet
        Map<String, String> tokens = Map.of(
                "clinica-sorriso", KeycloakTokens.clientCredentials(infra.realmUrl(), "sorriso-integration", "sorriso-integration-secret"),
                "otica-visao", KeycloakTokens.clientCredentials(infra.realmUrl(), "visao-integration", "visao-integration-secret"));
        Random random = new Random(20261123);
        Map<String, String> payerKeys = new LinkedHashMap<>(); // payer id -> Kafka key
        Set<String> installments = new java.util.HashSet<>();
        int day = 2;
        for (Map.Entry<String, String> tenant : tokens.entrySet()) {
            String token = tenant.getValue();
            settings(token);
            for (int p = 0; p < PAYERS_PER_TENANT; p++) {
                String payerId = given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("name", "Paciente Varredura " + p, "taxId", cpf(random), "state", "SP"))
                        .post("/api/billing/payers").then().statusCode(201).extract().path("id");
                payerKeys.put(payerId, Topics.payerKey(tenant.getKey(), payerId));
                List<String> ids = given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("payerId", payerId, "totalAmount", "1200.00", "installments", INSTALLMENTS_PER_PLAN,
                                "firstDueDate", LocalDate.of(2026, 2, day++).toString()))
                        .post("/api/billing/installment-plans").then().statusCode(201).extract().path("installments.id");
                installments.addAll(ids);
            }
        }
        int total = installments.size();
        assertEquals(2 * PAYERS_PER_TENANT * INSTALLMENTS_PER_PLAN, total);

        try (Connection db = DriverManager.getConnection(infra.jdbcUrl("billing"), infra.dbUser(), infra.dbPassword())) {
            installFault(db, payerKeys.keySet());
            try {
                // 20 July 2026: February to mid-July installments are overdue, the later ones not yet due
                clock.setTo(Instant.parse("2026-07-20T12:00:00Z"));
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> faultCounter(db) > TRANSITIONS_BEFORE_THE_FAULT);
                // the sweep run by hand stops at the fault too (retried: the scheduled one may hold the rows a moment)
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                    try {
                        sweepNow();
                        return false;
                    } catch (ExecutionException fault) {
                        return causes(fault).contains("fault injected by DueSweepRecoveryIT");
                    }
                });
                long committed = sweepEvents(db, installments);
                assertTrue(committed > 0, "the batches before the fault committed their transitions and events");
                assertTrue(committed <= 2L * TRANSITIONS_BEFORE_THE_FAULT,
                        "the batch that failed wrote nothing: " + committed + " events for at most "
                                + TRANSITIONS_BEFORE_THE_FAULT + " transitions");
                assertEquals(committed, count(db, "select count(*) from installment where id::text = any(?) and status <> 'OPEN'",
                        installments) * 2 - count(db, "select count(*) from installment where id::text = any(?) and status = 'DUE'",
                        installments), "the events committed are exactly those of the states committed");
            } finally {
                removeFault(db);
            }

            // the service's scheduled sweep resumes and catches up
            long pendingAtTheFault = sweepEvents(db, installments);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sweepEvents(db, installments) > pendingAtTheFault
                    && count(db, "select count(*) from installment where id::text = any(?) and status = 'OPEN' and due_date <= '2026-07-20'", installments) == 0);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(2))
                    .until(() -> sweepEvents(db, installments) == expectedEvents(db, installments));
            long afterRecovery = sweepEvents(db, installments);
            sweepNow(); // a third run changes nothing
            assertEquals(afterRecovery, sweepEvents(db, installments), "a sweep run again publishes nothing twice");

            // months of downtime: the rest become due and overdue in one sweep, each transition once
            clock.setTo(Instant.parse("2027-03-01T12:00:00Z"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    count(db, "select count(*) from installment where id::text = any(?) and status = 'OVERDUE'", installments) == total);
            sweepNow();
            assertEquals(2L * total, sweepEvents(db, installments));
            assertEquals(0, count(db, "select count(*) from (select payload->'installment'->>'installmentId', type from outbox_event "
                    + "where payload->'installment'->>'installmentId' = any(?) and type in ('" + DUE + "', '" + OVERDUE + "') "
                    + "group by 1, 2 having count(*) <> 1) twice", installments), "one outbox row per installment and transition");
        }

        // on Kafka: each installment's due then overdue, once each; per payer in due-date order
        KafkaEvents kafka = new KafkaEvents(infra.kafkaBootstrapServers());
        Set<String> keys = Set.copyOf(payerKeys.values());
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, List<JsonNode>> byPayer = new HashMap<>();
            for (ConsumerRecord<String, String> r : kafka.readAll(Topics.BILLING_EVENTS, Duration.ofSeconds(5))) {
                String type = KafkaEvents.header(r, CloudEventHeaders.TYPE);
                if (keys.contains(r.key()) && (DUE.equals(type) || OVERDUE.equals(type))) {
                    JsonNode event = JSON.readTree(r.value());
                    ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("type", type);
                    byPayer.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event);
                }
            }
            Map<String, List<String>> typesByInstallment = new HashMap<>();
            for (List<JsonNode> events : byPayer.values()) {
                assertInDueDateOrder(events, DUE);
                assertInDueDateOrder(events, OVERDUE);
                for (JsonNode e : events) {
                    typesByInstallment.computeIfAbsent(e.path("installment").path("installmentId").asText(), k -> new ArrayList<>())
                            .add(e.path("type").asText());
                }
            }
            assertEquals(installments, typesByInstallment.keySet(), "every installment's transitions reached Kafka");
            Map<String, List<String>> wrong = typesByInstallment.entrySet().stream()
                    .filter(e -> !e.getValue().equals(List.of(DUE, OVERDUE)))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(Map.of(), wrong, "each installment: due, then overdue, each exactly once");
        });
    }

    /** Runs the sweep now, as the scheduler does: on a Vert.x (duplicated) context. */
    private int sweepNow() throws Exception {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> sweep.sweepAll().subscribe().with(result::complete, result::completeExceptionally));
        return result.get(120, TimeUnit.SECONDS);
    }

    private static String causes(Throwable t) {
        StringBuilder messages = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static void assertInDueDateOrder(List<JsonNode> events, String type) {
        List<String> dueDates = events.stream().filter(e -> type.equals(e.path("type").asText()))
                .map(e -> e.path("installment").path("dueDate").asText()).toList();
        assertEquals(dueDates.stream().sorted().toList(), dueDates, type + " events of a payer in due-date order");
    }

    private static void settings(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of(
                        "legalName", "Clínica Varredura Ltda", "cnpj", "11.222.333/0001-81", "timeZone", "America/Sao_Paulo",
                        "vertical", "CLINIC", "finePercent", 2, "monthlyInterestPercent", 1,
                        "address", Map.of("street", "Rua das Flores", "number", "100", "city", "Campinas", "state", "SP")))
                .put("/api/billing/settings").then().statusCode(200);
    }

    /** Due and overdue outbox rows of the given installments. */
    private static long sweepEvents(Connection db, Set<String> installments) throws SQLException {
        return count(db, "select count(*) from outbox_event where payload->'installment'->>'installmentId' = any(?) "
                + "and type in ('" + DUE + "', '" + OVERDUE + "')", installments);
    }

    /** What the installments' states say was published: two events for an overdue one, one for a due one. */
    private static long expectedEvents(Connection db, Set<String> installments) throws SQLException {
        return 2 * count(db, "select count(*) from installment where id::text = any(?) and status = 'OVERDUE'", installments)
                + count(db, "select count(*) from installment where id::text = any(?) and status = 'DUE'", installments);
    }

    private static long count(Connection db, String sql, Set<String> ids) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long faultCounter(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select case when is_called then last_value else 0 end from sweep_fault_transitions")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A change of state of one of these payers' installments fails once the counter passes the limit. */
    private static void installFault(Connection db, Set<String> payerIds) throws SQLException {
        String payers = payerIds.stream().map(id -> "'" + id + "'::uuid").collect(Collectors.joining(", "));
        try (Statement s = db.createStatement()) {
            s.execute("create sequence sweep_fault_transitions");
            s.execute("create function sweep_fault() returns trigger language plpgsql as $$ begin "
                    + "if nextval('sweep_fault_transitions') > " + TRANSITIONS_BEFORE_THE_FAULT + " then "
                    + "raise exception 'fault injected by DueSweepRecoveryIT'; end if; return new; end $$");
            s.execute("create trigger sweep_fault before update on installment for each row "
                    + "when (old.status is distinct from new.status and old.payer_id in (" + payers + ")) "
                    + "execute function sweep_fault()");
        }
    }

    private static void removeFault(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("drop trigger if exists sweep_fault on installment");
            s.execute("drop function if exists sweep_fault()");
            s.execute("drop sequence if exists sweep_fault_transitions");
        }
    }

    /** A valid CPF (check digits computed), random so that runs never collide. */
    private static String cpf(Random random) {
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = random.nextInt(10);
        }
        d[0] = 1 + random.nextInt(9);
        for (int k = 9; k < 11; k++) {
            int sum = 0;
            for (int i = 0; i < k; i++) {
                sum += d[i] * (k + 1 - i);
            }
            int r = (sum * 10) % 11;
            d[k] = r == 10 ? 0 : r;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            sb.append(d[i]);
            if (i == 2 || i == 5) {
                sb.append('.');
            } else if (i == 8) {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
