package dev.regua.notification.provider.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A tenant's provider for one channel, with its secrets decrypted (held in memory only while sending or checking
 * a callback). {@code sender} is the sender identity: the From number (Twilio), the sender id (Zenvia), the
 * phone-number id (WhatsApp Cloud API) or the From address (e-mail). {@code whatsappTemplates} maps Régua's
 * template names to the names approved by Meta; a missing entry uses {@code regua_<name with underscores>}.
 */
public record ProviderSettings(String tenantId, String channel, ProviderKind provider, String sender, String accountId,
                               Map<String, String> secrets, BigDecimal monthlyBudget, BigDecimal unitCost,
                               String whatsappLanguage, Map<String, String> whatsappTemplates) {
    public ProviderSettings {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        whatsappTemplates = whatsappTemplates == null ? Map.of() : Map.copyOf(whatsappTemplates);
        unitCost = unitCost == null ? BigDecimal.ZERO : unitCost;
    }

    public String secret(String name) {
        return secrets.get(name);
    }

    public String whatsappTemplateFor(String template) {
        return whatsappTemplates.getOrDefault(template, "regua_" + template.replace('-', '_'));
    }

    public String language() {
        return whatsappLanguage == null || whatsappLanguage.isBlank() ? "pt_BR" : whatsappLanguage;
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + tenantId + ", " + channel + ", " + provider + ", sender=" + sender + ", secrets=" + secrets.keySet() + "]";
    }
}
