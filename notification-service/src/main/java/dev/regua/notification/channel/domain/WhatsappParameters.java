package dev.regua.notification.channel.domain;

import java.util.List;
import java.util.Map;

/**
 * The body parameters of Régua's WhatsApp templates, in the order the approved templates use them:
 * {{1}} payer's first name, {{2}} creditor's name, {{3}} the installment ("parcela 1/3"), {{4}} the amount updated
 * to the day, {{5}} the original due date, {{6}} the supplier's legal name, CNPJ and address (CDC art. 42-A).
 */
public final class WhatsappParameters {
    private WhatsappParameters() {
    }

    public static List<String> of(Map<String, Object> data) {
        return List.of(text(data, "payerName"), text(data, "creditorName"), text(data, "installmentLabel"),
                text(data, "amountDue"), text(data, "originalDueDate"),
                text(data, "creditorLegalName") + ", CNPJ " + text(data, "creditorCnpj") + ", " + text(data, "creditorAddress"));
    }

    private static String text(Map<String, Object> data, String key) {
        Object v = data.get(key);
        return v == null || v.toString().isBlank() ? "-" : v.toString();
    }
}
