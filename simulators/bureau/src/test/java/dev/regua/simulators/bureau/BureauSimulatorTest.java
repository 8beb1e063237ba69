package dev.regua.simulators.bureau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.simulators.bureau.Bureau.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BureauSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CPF = "529.982.247-25";
    private final HttpClient http = HttpClient.newHttpClient();
    private BureauSimulator sim;

    @BeforeEach
    void start() {
        sim = BureauSimulator.start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void serasaSendsTheNoticeRegistersOnceByKeyReportsTheRestrictionAndRemovesIt() throws Exception {
        String token = serasaToken();
        JsonNode notice = json(serasa(token, "/collection/pefin/v1/notifications", "n-1", debtBody(null)), 201);
        String noticeId = notice.get("notificationId").asText();
        assertTrue(notice.path("letter").path("trackingCode").asText().startsWith("BR"));

        JsonNode first = json(serasa(token, "/collection/pefin/v1/debts", "r-1", debtBody(noticeId)), 201);
        JsonNode again = json(serasa(token, "/collection/pefin/v1/debts", "r-1", debtBody(noticeId)), 201);
        assertEquals(first.get("debtId"), again.get("debtId"), "the same key answers the first registration again");
        assertEquals(1, sim.registrationsOf(CPF).size());
        assertEquals(409, serasa(token, "/collection/pefin/v1/debts", "r-2", debtBody(noticeId)).statusCode(),
                "another key for the same active contract is a duplicate");
        assertEquals(422, serasa(token, "/collection/pefin/v1/debts", "r-1", debtBody(noticeId).replace("150.00", "151.00")).statusCode(),
                "a reused key with another body is refused");

        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.SERASA)
                        + "/credit-services/person-information-report/v1/creditreport?reportName=RELATORIO_BASICO_PF_PME"))
                .header("Authorization", "Bearer " + token).header("X-Document-Id", "52998224725").GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode summary = json(report, 200).path("reports").get(0).path("negativeData").path("pefin").path("summary");
        assertEquals(1, summary.get("count").asInt());

        String debtId = first.get("debtId").asText();
        json(serasa(token, "/collection/pefin/v1/debts/" + debtId + "/write-off", "x-1", "{\"reasonCode\":\"PAYMENT\"}"), 200);
        assertEquals("REMOVED", sim.registrationsOf(CPF).get(0).state());
    }

    @Test
    void aRegistrationWithoutAPriorNoticeIsRefused() throws Exception {
        HttpResponse<String> r = boaVista("/scpc/v1/registros", "k", bvDebt("BOA-1"));
        assertEquals(422, r.statusCode());
        assertEquals("NOTICE_NOT_FOUND", JSON.readTree(r.body()).path("erro").path("codigo").asText());
    }

    @Test
    void aTimeoutAfterActingDoesNotRegisterTwiceWhenTheClientRetriesWithItsKey() throws Exception {
        sim.hang(Duration.ofSeconds(2));
        String notice = json(boaVista("/scpc/v1/comunicados", "n", bvDebt(null)), 201).get("idComunicado").asText();
        sim.failNext(Bureau.BOA_VISTA, Operation.REGISTER, Fault.TIMEOUT_AFTER, 1);
        HttpClient impatient = HttpClient.newBuilder().build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.BOA_VISTA) + "/scpc/v1/registros"))
                .timeout(Duration.ofMillis(300)).header("x-api-key", BureauSimulator.BOA_VISTA_API_KEY)
                .header("X-Idempotency-Key", "reg-1").POST(HttpRequest.BodyPublishers.ofString(bvDebt(notice))).build();
        assertThrows(HttpTimeoutException.class, () -> impatient.send(request, HttpResponse.BodyHandlers.ofString()));
        json(boaVista("/scpc/v1/registros", "reg-1", bvDebt(notice)), 201);
        assertEquals(1, sim.registrationsOf(CPF).size());
        assertEquals(List.of(-1, 201), sim.received(Bureau.BOA_VISTA, Operation.REGISTER).stream().map(BureauSimulator.ReceivedRequest::status).toList());
    }

    @Test
    void scriptedFailuresAnswerServerErrorsAndDoNothing() throws Exception {
        sim.failNext(Bureau.SPC, Operation.NOTICE, Fault.HTTP_503, 2);
        String body = spcDebt("n-9", null);
        assertEquals(503, spc("/comunicado", body).statusCode());
        assertEquals(503, spc("/comunicado", body).statusCode());
        assertEquals(0, sim.notices().size());
        JsonNode ok = json(spc("/comunicado", body), 201);
        assertEquals("ENVIADO", ok.get("situacao").asText());
        assertEquals(1, sim.notices().size());
    }

    @Test
    void scoresAndRestrictionsComeFromTheConfigurationAndTheAdminEndpointShowsWhatWasReceived() throws Exception {
        sim.subject(CPF, 310, List.of(new BureauSimulator.Restriction("LOJA X", new BigDecimal("80.00"), LocalDate.of(2025, 5, 1), "C-9")));
        JsonNode report = json(spc("/consulta", "{\"codigo-produto\":\"SPC-SCORE\",\"tipo-consumidor\":\"F\",\"documento-consumidor\":\"52998224725\"}"), 200);
        assertEquals(310, report.path("pontuacao").path("score").asInt());
        assertEquals(1, report.path("spc").path("resumo").path("quantidade-total").asInt());

        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.port()
                + "/_admin/requests?bureau=SPC&operation=REPORT")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode list = json(admin, 200);
        assertEquals(1, list.size());
        assertEquals("52998224725", list.get(0).get("taxId").asText());
    }

    @Test
    void aTitleIsProtestedOnlyAfterThreeBusinessDaysAndCancelledOnlyAfterTheCreditorsConsent() throws Exception {
        // presented on Friday 2 October 2026: the debtor may pay until Wednesday the 7th (Monday 5, Tuesday 6, Wednesday 7)
        JsonNode title = json(cra("/v1/titulos", "p-1", withPresentation(bvDebt(null), "2026-10-02")), 201);
        String protocol = title.get("protocolo").asText();
        assertEquals("APONTADO", title.get("situacao").asText());
        assertEquals("2026-10-02", title.get("dataIntimacao").asText());
        assertEquals("2026-10-07", title.get("prazoPagamento").asText());
        assertEquals(422, cra("/v1/titulos/" + protocol + "/anuencia", "a-0", "{}").statusCode(), "nothing to consent to yet");
        assertEquals("APONTADO", json(craStatus(protocol, "2026-10-07"), 200).get("situacao").asText(), "the last day to pay");
        JsonNode protested = json(craStatus(protocol, "2026-10-08"), 200);
        assertEquals("PROTESTADO", protested.get("situacao").asText());
        assertEquals("2026-10-07", protested.get("dataProtesto").asText());
        assertEquals(409, cra("/v1/titulos/" + protocol + "/desistencia", "w-1", "{\"dataReferencia\":\"2026-10-08\"}").statusCode(),
                "too late to withdraw");
        assertEquals(422, cra("/v1/titulos/" + protocol + "/cancelamento", "c-0", "{}").statusCode());
        JsonNode consent = json(cra("/v1/titulos/" + protocol + "/anuencia", "a-1", "{}"), 201);
        assertTrue(consent.path("cartaAnuencia").path("numero").asText().startsWith("ANU-"));
        json(cra("/v1/titulos/" + protocol + "/cancelamento", "c-1", "{}"), 200);
        assertEquals("CANCELLED", sim.protests().get(0).state());
        assertEquals(1, sim.received(Bureau.NOTARY, Operation.PROTEST).size());
    }

    @Test
    void aTitleWithdrawnBeforeItsDeadlineIsNeverProtested() throws Exception {
        String protocol = json(cra("/v1/titulos", "p-2", withPresentation(bvDebt(null), "2026-10-05")), 201).get("protocolo").asText();
        JsonNode withdrawn = json(cra("/v1/titulos/" + protocol + "/desistencia", "w-2", "{\"dataReferencia\":\"2026-10-08\"}"), 200);
        assertEquals("RETIRADO", withdrawn.get("situacao").asText());
        assertEquals("RETIRADO", json(craStatus(protocol, "2026-10-20"), 200).get("situacao").asText());
        assertEquals("WITHDRAWN", sim.protests().get(0).state());
        assertEquals(400, craStatus(protocol, "yesterday").statusCode());
        // the same title may be presented again later
        json(cra("/v1/titulos", "p-3", withPresentation(bvDebt(null), "2026-11-03")), 201);
    }

    private HttpResponse<String> craStatus(String protocol, String reference) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.NOTARY) + "/v1/titulos/" + protocol + "?dataReferencia=" + reference))
                .header("x-api-key", BureauSimulator.NOTARY_API_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String withPresentation(String debt, String date) {
        return debt.substring(0, debt.length() - 1) + ",\"dataApresentacao\":\"" + date + "\"}";
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.SPC) + "/consulta"))
                .header("Authorization", "Basic " + b64("someone:wrong"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
    }

    private String serasaToken() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.SERASA) + "/security/iam/v1/client-identities/login"))
                .header("Authorization", "Basic " + b64(BureauSimulator.SERASA_CLIENT_ID + ":" + BureauSimulator.SERASA_CLIENT_SECRET))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return json(r, 201).get("accessToken").asText();
    }

    private HttpResponse<String> serasa(String token, String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.SERASA) + path))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> boaVista(String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.BOA_VISTA) + path))
                .header("x-api-key", BureauSimulator.BOA_VISTA_API_KEY).header("X-Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> cra(String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.NOTARY) + path))
                .header("x-api-key", BureauSimulator.NOTARY_API_KEY).header("X-Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> spc(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl(Bureau.SPC) + path))
                .header("Authorization", "Basic " + b64(BureauSimulator.SPC_OPERATOR + ":" + BureauSimulator.SPC_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String debtBody(String notificationId) {
        return "{" + (notificationId == null ? "" : "\"notificationId\":\"" + notificationId + "\",")
                + "\"creditor\":{\"documentNumber\":\"11222333000181\"},"
                + "\"debtor\":{\"documentNumber\":\"52998224725\",\"name\":\"Maria Souza\",\"address\":{\"zipCode\":\"13010000\","
                + "\"addressLine\":\"Rua A\",\"number\":\"1\",\"district\":\"Centro\",\"city\":\"Campinas\",\"state\":\"SP\"}},"
                + "\"debt\":{\"contractNumber\":\"C-1\",\"dueDate\":\"2026-03-10\",\"amount\":\"150.00\",\"legalNature\":\"DP\"}}";
    }

    private static String bvDebt(String noticeId) {
        return "{" + (noticeId == null ? "" : "\"idComunicado\":\"" + noticeId + "\",")
                + "\"credor\":{\"cnpj\":\"11222333000181\"},"
                + "\"devedor\":{\"documento\":\"52998224725\",\"tipoDocumento\":\"CPF\",\"nome\":\"Maria Souza\","
                + "\"endereco\":{\"cep\":\"13010000\",\"logradouro\":\"Rua A\",\"numero\":\"1\",\"bairro\":\"Centro\",\"cidade\":\"Campinas\",\"uf\":\"SP\"}},"
                + "\"debito\":{\"contrato\":\"C-1\",\"dataVencimento\":\"2026-03-10\",\"valor\":\"150.00\"}}";
    }

    private static String spcDebt(String key, String noticeProtocol) {
        return "{\"id-integracao\":\"" + key + "\"," + (noticeProtocol == null ? "" : "\"protocolo-comunicado\":\"" + noticeProtocol + "\",")
                + "\"tipo-pessoa\":\"F\",\"dados-pessoa-fisica\":{\"cpf\":{\"numero\":\"52998224725\"},\"nome\":\"Maria Souza\"},"
                + "\"endereco\":{\"cep\":\"13010000\",\"logradouro\":\"Rua A\",\"numero\":\"1\",\"bairro\":\"Centro\",\"cidade\":\"Campinas\",\"uf\":\"SP\"},"
                + "\"numero-contrato\":\"C-1\",\"data-vencimento\":\"2026-03-10\",\"valor-debito\":\"150.00\",\"natureza-inclusao\":\"DP\"}";
    }

    private static JsonNode json(HttpResponse<String> r, int expected) throws Exception {
        assertEquals(expected, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
