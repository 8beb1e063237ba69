package dev.regua.credit.bureau.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regua.credit.bureau.domain.BureauException;
import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.bureau.domain.BureauPort;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Serasa Experian: OAuth2-style login with the client's id and secret (Basic) for a bearer token; the credit report
 * by {@code X-Document-Id}; PEFIN notices, registrations and write-offs, each with an {@code Idempotency-Key}
 * header. Shapes in docs/simulators/bureau.md.
 */
final class SerasaExperianAdapter implements BureauPort {
    private final BureauHttp http;
    private final BureausConfig.Serasa config;
    private volatile String token;
    private volatile Instant tokenExpiry = Instant.EPOCH;

    SerasaExperianAdapter(BureausConfig.Serasa config, java.time.Duration timeout) {
        this.config = config;
        this.http = new BureauHttp("Serasa Experian", timeout);
    }

    @Override
    public BureauName name() {
        return BureauName.SERASA;
    }

    @Override
    public NoticeReceipt sendNotice(DebtToRegister debt, String idempotencyKey) {
        JsonNode r = post("/collection/pefin/v1/notifications", idempotencyKey, debtBody(debt, null));
        return new NoticeReceipt(r.path("notificationId").asText(), instant(r.path("sentAt")), r.path("letter").path("trackingCode").asText(null));
    }

    @Override
    public RegistrationReceipt register(DebtToRegister debt, String noticeProtocol, String idempotencyKey) {
        JsonNode r = post("/collection/pefin/v1/debts", idempotencyKey, debtBody(debt, noticeProtocol));
        return new RegistrationReceipt(r.path("debtId").asText(), instant(r.path("includedAt")));
    }

    @Override
    public RemovalReceipt remove(String registrationProtocol, RemovalReason reason, String idempotencyKey) {
        ObjectNode body = BureauHttp.JSON.createObjectNode().put("reasonCode", reason.name());
        JsonNode r = post("/collection/pefin/v1/debts/" + registrationProtocol + "/write-off", idempotencyKey, body);
        return new RemovalReceipt(r.path("debtId").asText(), instant(r.path("writtenOffAt")));
    }

    @Override
    public CreditReport report(String taxId) {
        HttpRequest request = http.request(config.baseUrl() + "/credit-services/person-information-report/v1/creditreport?reportName=RELATORIO_BASICO_PF_PME")
                .header("Authorization", "Bearer " + token()).header("X-Document-Id", digits(taxId)).GET().build();
        JsonNode report = authenticated(request).path("reports").path(0);
        List<Restriction> restrictions = new ArrayList<>();
        for (JsonNode p : report.path("negativeData").path("pefin").path("pefinResponse")) {
            restrictions.add(new Restriction(p.path("creditorName").asText(), p.path("amount").decimalValue(),
                    LocalDate.parse(p.path("occurrenceDate").asText())));
        }
        BigDecimal total = report.path("negativeData").path("pefin").path("summary").path("balance").decimalValue();
        return new CreditReport(BureauName.SERASA, report.path("score").path("score").asInt(), restrictions, total);
    }

    private ObjectNode debtBody(DebtToRegister debt, String noticeProtocol) {
        ObjectNode body = BureauHttp.JSON.createObjectNode();
        if (noticeProtocol != null) {
            body.put("notificationId", noticeProtocol);
        }
        body.putObject("creditor").put("documentNumber", digits(debt.creditorCnpj())).put("name", debt.creditorName());
        ObjectNode debtor = body.putObject("debtor").put("documentNumber", digits(debt.debtor().taxId())).put("name", debt.debtor().name());
        debtor.putObject("address").put("zipCode", digits(debt.debtor().postalCode())).put("addressLine", debt.debtor().street())
                .put("number", debt.debtor().number()).put("complement", debt.debtor().complement())
                .put("district", debt.debtor().district()).put("city", debt.debtor().city()).put("state", debt.debtor().state());
        body.putObject("debt").put("contractNumber", debt.contract()).put("dueDate", debt.dueDate().toString())
                .put("amount", debt.amount().toPlainString()).put("legalNature", "DP");
        return body;
    }

    private JsonNode post(String path, String idempotencyKey, ObjectNode body) {
        HttpRequest request = http.request(config.baseUrl() + path).header("Authorization", "Bearer " + token())
                .header("Idempotency-Key", idempotencyKey).POST(BureauHttp.body(body)).build();
        return authenticated(request);
    }

    private JsonNode authenticated(HttpRequest request) {
        try {
            return http.send(request, SerasaExperianAdapter::errorCode);
        } catch (BureauException e) {
            if (e.getMessage() != null && e.getMessage().contains(" 401")) {
                tokenExpiry = Instant.EPOCH; // log in again on the retry
            }
            throw e;
        }
    }

    private synchronized String token() {
        if (token == null || Instant.now().isAfter(tokenExpiry)) {
            HttpRequest login = http.request(config.baseUrl() + "/security/iam/v1/client-identities/login")
                    .header("Authorization", BureauHttp.basic(config.clientId(), config.clientSecret()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            JsonNode r = http.send(login, SerasaExperianAdapter::errorCode);
            token = r.path("accessToken").asText();
            long seconds = Long.parseLong(r.path("expiresIn").asText("3600"));
            tokenExpiry = Instant.now().plusSeconds(Math.max(60, seconds - 60));
        }
        return token;
    }

    private static String errorCode(JsonNode body) {
        return body.path("errors").path(0).path("code").asText(null);
    }

    static String digits(String s) {
        return s == null ? null : s.replaceAll("[^0-9A-Za-z]", "");
    }

    static Instant instant(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : Instant.parse(node.asText());
    }
}
