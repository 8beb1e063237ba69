package dev.regua.notification;

import dev.regua.simulator.messaging.MessagingSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the messaging-provider simulator and points notification-service's provider base URLs at it, and the
 * simulator's webhooks at the service's callback endpoints. Tests reach the simulator through its inspection API
 * (its base URL is the system property {@code regua.test.simulator-url}).
 */
public class MessagingSimulatorTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String ZENVIA_WEBHOOK_TOKEN = "zenvia-webhook-token-test";
    public static final String WHATSAPP_APP_SECRET = "whatsapp-app-secret-test";
    private MessagingSimulator simulator;

    @Override
    public Map<String, String> start() {
        int appPort = freePort();
        String app = "http://127.0.0.1:" + appPort;
        simulator = new MessagingSimulator();
        simulator.start(0);
        simulator.settings().whatsappWebhookUrl = app + "/api/notifications/callbacks/whatsapp";
        simulator.settings().whatsappAppSecret = WHATSAPP_APP_SECRET;
        simulator.settings().zenviaWebhookUrl = app + "/api/notifications/callbacks/zenvia";
        simulator.settings().zenviaWebhookHeaders.put("X-Regua-Webhook-Token", ZENVIA_WEBHOOK_TOKEN);
        System.setProperty("regua.test.simulator-url", simulator.baseUrl());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.test-port", Integer.toString(appPort));
        config.put("regua.notification.providers.twilio-base-url", simulator.baseUrl());
        config.put("regua.notification.providers.zenvia-base-url", simulator.baseUrl());
        config.put("regua.notification.providers.whatsapp-base-url", simulator.baseUrl() + "/v21.0");
        config.put("regua.notification.providers.callback-base-url", app);
        config.put("regua.test.simulator-url", simulator.baseUrl());
        return config;
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
