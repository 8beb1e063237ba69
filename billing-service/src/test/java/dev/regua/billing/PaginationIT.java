package dev.regua.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regua.infra.quarkus.LocalInfraTestResource;
import dev.regua.support.clock.PlatformClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every billing list pages with ?limit=&cursor=: no duplicates, no gaps, stable while rows are added. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = LocalInfraTestResource.DATABASE, value = "billing"))
class PaginationIT {
    private static final Instant MONDAY_NOON_SAO_PAULO = Instant.parse("2026-03-02T15:00:00Z");
    private static int nextCpf = 100_000_000;

    @Inject
    PlatformClock clock;

    private String sorriso;
    private String visao;

    @BeforeEach
    void tokensAndSettings() {
        clock.setTo(MONDAY_NOON_SAO_PAULO);
        BillingFixtures fixtures = new BillingFixtures("OTICA");
        sorriso = fixtures.sorriso;
        visao = fixtures.visao;
    }

    /** A valid CPF not used by the other tests (they use fixed ones; these start with 1000). */
    private static synchronized String cpf() {
        int base = nextCpf++;
        int[] d = new int[11];
        String nine = String.format("%09d", base);
        for (int i = 0; i < 9; i++) {
            d[i] = nine.charAt(i) - '0';
        }
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += d[i] * (10 - i);
        }
        d[9] = (s * 10) % 11 % 10;
        s = 0;
        for (int i = 0; i < 10; i++) {
            s += d[i] * (11 - i);
        }
        d[10] = (s * 10) % 11 % 10;
        StringBuilder sb = new StringBuilder();
        for (int x : d) {
            sb.append(x);
        }
        return sb.toString();
    }

    private String payer(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "taxId", cpf(), "state", "SP"))
                .post("/api/billing/payers").then().statusCode(201).extract().path("id");
    }

    private JsonPath plan(String token, String payerId, String total, int count, String first) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("payerId", payerId, "totalAmount", total, "installments", count, "firstDueDate", first))
                .post("/api/billing/installment-plans").then().statusCode(201).extract().jsonPath();
    }

    private JsonPath page(String token, String path, int limit, String cursor) {
        var request = given().auth().oauth2(token).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    /** Walks every page, running {@code between} after the first one; answers the ids in order. */
    private List<String> walk(String token, String path, int limit, String idField, Runnable between) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = page(token, path, limit, cursor);
            List<String> items = page.getList("items." + idField);
            assertTrue(items.size() <= limit, "a page holds at most limit items");
            ids.addAll(items);
            cursor = page.getString("nextCursor");
            if (pages++ == 0 && between != null) {
                between.run();
            }
            assertTrue(pages < 1000, "the walk ends");
        } while (cursor != null);
        return ids;
    }

    @Test
    void payersPageWithoutDuplicatesOrGapsWhilePayersAreAdded() {
        List<String> before = walk(visao, "/api/billing/payers", 200, "id", null);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(payer(visao, "Cliente " + i));
        }
        List<String> added = new ArrayList<>();
        List<String> walked = walk(visao, "/api/billing/payers", 3, "id", () -> {
            added.add(payer(visao, "Chegou depois A"));
            added.add(payer(visao, "Chegou depois B"));
        });
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no payer twice");
        assertTrue(walked.containsAll(before) && walked.containsAll(mine), "no payer that existed is missed");
        assertEquals(mine, walked.subList(before.size(), before.size() + 7), "in registration order");
        assertTrue(walked.containsAll(added), "payers registered meanwhile come after the cursor, in a later page");
        assertEquals(walked, walk(visao, "/api/billing/payers", 200, "id", null));
        // the other tenant's pages never show them
        List<String> other = walk(sorriso, "/api/billing/payers", 200, "id", null);
        assertTrue(other.stream().noneMatch(mine::contains));
    }

    @Test
    void aPayersAndAContractsInstallmentsPageInOrder() {
        String payerId = payer(visao, "Cliente Crediário");
        JsonPath created = plan(visao, payerId, "700.00", 7, "2026-04-10");
        String contract = created.getString("contractId");
        List<String> expected = created.getList("installments.id");

        assertEquals(expected, walk(visao, "/api/billing/contracts/" + contract + "/installments", 3, "id", null));
        JsonPath first = page(visao, "/api/billing/contracts/" + contract + "/installments", 3, null);
        assertEquals(List.of(1, 2, 3), first.getList("items.number"));
        JsonPath last = page(visao, "/api/billing/contracts/" + contract + "/installments", 3,
                page(visao, "/api/billing/contracts/" + contract + "/installments", 3, first.getString("nextCursor")).getString("nextCursor"));
        assertEquals(List.of(7), last.getList("items.number"));
        assertNull(last.getString("nextCursor"));

        List<String> walked = walk(visao, "/api/billing/payers/" + payerId + "/installments", 2, "id",
                () -> plan(visao, payerId, "50.00", 1, "2026-03-20")); // lands before the cursor: shows up in a new walk
        assertEquals(expected, walked);
        List<String> again = walk(visao, "/api/billing/payers/" + payerId + "/installments", 2, "id", null);
        assertEquals(8, again.size());
        assertEquals(expected, again.subList(1, 8));

        // another tenant sees an empty page, not the installments
        given().auth().oauth2(sorriso).get("/api/billing/payers/" + payerId + "/installments").then().statusCode(200)
                .body("items", hasSize(0)).body("nextCursor", nullValue());
        given().auth().oauth2(sorriso).get("/api/billing/contracts/" + contract + "/installments").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void debtorsPageInTheirSortOrderAndTheCsvHasThemAll() {
        for (int i = 0; i < 5; i++) {
            String p = payer(visao, "Devedor " + i);
            plan(visao, p, (100 + i * 10) + ".00", 1, "2026-01-1" + i);
        }
        for (String sort : List.of("AMOUNT", "AGE")) {
            String path = "/api/billing/receivables/debtors?asOf=2026-03-02&sort=" + sort;
            List<String> all = page(visao, path, 500, null).getList("items.payerId");
            List<String> walked = walk(visao, path, 2, "payerId", null);
            assertEquals(all, walked, "paging " + sort + " gives the same list as one page");
            assertEquals(walked.size(), new HashSet<>(walked).size());
        }
        String csv = given().auth().oauth2(visao).queryParam("asOf", "2026-03-02").get("/api/billing/receivables/debtors.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> csvIds = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            csvIds.add(line.substring(0, line.indexOf(',')));
        }
        assertEquals("payer_id", csvIds.get(0));
        assertEquals(page(visao, "/api/billing/receivables/debtors?asOf=2026-03-02", 500, null).getList("items.payerId"),
                csvIds.subList(1, csvIds.size()));
        // a cursor pins its asOf
        String cursor = page(visao, "/api/billing/receivables/debtors?asOf=2026-03-02", 1, null).getString("nextCursor");
        given().auth().oauth2(visao).queryParam("cursor", cursor).queryParam("asOf", "2026-03-03")
                .get("/api/billing/receivables/debtors").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(visao).queryParam("cursor", cursor).queryParam("sort", "AGE")
                .get("/api/billing/receivables/debtors").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aBadCursorOrLimitIsAProblemNamingIt() {
        String payerId = payer(visao, "Cliente Cursor");
        String payersCursor = page(visao, "/api/billing/payers", 1, null).getString("nextCursor");
        Function<String, io.restassured.response.ValidatableResponse> get = url -> given().auth().oauth2(visao).get(url).then();
        for (String url : List.of("/api/billing/payers", "/api/billing/payers/" + payerId + "/installments",
                "/api/billing/contracts/" + payerId + "/installments", "/api/billing/payers/" + payerId + "/versions",
                "/api/billing/receivables/debtors")) {
            get.apply(url + "?cursor=not-a-cursor!").statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"));
            get.apply(url + "?limit=0").statusCode(400).body("errors[0].field", equalTo("limit"));
            get.apply(url + "?limit=100000").statusCode(400).body("errors[0].field", equalTo("limit"));
            get.apply(url + "?limit=abc").statusCode(400).body("errors[0].field", equalTo("limit"));
            if (!url.equals("/api/billing/payers")) {
                get.apply(url + "?cursor=" + payersCursor).statusCode(400).body("errors[0].field", equalTo("cursor"));
            }
        }
        Set<String> none = new HashSet<>(page(visao, "/api/billing/payers", 200, null).getList("items.id"));
        assertTrue(none.contains(payerId));
    }
}
