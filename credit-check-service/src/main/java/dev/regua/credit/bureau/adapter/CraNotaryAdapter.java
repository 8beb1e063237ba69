package dev.regua.credit.bureau.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regua.credit.bureau.domain.BureauException;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.bureau.domain.NotaryPort;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;

/** The notary offices' protest central (CRA): titles (apontamento, daily status, desistência), electronic consent (anuência), cancellation. */
final class CraNotaryAdapter implements NotaryPort {
    private final BureauHttp http;
    private final String baseUrl;
    private final String apiKey;

    CraNotaryAdapter(String baseUrl, String apiKey, Duration timeout) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = new BureauHttp("CRA (notary offices)", timeout);
    }

    @Override
    public TitleReceipt present(BureauPort.DebtToRegister debt, LocalDate presentedOn, String idempotencyKey) {
        ObjectNode body = BureauHttp.JSON.createObjectNode();
        body.putObject("credor").put("cnpj", SerasaExperianAdapter.digits(debt.creditorCnpj())).put("nome", debt.creditorName());
        String document = SerasaExperianAdapter.digits(debt.debtor().taxId());
        ObjectNode devedor = body.putObject("devedor").put("documento", document)
                .put("tipoDocumento", document.length() == 11 ? "CPF" : "CNPJ").put("nome", debt.debtor().name());
        devedor.putObject("endereco").put("cep", SerasaExperianAdapter.digits(debt.debtor().postalCode()))
                .put("logradouro", debt.debtor().street()).put("numero", debt.debtor().number())
                .put("bairro", debt.debtor().district()).put("cidade", debt.debtor().city()).put("uf", debt.debtor().state());
        body.putObject("debito").put("contrato", debt.contract()).put("especie", "DM")
                .put("dataVencimento", debt.dueDate().toString()).put("valor", debt.amount().toPlainString());
        body.put("dataApresentacao", presentedOn.toString());
        return title(post("/v1/titulos", idempotencyKey, body));
    }

    @Override
    public TitleReceipt status(String protocol, LocalDate referenceDate) {
        HttpRequest request = http.request(baseUrl + "/v1/titulos/" + protocol + "?dataReferencia=" + referenceDate)
                .header("x-api-key", apiKey).GET().build();
        return title(http.send(request, json -> json.path("erro").path("codigo").asText(null)));
    }

    @Override
    public TitleReceipt withdraw(String protocol, LocalDate referenceDate, String idempotencyKey) {
        ObjectNode body = BureauHttp.JSON.createObjectNode().put("dataReferencia", referenceDate.toString());
        return title(post("/v1/titulos/" + protocol + "/desistencia", idempotencyKey, body));
    }

    private static TitleReceipt title(JsonNode r) {
        TitleState state = switch (r.path("situacao").asText()) {
            case "APONTADO" -> TitleState.NOTIFIED;
            case "PROTESTADO" -> TitleState.PROTESTED;
            case "RETIRADO" -> TitleState.WITHDRAWN;
            case "ANUENCIA_REGISTRADA" -> TitleState.CONSENT_GIVEN;
            case "CANCELADO" -> TitleState.CANCELLED;
            default -> throw BureauException.unavailable("CRA answered an unknown situação: " + r.path("situacao").asText(), null);
        };
        return new TitleReceipt(r.path("protocolo").asText(), r.path("cartorio").asText(null), state,
                date(r.path("prazoPagamento")), date(r.path("dataProtesto")));
    }

    private static LocalDate date(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : LocalDate.parse(node.asText());
    }

    @Override
    public ConsentReceipt consent(String protestProtocol, String idempotencyKey) {
        JsonNode r = post("/v1/titulos/" + protestProtocol + "/anuencia", idempotencyKey, BureauHttp.JSON.createObjectNode());
        return new ConsentReceipt(r.path("cartaAnuencia").path("numero").asText(),
                SerasaExperianAdapter.instant(r.path("cartaAnuencia").path("emitidaEm")));
    }

    @Override
    public CancellationReceipt cancel(String protestProtocol, String idempotencyKey) {
        JsonNode r = post("/v1/titulos/" + protestProtocol + "/cancelamento", idempotencyKey, BureauHttp.JSON.createObjectNode());
        return new CancellationReceipt(SerasaExperianAdapter.instant(r.path("dataCancelamento")));
    }

    private JsonNode post(String path, String idempotencyKey, ObjectNode body) {
        HttpRequest request = http.request(baseUrl + path).header("x-api-key", apiKey)
                .header("X-Idempotency-Key", idempotencyKey).POST(BureauHttp.body(body)).build();
        return http.send(request, json -> json.path("erro").path("codigo").asText(null));
    }
}
