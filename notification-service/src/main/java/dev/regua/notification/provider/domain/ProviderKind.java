package dev.regua.notification.provider.domain;

import java.util.List;

/**
 * The providers a tenant can configure, the channel each serves, and the secrets each needs. Secrets are
 * encrypted at rest and never returned.
 */
public enum ProviderKind {
    SMTP("EMAIL", List.of(), List.of()),
    TWILIO("SMS", List.of("authToken"), List.of()),
    ZENVIA("SMS", List.of("apiToken", "webhookToken"), List.of()),
    /** {@code verifyToken}: what the tenant typed in Meta's webhook setup, echoed in its verification request. */
    WHATSAPP_CLOUD("WHATSAPP", List.of("accessToken", "appSecret"), List.of("verifyToken"));

    private final String channel;
    private final List<String> secrets;
    private final List<String> optionalSecrets;

    ProviderKind(String channel, List<String> secrets, List<String> optionalSecrets) {
        this.channel = channel;
        this.secrets = secrets;
        this.optionalSecrets = optionalSecrets;
    }

    /** Secrets the provider may take besides the required ones. */
    public List<String> optionalSecrets() {
        return optionalSecrets;
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
