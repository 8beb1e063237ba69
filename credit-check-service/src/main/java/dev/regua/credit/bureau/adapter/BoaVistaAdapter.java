package dev.regua.credit.bureau.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.bureau.domain.BureauPort;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Boa Vista (SCPC): an API key header; Acerta consultas, SCPC comunicados, registros and baixas, with an
 * {@code X-Idempotency-Key} header.
 */
final class BoaVistaAdapter implements BureauPort {
    private final BureauHttp http;
    private final BureausConfig.BoaVista config;

    BoaVistaAdapter(BureausConfig.BoaVista config, java.time.Duration timeout) {
        this.config = config;
        this.http = new BureauHttp("Boa Vista", timeout);
    }

    @Override
    public BureauName name() {
        return BureauName.BOA_VISTA;
    }

    @Override
    public NoticeReceipt sendNotice(DebtToRegister debt, String idempotencyKey) {
        JsonNode r = post("/scpc/v1/comunicados", idempotencyKey, debtBody(debt, null));
        return new NoticeReceipt(r.path("idComunicado").asText(), SerasaExperianAdapter.instant(r.path("dataEnvio")),
                r.path("codigoRastreio").asText(null));
    }

    @Override
    public RegistrationReceipt register(DebtToRegister debt, String noticeProtocol, String idempotencyKey) {
        JsonNode r = post("/scpc/v1/registros", idempotencyKey, debtBody(debt, noticeProtocol));
        return new RegistrationReceipt(r.path("idRegistro").asText(), SerasaExperianAdapter.instant(r.path("dataInclusao")));
    }

    @Override
    public RemovalReceipt remove(String registrationProtocol, RemovalReason reason, String idempotencyKey) {
        JsonNode r = post("/scpc/v1/registros/" + registrationProtocol + "/baixa", idempotencyKey,
                BureauHttp.JSON.createObjectNode().put("motivo", switch (reason) {
                    case PAYMENT -> "PAGAMENTO";
                    case RENEGOTIATION -> "RENEGOCIACAO";
                    case CANCELLATION -> "CANCELAMENTO";
                    case DISPUTE -> "CONTESTACAO";
                }));
        return new RemovalReceipt(r.path("idRegistro").asText(), SerasaExperianAdapter.instant(r.path("dataBaixa")));
    }

    @Override
    public CreditReport report(String taxId) {
        String document = SerasaExperianAdapter.digits(taxId);
        JsonNode r = post("/acerta/v1/consultas", null, BureauHttp.JSON.createObjectNode().put("documento", document)
                .put("tipoDocumento", document.length() == 11 ? "CPF" : "CNPJ"));
        List<Restriction> restrictions = new ArrayList<>();
        for (JsonNode d : r.path("debitos").path("ocorrencias")) {
            restrictions.add(new Restriction(d.path("informante").asText(), new BigDecimal(d.path("valor").asText()),
                    LocalDate.parse(d.path("dataOcorrencia").asText())));
        }
        return new CreditReport(BureauName.BOA_VISTA, r.path("score").path("pontuacao").asInt(), restrictions,
                new BigDecimal(r.path("debitos").path("valorTotal").asText("0")));
    }

    private ObjectNode debtBody(DebtToRegister debt, String noticeProtocol) {
        ObjectNode body = BureauHttp.JSON.createObjectNode();
        if (noticeProtocol != null) {
            body.put("idComunicado", noticeProtocol);
        }
        body.putObject("credor").put("cnpj", SerasaExperianAdapter.digits(debt.creditorCnpj())).put("nome", debt.creditorName());
        String document = SerasaExperianAdapter.digits(debt.debtor().taxId());
        ObjectNode devedor = body.putObject("devedor").put("documento", document)
                .put("tipoDocumento", document.length() == 11 ? "CPF" : "CNPJ").put("nome", debt.debtor().name());
        devedor.putObject("endereco").put("cep", SerasaExperianAdapter.digits(debt.debtor().postalCode()))
                .put("logradouro", debt.debtor().street()).put("numero", debt.debtor().number())
                .put("complemento", debt.debtor().complement()).put("bairro", debt.debtor().district())
                .put("cidade", debt.debtor().city()).put("uf", debt.debtor().state());
        body.putObject("debito").put("contrato", debt.contract()).put("dataVencimento", debt.dueDate().toString())
                .put("valor", debt.amount().toPlainString());
        return body;
    }

    private JsonNode post(String path, String idempotencyKey, ObjectNode body) {
        HttpRequest.Builder request = http.request(config.baseUrl() + path).header("x-api-key", config.apiKey());
        if (idempotencyKey != null) {
            request.header("X-Idempotency-Key", idempotencyKey);
        }
        return http.send(request.POST(BureauHttp.body(body)).build(), json -> json.path("erro").path("codigo").asText(null));
    }
}
