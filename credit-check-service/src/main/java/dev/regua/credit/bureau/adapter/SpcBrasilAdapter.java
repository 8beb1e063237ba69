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
 * SPC Brasil: Basic authentication with the operator code and password; consulta, comunicado, inclusão and
 * exclusão with SPC's hyphenated field names; the idempotency key travels in the body as {@code id-integracao}.
 */
final class SpcBrasilAdapter implements BureauPort {
    private final BureauHttp http;
    private final BureausConfig.Spc config;

    SpcBrasilAdapter(BureausConfig.Spc config, java.time.Duration timeout) {
        this.config = config;
        this.http = new BureauHttp("SPC Brasil", timeout);
    }

    @Override
    public BureauName name() {
        return BureauName.SPC;
    }

    @Override
    public NoticeReceipt sendNotice(DebtToRegister debt, String idempotencyKey) {
        JsonNode r = post("/comunicado", debtBody(debt, null, idempotencyKey));
        return new NoticeReceipt(r.path("protocolo").asText(), SerasaExperianAdapter.instant(r.path("data-envio")),
                r.path("codigo-rastreio-carta").asText(null));
    }

    @Override
    public RegistrationReceipt register(DebtToRegister debt, String noticeProtocol, String idempotencyKey) {
        JsonNode r = post("/inclusao", debtBody(debt, noticeProtocol, idempotencyKey));
        return new RegistrationReceipt(r.path("protocolo").asText(), SerasaExperianAdapter.instant(r.path("data-inclusao")));
    }

    @Override
    public RemovalReceipt remove(String registrationProtocol, RemovalReason reason, String idempotencyKey) {
        ObjectNode body = BureauHttp.JSON.createObjectNode().put("id-integracao", idempotencyKey)
                .put("protocolo-inclusao", registrationProtocol);
        body.putObject("motivo-exclusao").put("id", reason.ordinal() + 1).put("descricao", switch (reason) {
            case PAYMENT -> "PAGAMENTO DA DIVIDA";
            case RENEGOTIATION -> "RENEGOCIACAO DA DIVIDA";
            case CANCELLATION -> "CANCELAMENTO DA DIVIDA";
            case DISPUTE -> "CONTESTACAO DO CONSUMIDOR";
        });
        JsonNode r = post("/exclusao", body);
        return new RemovalReceipt(r.path("protocolo").asText(), SerasaExperianAdapter.instant(r.path("data-exclusao")));
    }

    @Override
    public CreditReport report(String taxId) {
        String document = SerasaExperianAdapter.digits(taxId);
        ObjectNode body = BureauHttp.JSON.createObjectNode().put("codigo-produto", "SPC-SCORE-12")
                .put("tipo-consumidor", document.length() == 11 ? "F" : "J").put("documento-consumidor", document);
        JsonNode r = post("/consulta", body);
        List<Restriction> restrictions = new ArrayList<>();
        for (JsonNode d : r.path("spc").path("detalhe-spc")) {
            restrictions.add(new Restriction(d.path("nome-associado").asText(), d.path("valor").decimalValue(),
                    LocalDate.parse(d.path("data-inclusao").asText())));
        }
        BigDecimal total = r.path("spc").path("resumo").path("valor-total").decimalValue();
        return new CreditReport(BureauName.SPC, r.path("pontuacao").path("score").asInt(), restrictions, total);
    }

    private ObjectNode debtBody(DebtToRegister debt, String noticeProtocol, String idempotencyKey) {
        ObjectNode body = BureauHttp.JSON.createObjectNode().put("id-integracao", idempotencyKey);
        if (noticeProtocol != null) {
            body.put("protocolo-comunicado", noticeProtocol);
        }
        String document = SerasaExperianAdapter.digits(debt.debtor().taxId());
        if (document.length() == 11) {
            body.put("tipo-pessoa", "F");
            body.putObject("dados-pessoa-fisica").put("nome", debt.debtor().name()).putObject("cpf").put("numero", document);
        } else {
            body.put("tipo-pessoa", "J");
            body.putObject("dados-pessoa-juridica").put("razao-social", debt.debtor().name()).putObject("cnpj").put("numero", document);
        }
        body.putObject("endereco").put("cep", SerasaExperianAdapter.digits(debt.debtor().postalCode()))
                .put("logradouro", debt.debtor().street()).put("numero", debt.debtor().number())
                .put("complemento", debt.debtor().complement()).put("bairro", debt.debtor().district())
                .put("cidade", debt.debtor().city()).put("uf", debt.debtor().state());
        body.put("cnpj-credor", SerasaExperianAdapter.digits(debt.creditorCnpj()));
        body.put("numero-contrato", debt.contract()).put("data-vencimento", debt.dueDate().toString())
                .put("valor-debito", debt.amount().toPlainString()).put("natureza-inclusao", "DP");
        return body;
    }

    private JsonNode post(String path, ObjectNode body) {
        HttpRequest request = http.request(config.baseUrl() + path)
                .header("Authorization", BureauHttp.basic(config.operator(), config.password()))
                .POST(BureauHttp.body(body)).build();
        return http.send(request, json -> json.path("codigo").asText(null));
    }
}
