package dev.regua.stack;

import dev.regua.infra.InfraStartException;
import dev.regua.simulator.messaging.MessagingSimulator;
import dev.regua.simulators.bureau.BureauSimulator;

/**
 * The paid outside services of the local run, as local HTTP simulators speaking the providers' wire formats: the
 * messaging providers (Zenvia, Twilio, WhatsApp Cloud API) and the credit bureaus with the notary offices' protest
 * central. They run inside the launcher's JVM; the services reach them through base URLs that are configuration,
 * exactly as they would reach the real providers.
 */
final class Simulators implements AutoCloseable {
    /** AES-256 key for provider credentials at rest in the local run only (Base64 of 32 bytes). */
    static final String DEVELOPMENT_CREDENTIALS_KEY = "ZGV2LW9ubHkta2V5LWRldi1vbmx5LWtleS1kZXYtMDE=";
    /** The Meta app secret the simulator signs WhatsApp callbacks with; the demo tenant's WhatsApp settings use it. */
    static final String WHATSAPP_APP_SECRET = "local-whatsapp-app-secret";
    /** The header token the simulator's Zenvia subscription sends with status callbacks. */
    static final String ZENVIA_WEBHOOK_TOKEN = "local-zenvia-webhook-token";

    private final MessagingSimulator messaging;
    private final BureauSimulator bureau;

    private Simulators(MessagingSimulator messaging, BureauSimulator bureau) {
        this.messaging = messaging;
        this.bureau = bureau;
    }

    static Simulators start(Platform.Ports ports) {
        MessagingSimulator messaging = new MessagingSimulator();
        try {
            messaging.start(ports.messagingSimulator());
        } catch (RuntimeException e) {
            throw new InfraStartException("the messaging simulator could not listen on port " + ports.messagingSimulator()
                    + " (" + e.getMessage() + "); choose another with -Dregua.port.messaging-simulator=<port>");
        }
        String notification = "http://127.0.0.1:" + ports.notification();
        messaging.settings().whatsappWebhookUrl = notification + "/api/notifications/callbacks/whatsapp";
        messaging.settings().whatsappAppSecret = WHATSAPP_APP_SECRET;
        messaging.settings().zenviaWebhookUrl = notification + "/api/notifications/callbacks/zenvia";
        messaging.settings().zenviaWebhookHeaders.put("X-Regua-Webhook-Token", ZENVIA_WEBHOOK_TOKEN);
        try {
            return new Simulators(messaging, BureauSimulator.start(ports.bureauSimulator()));
        } catch (RuntimeException e) {
            messaging.close();
            throw new InfraStartException("the bureau simulator could not listen on port " + ports.bureauSimulator()
                    + " (" + e.getMessage() + "); choose another with -Dregua.port.bureau-simulator=<port>");
        }
    }

    String messagingUrl() {
        return messaging.baseUrl();
    }

    /** The bureau simulator's root; each bureau lives under its own path (/serasa, /spc, /boavista, /cra). */
    String bureauUrl() {
        return "http://127.0.0.1:" + bureau.port();
    }

    @Override
    public void close() {
        messaging.close();
        bureau.close();
    }
}
