package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regua.contract.billing.InstallmentWrittenOff;
import dev.regua.contract.dunning.WriteOffRequested;
import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import dev.regua.testing.KafkaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writing installments off: by staff over the API, and at dunning's request over Kafka, each once. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class WriteOffIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");

    @Inject
    PlatformClock clock;

    private BillingFixtures api;

    @BeforeEach
    void setUp() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        api = new BillingFixtures();
    }

    private List<String> overduePlan(String payer, int count) {
        List<String> ids = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "totalAmount", "300.00", "installments", count, "firstDueDate", "2026-03-10"))
                .post("/api/billing/installment-plans").then().statusCode(201).extract().path("installments.id");
        clock.setTo(Instant.parse("2026-03-11T12:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(0)).then().body("status", equalTo("OVERDUE")));
        return ids;
    }

    @Test
    void staffWriteAnOverdueInstallmentOffWithAReasonAndOnlyOnce() {
        String staff = BillingFixtures.staff();
        String payer = api.payer(api.sorriso, "Ulisses Reis");
        List<String> ids = overduePlan(payer, 2);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("reason", "Paciente faleceu"))
                .post("/api/billing/installments/" + ids.get(1) + "/write-off").then().statusCode(422)
                .body("rule", equalTo("write-off-requires-overdue"));
        given().auth().oauth2(api.visao).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/billing/installments/" + ids.get(0) + "/write-off").then().statusCode(404);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/billing/installments/" + ids.get(0) + "/write-off").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("reason", "Paciente faleceu"))
                .post("/api/billing/installments/" + ids.get(0) + "/write-off").then().statusCode(200)
                .body("status", equalTo("WRITTEN_OFF"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("reason", "de novo"))
                .post("/api/billing/installments/" + ids.get(0) + "/write-off").then().statusCode(422)
                .body("rule", equalTo("write-off-requires-overdue"));
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/statement").then()
                .body("outstandingToday", equalTo(150.00f));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var written = BillingFixtures.only(BillingFixtures.eventsFor(payer), InstallmentWrittenOff.class);
            assertEquals(1, written.size());
            assertEquals("Paciente faleceu", written.get(0).reason());
            assertEquals("WRITTEN_OFF", written.get(0).installment().status());
            assertEquals(java.time.LocalDate.of(2026, 3, 11), written.get(0).writtenOffOn());
        });
    }

    @Test
    void dunningsWriteOffRequestWritesEachListedOverdueInstallmentOffOnceAndOnlyForItsTenant() {
        String payer = api.payer(api.sorriso, "Valéria Torres");
        List<String> ids = overduePlan(payer, 2); // the first is overdue, the second is not due yet
        String marker = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "50.00", "dueDate", "2026-03-03"))
                .post("/api/billing/one-off-charges").then().statusCode(201).extract().path("installments[0].id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + marker).then().body("status", equalTo("OVERDUE")));

        var kafka = new KafkaEvents(LocalInfraTestResource.infra().kafkaBootstrapServers());
        var request = new WriteOffRequested(UUID.randomUUID().toString(), "clinica-sorriso", payer, UUID.randomUUID().toString(),
                "dunning:clinica-sorriso:case-1:write-off", List.of(ids.get(0), ids.get(1), "not-a-uuid"),
                "step write-off: 180 days overdue", Instant.parse("2026-03-11T12:00:00Z"));
        var envelope = KafkaEvents.Envelope.of(request);
        // another tenant naming this tenant's installment changes nothing
        var foreign = new WriteOffRequested(UUID.randomUUID().toString(), "otica-visao", payer, UUID.randomUUID().toString(),
                "dunning:otica-visao:case-9:write-off", List.of(ids.get(0), marker), "x", Instant.parse("2026-03-11T12:00:00Z"));
        // the same message twice, the same request re-issued under a new message id, then a marker request behind them
        var reissued = new WriteOffRequested(UUID.randomUUID().toString(), "clinica-sorriso", payer, UUID.randomUUID().toString(),
                "dunning:clinica-sorriso:case-1:write-off", List.of(ids.get(0)), "again", Instant.parse("2026-03-11T12:00:00Z"));
        var markerRequest = new WriteOffRequested(UUID.randomUUID().toString(), "clinica-sorriso", payer, UUID.randomUUID().toString(),
                "dunning:clinica-sorriso:case-2:write-off", List.of(marker), "marker", Instant.parse("2026-03-11T12:00:00Z"));
        kafka.publish(KafkaEvents.Envelope.of(foreign), envelope, envelope, KafkaEvents.Envelope.of(reissued),
                KafkaEvents.Envelope.of(markerRequest));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + marker).then().body("status", equalTo("WRITTEN_OFF")));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(0)).then().body("status", equalTo("WRITTEN_OFF"));
        given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + ids.get(1)).then().body("status", equalTo("OPEN"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var written = BillingFixtures.only(BillingFixtures.eventsFor(payer), InstallmentWrittenOff.class);
            assertEquals(List.of(ids.get(0), marker), written.stream().map(w -> w.installment().installmentId()).toList());
            assertEquals("step write-off: 180 days overdue", written.get(0).reason());
        });
    }
}
