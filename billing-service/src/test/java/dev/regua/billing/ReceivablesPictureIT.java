package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receivables picture beyond the tenant's aging: aging per payer and per contract kind, the payer statement as
 * CSV, and the pt-BR CSV format, each answering only the caller's tenant. Tenant-wide figures are compared before and
 * after this test's own data (other test classes share the database).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class ReceivablesPictureIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");
    private static final String AS_OF = "2026-03-02";
    private static final List<String> BUCKETS = List.of("CURRENT", "DAYS_1_15", "DAYS_16_30", "DAYS_31_60", "DAYS_61_90", "OVER_90");

    @Inject
    PlatformClock clock;

    private BillingFixtures api;

    @BeforeEach
    void setUp() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        api = new BillingFixtures();
    }

    private void post(String path, Map<String, Object> body) {
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201);
    }

    /** Per contract kind, per bucket: the outstanding amount, as the tenant sees it. */
    private Map<String, BigDecimal> byKind(String token) {
        JsonPath json = given().auth().oauth2(token).queryParam("asOf", AS_OF)
                .get("/api/billing/receivables/aging/by-contract-kind").then().statusCode(200).extract().jsonPath();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (int k = 0; k < 3; k++) {
            for (int b = 0; b < BUCKETS.size(); b++) {
                amounts.put(json.getString("kinds[" + k + "].kind") + "/" + json.getString("kinds[" + k + "].buckets[" + b + "].bucket"),
                        new BigDecimal(json.getString("kinds[" + k + "].buckets[" + b + "].outstanding")));
            }
        }
        return amounts;
    }

    /** Every page of the aging by payer, walked with the cursor. */
    private List<Map<String, Object>> agingByPayer(String token, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("asOf", AS_OF).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/billing/receivables/aging/by-payer").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static String utf8(byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static BigDecimal delta(Map<String, BigDecimal> before, Map<String, BigDecimal> after, String key) {
        return after.get(key).subtract(before.get(key));
    }

    @Test
    void agingPerPayerAndPerContractKindPutEachOpenInstallmentInItsBucket() {
        Map<String, BigDecimal> sorrisoBefore = byKind(api.sorriso);
        Map<String, BigDecimal> visaoBefore = byKind(api.visao);
        String amelia = api.payer(api.sorriso, "Amélia Duarte");
        String bruno = api.payer(api.sorriso, "=Bruno \"Bê\" Reis");
        // one-off due Fri 2026-02-20: 10 days late on 2026-03-02
        post("/api/billing/one-off-charges", Map.of("payerId", amelia, "amount", "100.00", "dueDate", "2026-02-20"));
        // plan due 2026-01-05 (56 days), 2026-02-05 (25 days), 2026-03-05 (current)
        post("/api/billing/installment-plans", Map.of("payerId", amelia, "totalAmount", "300.00", "installments", 3,
                "firstDueDate", "2026-01-05"));
        // monthly fee due 2025-11-10 (112 days) and 2025-12-10 (82 days)
        post("/api/billing/monthly-fees", Map.of("payerId", amelia, "monthlyAmount", "200.00", "dueDay", 10,
                "startMonth", "2025-11", "endMonth", "2025-12"));
        post("/api/billing/one-off-charges", Map.of("payerId", bruno, "amount", "50.00", "dueDate", "2026-02-27"));

        Map<String, BigDecimal> sorrisoAfter = byKind(api.sorriso);
        assertAmount("150.00", delta(sorrisoBefore, sorrisoAfter, "ONE_OFF/DAYS_1_15"));
        assertAmount("100.00", delta(sorrisoBefore, sorrisoAfter, "INSTALLMENT_PLAN/CURRENT"));
        assertAmount("100.00", delta(sorrisoBefore, sorrisoAfter, "INSTALLMENT_PLAN/DAYS_16_30"));
        assertAmount("100.00", delta(sorrisoBefore, sorrisoAfter, "INSTALLMENT_PLAN/DAYS_31_60"));
        assertAmount("200.00", delta(sorrisoBefore, sorrisoAfter, "MONTHLY_FEE/DAYS_61_90"));
        assertAmount("200.00", delta(sorrisoBefore, sorrisoAfter, "MONTHLY_FEE/OVER_90"));
        BigDecimal changed = sorrisoAfter.keySet().stream().map(k -> delta(sorrisoBefore, sorrisoAfter, k))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertAmount("850.00", changed); // nothing else moved
        assertEquals(visaoBefore, byKind(api.visao), "another tenant's picture does not see these");

        List<Map<String, Object>> rows = agingByPayer(api.sorriso, 200);
        List<String> ids = rows.stream().map(r -> (String) r.get("payerId")).toList();
        assertTrue(ids.indexOf(amelia) >= 0 && ids.indexOf(amelia) < ids.indexOf(bruno), "registration order");
        assertEquals(ids.size(), ids.stream().distinct().count(), "each payer once");
        Map<String, Object> ameliaRow = rows.get(ids.indexOf(amelia));
        assertEquals(List.of(100.00f, 100.00f, 100.00f, 100.00f, 200.00f, 200.00f),
                ((List<Map<String, Object>>) ameliaRow.get("buckets")).stream().map(b -> b.get("outstanding")).toList());
        assertEquals(BUCKETS, ((List<Map<String, Object>>) ameliaRow.get("buckets")).stream().map(b -> b.get("bucket")).toList());
        assertEquals(800.00f, ameliaRow.get("totalOutstanding"));
        assertEquals(700.00f, ameliaRow.get("totalOverdue"));
        assertEquals(ids, agingByPayer(api.sorriso, 3).stream().map(r -> (String) r.get("payerId")).toList(),
                "a page at a time gives the same list");
        assertFalse(agingByPayer(api.visao, 200).stream().anyMatch(r -> amelia.equals(r.get("payerId"))));

        String cursor = given().auth().oauth2(api.sorriso).queryParam("asOf", AS_OF).queryParam("limit", 1)
                .get("/api/billing/receivables/aging/by-payer").then().extract().path("nextCursor");
        given().auth().oauth2(api.sorriso).queryParam("asOf", "2026-03-03").queryParam("cursor", cursor)
                .get("/api/billing/receivables/aging/by-payer").then().statusCode(400);
        given().auth().oauth2(api.sorriso).queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/billing/receivables/aging/by-payer").then().statusCode(400);
        given().auth().oauth2(api.sorriso).queryParam("limit", 0)
                .get("/api/billing/receivables/aging/by-payer").then().statusCode(400);

        // the CSV exports, in the pt-BR spreadsheet format
        String csv = utf8(given().auth().oauth2(api.sorriso).queryParam("asOf", AS_OF).queryParam("format", "br")
                .get("/api/billing/receivables/aging/by-payer.csv").then().statusCode(200).contentType("text/csv")
                .extract().asByteArray());
        assertTrue(csv.startsWith("\uFEFFas_of;payer_id;name;current;days_1_15;days_16_30;days_31_60;days_61_90;over_90;"
                + "total_outstanding;total_overdue\r\n"), csv.substring(0, Math.min(200, csv.length())));
        assertTrue(csv.contains("\r\n02/03/2026;" + amelia + ";\"Amélia Duarte\";100,00;100,00;100,00;100,00;200,00;200,00;800,00;700,00\r\n"));
        assertTrue(csv.contains("\r\n02/03/2026;" + bruno + ";\"'=Bruno \"\"Bê\"\" Reis\";0,00;50,00;0,00;0,00;0,00;0,00;50,00;50,00\r\n"),
                "quoted, and a formula-like name neutralised");
        String visaoCsv = utf8(given().auth().oauth2(api.visao).queryParam("asOf", AS_OF)
                .get("/api/billing/receivables/aging/by-payer.csv").then().statusCode(200).extract().asByteArray());
        assertFalse(visaoCsv.contains(amelia));
        assertTrue(visaoCsv.startsWith("as_of,payer_id,name,current,"), "the default stays RFC 4180 with a comma");

        String kinds = utf8(given().auth().oauth2(api.sorriso).queryParam("asOf", AS_OF)
                .get("/api/billing/receivables/aging/by-contract-kind.csv").then().statusCode(200).extract().asByteArray());
        List<String> lines = List.of(kinds.split("\r\n"));
        assertEquals("as_of,contract_kind,bucket,installments,outstanding", lines.get(0));
        assertEquals(1 + 3 * BUCKETS.size(), lines.size());
        assertTrue(lines.get(1).startsWith("2026-03-02,ONE_OFF,CURRENT,"));
        String agingBr = utf8(given().auth().oauth2(api.sorriso).queryParam("asOf", AS_OF).queryParam("format", "BR")
                .get("/api/billing/receivables/aging.csv").then().statusCode(200).extract().asByteArray());
        assertTrue(agingBr.startsWith("\uFEFFas_of;bucket;installments;outstanding\r\n02/03/2026;CURRENT;"));
        given().auth().oauth2(api.sorriso).queryParam("format", "xlsx")
                .get("/api/billing/receivables/aging.csv").then().statusCode(404);
    }

    @Test
    void thePayerStatementAsCsvListsInstallmentsWithTheAmountDueAndThenPayments() {
        String payer = api.payer(api.sorriso, "Célia Nunes");
        String first = given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("payerId", payer, "amount", "300.00", "dueDate", "2026-02-20"))
                .post("/api/billing/one-off-charges").then().statusCode(201).extract().path("installments[0].id");
        post("/api/billing/one-off-charges", Map.of("payerId", payer, "amount", "120.50", "dueDate", "2026-03-20"));
        String second = given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/statement")
                .then().extract().path("installments[1].installmentId");
        given().auth().oauth2(api.sorriso).contentType(ContentType.JSON)
                .body(Map.of("amount", "120.50", "method", "PIX", "externalId", "E-celia-1", "installmentIds", List.of(second)))
                .post("/api/billing/payers/" + payer + "/payments").then().statusCode(201);

        // the sweep marks the first overdue; wait for it before reading the status
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(api.sorriso).get("/api/billing/installments/" + first).then().body("status", equalTo("OVERDUE")));
        String csv = utf8(given().auth().oauth2(api.sorriso).queryParam("format", "br")
                .get("/api/billing/payers/" + payer + "/statement.csv").then().statusCode(200).contentType("text/csv")
                .extract().asByteArray());
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals("\uFEFFrecord;as_of;installment_id;contract_id;number;count;due_date;status;nominal;paid;discount;"
                + "due_on_as_of;days_late;payment_id;paid_on;amount;method;external_id;reversed_on", lines.get(0));
        assertEquals(4, lines.size(), csv);
        // 300,00 ten days late on 2026-03-02: 2 % fine 6,00 and 1 % a month for 10 days 1,00
        assertTrue(lines.get(1).startsWith("\"INSTALLMENT\";02/03/2026;"), lines.get(1));
        assertTrue(lines.get(1).endsWith(";1;1;20/02/2026;\"OVERDUE\";300,00;0,00;0,00;307,00;10;;;;;;"), lines.get(1));
        assertTrue(lines.get(2).endsWith(";1;1;20/03/2026;\"PAID\";120,50;120,50;0,00;0,00;0;;;;;;"), lines.get(2));
        assertTrue(lines.get(3).startsWith("\"PAYMENT\";02/03/2026;"), lines.get(3));
        assertTrue(lines.get(3).endsWith(";02/03/2026;120,50;\"PIX\";\"E-celia-1\";"), lines.get(3));

        given().auth().oauth2(api.visao).get("/api/billing/payers/" + payer + "/statement.csv").then().statusCode(404);
        given().auth().oauth2(api.visao).get("/api/billing/payers/" + payer + "/statement").then().statusCode(404);
        given().auth().oauth2(api.sorriso).get("/api/billing/payers/" + payer + "/statement").then().statusCode(200)
                .body("installments[0].dueToday", equalTo(307.00f));
    }
}
