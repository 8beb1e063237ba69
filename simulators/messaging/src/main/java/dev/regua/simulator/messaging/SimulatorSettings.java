package dev.regua.simulator.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulator does besides answering like the real provider: where it posts status callbacks, how slow it
 * is, and how often it fails. Thread-safe; tests change it while the simulator runs (in-process, or through
 * {@code PUT /_simulator/settings}).
 */
public final class SimulatorSettings {

    /** How one provider behaves. */
    public static final class Behaviour {
        /** Added to every answer, in milliseconds. */
        public volatile long latencyMillis;
        /** Share of requests (0..1) answered with a transient failure ({@link #transientStatus}). */
        public volatile double transientFailureRate;
        /** HTTP status of a transient failure: 500, 503 or 429. */
        public volatile int transientStatus = 503;
        /** The next N requests fail transiently whatever the rate: an outage. */
        public final AtomicInteger failNext = new AtomicInteger();
        /** Delay before each status callback, in milliseconds. */
        public volatile long callbackDelayMillis = 200;

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("latencyMillis", latencyMillis);
            m.put("transientFailureRate", transientFailureRate);
            m.put("transientStatus", transientStatus);
            m.put("failNext", failNext.get());
            m.put("callbackDelayMillis", callbackDelayMillis);
            return m;
        }
    }

    private final Map<Provider, Behaviour> behaviours = new ConcurrentHashMap<>();

    /** Numbers the provider refuses as invalid at once (Twilio 21211, Zenvia validation error, Meta #100). */
    public final Set<String> invalidNumbers = ConcurrentHashMap.newKeySet();
    /** Numbers accepted but never delivered: the failure arrives by callback (Twilio 30003, Meta 131026). */
    public final Set<String> undeliverableNumbers = ConcurrentHashMap.newKeySet();
    /** WhatsApp template names that are approved; empty = every name is approved. */
    public final Set<String> approvedWhatsappTemplates = ConcurrentHashMap.newKeySet();

    /** Accepted Zenvia X-API-TOKEN values; empty = any non-blank token. */
    public final Set<String> zenviaTokens = ConcurrentHashMap.newKeySet();
    /** Accepted Twilio Account SID → Auth Token pairs; empty = any SID with any non-blank token. */
    public final Map<String, String> twilioAccounts = new ConcurrentHashMap<>();
    /** Accepted WhatsApp Cloud API bearer tokens; empty = any non-blank token. */
    public final Set<String> whatsappTokens = ConcurrentHashMap.newKeySet();

    /** Where Zenvia's subscription posts MESSAGE_STATUS events (null = none). */
    public volatile String zenviaWebhookUrl;
    /** Headers the Zenvia subscription adds to each webhook call (Zenvia lets the subscriber set them). */
    public final Map<String, String> zenviaWebhookHeaders = new ConcurrentHashMap<>();
    /** Where the Meta app's webhook receives the {@code messages} field (null = none). */
    public volatile String whatsappWebhookUrl;
    /** The Meta app secret that signs webhook payloads (X-Hub-Signature-256). */
    public volatile String whatsappAppSecret = "simulator-app-secret";
    /** The WhatsApp Business Account id shown in webhook entries. */
    public volatile String whatsappBusinessAccountId = "102290129340398";
    /** Whether WhatsApp callbacks go on to {@code read} after {@code delivered}. */
    public volatile boolean whatsappReadReceipts = true;

    public Behaviour of(Provider provider) {
        return behaviours.computeIfAbsent(provider, p -> new Behaviour());
    }

    /** Back to defaults: no failures, no latency, no invalid numbers; callback targets and credentials stay. */
    public void resetBehaviour() {
        behaviours.clear();
        invalidNumbers.clear();
        undeliverableNumbers.clear();
        approvedWhatsappTemplates.clear();
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Provider p : Provider.values()) {
            m.put(p.id(), of(p).describe());
        }
        m.put("invalidNumbers", Set.copyOf(invalidNumbers));
        m.put("undeliverableNumbers", Set.copyOf(undeliverableNumbers));
        m.put("approvedWhatsappTemplates", Set.copyOf(approvedWhatsappTemplates));
        m.put("zenviaWebhookUrl", zenviaWebhookUrl);
        m.put("whatsappWebhookUrl", whatsappWebhookUrl);
        m.put("whatsappReadReceipts", whatsappReadReceipts);
        return m;
    }
}
