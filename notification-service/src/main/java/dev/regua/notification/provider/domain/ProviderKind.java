package dev.regua.notification.provider.domain;

import java.util.List;

/**
 * The providers a tenant can configure, the channel each serves, and the secrets each needs. Secrets are
 * encrypted at rest and never returned.
 */
public enum ProviderKind {
    SMTP("EMAIL", List.of()),
    TWILIO("SMS", List.of("authToken")),
    ZENVIA("SMS", List.of("apiToken", "webhookToken")),
    WHATSAPP_CLOUD("WHATSAPP", List.of("accessToken", "appSecret"));

    private final String channel;
    private final List<String> secrets;

    ProviderKind(String channel, List<String> secrets) {
        this.channel = channel;
        this.secrets = secrets;
    }

    public String channel() {
        return channel;
    }

    public List<String> requiredSecrets() {
        return secrets;
    }

    /** SMS and WhatsApp cost money per message; e-mail over the platform's SMTP does not. */
    public boolean paid() {
        return this != SMTP;
    }
}
