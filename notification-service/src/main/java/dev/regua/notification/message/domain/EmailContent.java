package dev.regua.notification.message.domain;

import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.kernel.money.Money;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a collection e-mail shows, formatted for Brazilian readers (R$ 1.234,56; 10/03/2026). Every message
 * carries the creditor's name, address and CNPJ (CDC art. 42-A). Nothing here names a treatment or procedure.
 */
public final class EmailContent {
    private static final DateTimeFormatter BR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private EmailContent() {
    }

    public static Map<String, Object> data(NotificationRequested command) {
        Map<String, String> v = command.variables();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payerName", firstName(command.recipient().name()));
        data.put("payerFullName", command.recipient().name());
        data.put("installmentNumber", v.getOrDefault("installmentNumber", "1"));
        data.put("installmentCount", v.getOrDefault("installmentCount", "1"));
        String number = v.getOrDefault("installmentNumber", "1");
        String count = v.getOrDefault("installmentCount", "1");
        boolean monthlyFee = "0".equals(count);
        String month = v.get("originalDueDate") == null ? "" : LocalDate.parse(v.get("originalDueDate")).format(DateTimeFormatter.ofPattern("MM/yyyy"));
        // "parcela 1/3" for a plan; "mensalidade de 03/2026" for an open-ended monthly fee
        data.put("installmentLabel", monthlyFee ? "mensalidade de " + month : "parcela " + number + "/" + count);
        data.put("installmentLabelLong", monthlyFee ? "mensalidade de " + month : "parcela " + number + " de " + count);
        data.put("nominalAmount", money(v.get("nominalAmount")));
        data.put("fine", money(v.get("fine")));
        data.put("interest", money(v.get("interest")));
        data.put("amountDue", money(v.get("amountDue")));
        String paid = v.getOrDefault("alreadyPaid", "0.00");
        data.put("alreadyPaid", money(paid));
        data.put("hasPartialPayment", Money.of(paid).isPositive());
        data.put("originalDueDate", date(v.get("originalDueDate")));
        data.put("dueDate", date(v.get("dueDate")));
        data.put("asOf", date(v.get("asOf")));
        data.put("daysLate", v.getOrDefault("daysLate", "0"));
        data.put("creditorName", command.creditor().tradeName() == null || command.creditor().tradeName().isBlank()
                ? command.creditor().legalName() : command.creditor().tradeName());
        data.put("creditorLegalName", command.creditor().legalName());
        data.put("creditorCnpj", command.creditor().cnpj());
        data.put("creditorAddress", command.creditor().address());
        // optional: the payer's page and the Pix copy-and-paste code, when dunning knows them
        data.put("payerPageUrl", v.getOrDefault("payerPageUrl", ""));
        data.put("pixCode", v.getOrDefault("pixCopyPaste", ""));
        // promise reminder, agreement offer and bureau-notice warning
        data.put("promisedDate", date(v.get("promisedDate")));
        data.put("promisedAmount", money(v.get("promisedAmount")));
        data.put("offerDescription", v.getOrDefault("offerDescription", ""));
        data.put("bureauName", v.getOrDefault("bureauName", ""));
        data.put("bureauDeadline", date(v.get("bureauDeadline")));
        return data;
    }

    static String money(String plain) {
        return plain == null ? "" : Money.of(plain).formatPtBr();
    }

    static String date(String iso) {
        return iso == null ? "" : LocalDate.parse(iso).format(BR_DATE);
    }

    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return name.strip().split("\\s+")[0];
    }
}
