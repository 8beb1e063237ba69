package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.RegisteredEvent;
import dev.regua.contract.billing.InstallmentDue;
import dev.regua.contract.billing.InstallmentOverdue;
import dev.regua.infra.LocalInfra;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The due sweep stopped in the middle: a batch fails (a database trigger refuses one row, as a crash would), the
 * batches before it stay committed, and after the failure is gone the sweep resumes; every due and overdue
 * transition is published exactly once, in due-date order. The test profile sweeps in batches of 10.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class SweepResumeIT {
    @Inject
    PlatformClock clock;

    private static void sql(String statement) throws Exception {
        LocalInfra infra = LocalInfraTestResource.infra();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("billing"), infra.dbUser(), infra.dbPassword());
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aSweepStoppedMidwayResumesAndPublishesEveryTransitionExactlyOnce() throws Exception {
        clock.setTo(Instant.parse("2026-03-02T15:00:00Z"));
        BillingFixtures api = new BillingFixtures();
        String payer = api.payer(api.sorriso, "Zélia Antunes");
        // installment 50 of this payer cannot change: its batch (41–50) fails and rolls back, as if the sweep died there
        sql("create or replace function stop_sweep() returns trigger language plpgsql as $$ begin "
                + "if new.payer_id = '" + payer + "' and new.number = 50 and new.status <> old.status then "
                + "raise exception 'sweep stopped for the test'; end if; return new; end $$");
        sql("create trigger stop_sweep before update on installment for each row execute function stop_sweep()");
        try {
            given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                    .body(Map.of("payerId", payer, "totalAmount", "12000.00", "installments", 120, "firstDueDate", "2016-01-11"))
                    .post("/api/billing/installment-plans").then().statusCode(201);
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/installments?limit=200").then()
                            .body("items[39].status", equalTo("OVERDUE")));
            // the failing batch keeps failing: nothing from installment 41 on has moved
            given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/installments?limit=200").then()
                    .body("items[40].status", equalTo("OPEN")).body("items[119].status", equalTo("OPEN"));
        } finally {
            sql("drop trigger stop_sweep on installment");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/installments?limit=200").then()
                        .body("items.status.findAll { it == 'OVERDUE' }.size()", equalTo(120)));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<RegisteredEvent> events = BillingFixtures.eventsFor(payer);
            List<Integer> due = new ArrayList<>();
            List<Integer> overdue = new ArrayList<>();
            for (RegisteredEvent e : events) {
                if (e instanceof InstallmentDue d) {
                    due.add(d.installment().number());
                } else if (e instanceof InstallmentOverdue o) {
                    overdue.add(o.installment().number());
                }
            }
            List<Integer> all = java.util.stream.IntStream.rangeClosed(1, 120).boxed().collect(Collectors.toList());
            assertEquals(all, due, "each installment became due exactly once, in due-date order");
            assertEquals(all, overdue, "each installment became overdue exactly once, in due-date order");
        });
    }
}
