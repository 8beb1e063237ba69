package dev.regua.credit.bureau.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regua.credit.bureau.domain.BureauPort;
import dev.regua.credit.bureau.domain.NotaryPort;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The notary offices' protest central (CRA): titles, electronic consent (anuência), cancellation. */
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
    public ProtestReceipt protest(BureauPort.DebtToRegister debt, String idempotencyKey) {
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
        JsonNode r = post("/v1/titulos", idempotencyKey, body);
        return new ProtestReceipt(r.path("protocolo").asText(), r.path("cartorio").asText(null),
                SerasaExperianAdapter.instant(r.path("dataProtesto")));
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
