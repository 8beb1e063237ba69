package dev.regua.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local messaging-provider simulator. It answers the send requests of Zenvia's SMS API
 * ({@code POST /v2/channels/sms/messages}), Twilio's Messages API
 * ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}) and the WhatsApp Business Cloud API
 * ({@code POST /{version}/{phone-number-id}/messages}) in their own formats, with their authentication and error
 * bodies, and later posts their status callbacks. {@link SimulatorSettings} makes it slow, flaky or down.
 * Everything it received is kept for inspection ({@code GET /_simulator/requests}). See the module's README for the
 * public documentation each shape follows.
 *
 * <p>In-process: {@code new MessagingSimulator().start(0)} answers the bound port. Standalone:
 * {@code java dev.regua.simulator.messaging.MessagingSimulator [port]} (see {@link #main}).
 */
public final class MessagingSimulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TWILIO_PATH = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");
    private static final Pattern WHATSAPP_PATH = Pattern.compile("^/(v\\d+\\.\\d+)/([^/]+)/messages$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[1-9]\\d{9,14}$");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final String HEX = "0123456789abcdef";

    private final SimulatorSettings settings;
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<PostedCallback> callbacks = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ScheduledExecutorService scheduler;
    private ExecutorService handlers;
    private HttpServer server;

    public MessagingSimulator() {
        this(new SimulatorSettings());
    }

    public MessagingSimulator(SimulatorSettings settings) {
        this.settings = settings;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Starts listening on 127.0.0.1 at {@code port} (0 = any free port) and answers the bound port. */
    public synchronized int start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
        handlers = Executors.newVirtualThreadPerTaskExecutor();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-callbacks");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL to configure as the provider's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            scheduler.shutdownNow();
            handlers.shutdownNow();
            server = null;
        }
    }

    /** Every request received on a provider endpoint, oldest first. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<ReceivedRequest> requests(Provider provider) {
        return requests.stream().filter(r -> r.provider() == provider).toList();
    }

    /** Every status callback posted, oldest first. */
    public List<PostedCallback> callbacks() {
        return List.copyOf(callbacks);
    }

    /** Forgets what was received and posted, and resets failures and latency. */
    public void reset() {
        requests.clear();
        callbacks.clear();
        settings.resetBehaviour();
    }

    // ------------------------------------------------------------------ routing

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String body = read(ex.getRequestBody());
            if (path.startsWith("/_simulator/")) {
                inspection(ex, method, path, body);
                return;
            }
            Matcher twilio = TWILIO_PATH.matcher(path);
            Matcher whatsapp = WHATSAPP_PATH.matcher(path);
            Answer answer;
            Provider provider;
            if ("POST".equals(method) && "/v2/channels/sms/messages".equals(path)) {
                provider = Provider.ZENVIA;
                answer = slowOrFailing(provider).orElseGet(() -> zenvia(ex, body));
            } else if ("POST".equals(method) && twilio.matches()) {
                provider = Provider.TWILIO;
                String sid = twilio.group(1);
                answer = slowOrFailing(provider).orElseGet(() -> twilio(ex, sid, body));
            } else if ("POST".equals(method) && whatsapp.matches()) {
                provider = Provider.WHATSAPP;
                String phoneNumberId = whatsapp.group(2);
                answer = slowOrFailing(provider).orElseGet(() -> whatsapp(ex, phoneNumberId, body));
            } else {
                send(ex, 404, "application/json", "{\"message\":\"no such endpoint in the simulator: " + method + " " + path + "\"}");
                return;
            }
            requests.add(new ReceivedRequest(provider, method, path + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
                    headers(ex), body, answer.status, answer.providerMessageId, Instant.now()));
            try {
                send(ex, answer.status, "application/json", answer.body);
            } finally {
                // like the real provider: an accepted message goes out, and its callbacks follow, even when the
                // caller hung up before reading the answer (a timeout on its side)
                answer.afterwards.run();
            }
        } catch (RuntimeException e) {
            send(ex, 500, "application/json", "{\"message\":\"simulator error: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    private record Answer(int status, String body, String providerMessageId, Runnable afterwards) {
        static Answer of(int status, String body) {
            return new Answer(status, body, null, () -> {
            });
        }
    }

    /** Latency first, then an outage (failNext) or a random transient failure, in the provider's own error format. */
    private Optional<Answer> slowOrFailing(Provider provider) {
        SimulatorSettings.Behaviour b = settings.of(provider);
        if (b.latencyMillis > 0) {
            try {
                Thread.sleep(b.latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean outage = b.failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (!outage && (b.transientFailureRate <= 0 || ThreadLocalRandom.current().nextDouble() >= b.transientFailureRate)) {
            return Optional.empty();
        }
        int status = b.transientStatus;
        return Optional.of(Answer.of(status, switch (provider) {
            case TWILIO -> status == 429
                    ? twilioError(20429, "Too Many Requests", 429)
                    : twilioError(20500, "An internal server error has occurred", status);
            case ZENVIA -> status == 429
                    ? "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}"
                    : "{\"code\":\"INTERNAL_ERROR\",\"message\":\"Internal server error\"}";
            case WHATSAPP -> status == 429
                    ? metaError(130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.")
                    : metaError(131000, "(#131000) Something went wrong", "Something went wrong");
        }));
    }

    // ------------------------------------------------------------------ Zenvia

    private Answer zenvia(HttpExchange ex, String body) {
        String token = ex.getRequestHeaders().getFirst("X-API-TOKEN");
        if (token == null || token.isBlank() || (!settings.zenviaTokens.isEmpty() && !settings.zenviaTokens.contains(token))) {
            return Answer.of(401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}");
        }
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            return Answer.of(400, "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Validation error\",\"details\":[{\"code\":\"INVALID_JSON\",\"path\":\"\",\"message\":\"Body is not valid JSON\"}]}");
        }
        String from = req.path("from").asText("");
        String to = req.path("to").asText("");
        JsonNode contents = req.path("contents");
        List<String> problems = new ArrayList<>();
        if (from.isBlank()) {
            problems.add(zenviaDetail("REQUIRED", "from", "is required"));
        }
        if (!contents.isArray() || contents.isEmpty() || !"text".equals(contents.get(0).path("type").asText())
                || contents.get(0).path("text").asText("").isBlank()) {
            problems.add(zenviaDetail("INVALID_FORMAT", "contents", "must hold at least one text content"));
        }
        if (!PHONE.matcher(to).matches() || to.startsWith("+") || settings.invalidNumbers.contains(to)) {
            problems.add(zenviaDetail("INVALID_FORMAT", "to", "must be a valid phone number with country code, digits only"));
        }
        if (!problems.isEmpty()) {
            return Answer.of(400, "{\"code\":\"VALIDATION_ERROR\",\"message\":\"Validation error\",\"details\":[" + String.join(",", problems) + "]}");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", id);
        answer.put("from", from);
        answer.put("to", to);
        answer.put("direction", "OUT");
        answer.put("channel", "sms");
        answer.set("contents", contents);
        answer.put("timestamp", Instant.now().toString());
        boolean undeliverable = settings.undeliverableNumbers.contains(to);
        return new Answer(200, answer.toString(), id, () -> {
            long delay = settings.of(Provider.ZENVIA).callbackDelayMillis;
            schedule(delay, () -> zenviaStatus(id, "SENT", "Message sent to the operator", null));
            schedule(2 * delay, () -> {
                if (undeliverable) {
                    zenviaStatus(id, "NOT_DELIVERED", "Message not delivered", "Invalid or inactive destination");
                } else {
                    zenviaStatus(id, "DELIVERED", "Message delivered to the handset", null);
                }
            });
        });
    }

    private static String zenviaDetail(String code, String path, String message) {
        return "{\"code\":\"" + code + "\",\"path\":\"" + path + "\",\"message\":\"" + message + "\"}";
    }

    private void zenviaStatus(String messageId, String code, String description, String cause) {
        String url = settings.zenviaWebhookUrl;
        if (url == null) {
            return;
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("id", UUID.randomUUID().toString());
        event.put("timestamp", Instant.now().toString());
        event.put("type", "MESSAGE_STATUS");
        event.put("subscriptionId", "simulator-subscription");
        event.put("channel", "sms");
        event.put("messageId", messageId);
        event.put("contentIndex", 0);
        ObjectNode status = event.putObject("messageStatus");
        status.put("timestamp", Instant.now().toString());
        status.put("code", code);
        status.put("description", description);
        if (cause != null) {
            status.putArray("causes").addObject().put("reason", "INVALID_DESTINATION").put("details", cause);
        }
        Map<String, String> headers = new LinkedHashMap<>(settings.zenviaWebhookHeaders);
        headers.put("Content-Type", "application/json");
        post(Provider.ZENVIA, url, messageId, code, headers, event.toString());
    }

    // ------------------------------------------------------------------ Twilio

    private Answer twilio(HttpExchange ex, String accountSid, String body) {
        Optional<String[]> basic = basicAuth(ex.getRequestHeaders().getFirst("Authorization"));
        String expected = settings.twilioAccounts.get(accountSid);
        if (basic.isEmpty() || !basic.get()[0].equals(accountSid) || basic.get()[1].isBlank()
                || (!settings.twilioAccounts.isEmpty() && !basic.get()[1].equals(expected))) {
            return Answer.of(401, twilioError(20003, "Authenticate", 401));
        }
        String authToken = basic.get()[1];
        Map<String, String> form = parseForm(body);
        String to = form.getOrDefault("To", "");
        String from = form.get("From");
        String text = form.get("Body");
        if (from == null && form.get("MessagingServiceSid") == null) {
            return Answer.of(400, twilioError(21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message", 400));
        }
        if (text == null || text.isBlank()) {
            return Answer.of(400, twilioError(21602, "Message body is required.", 400));
        }
        if (!PHONE.matcher(to).matches() || !to.startsWith("+") || settings.invalidNumbers.contains(to)) {
            return Answer.of(400, twilioError(21211, "The 'To' number " + to + " is not a valid phone number.", 400));
        }
        String sid = "SM" + hex(32);
        String now = RFC_2822.format(Instant.now().atOffset(ZoneOffset.UTC));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("account_sid", accountSid);
        answer.put("api_version", "2010-04-01");
        answer.put("body", text);
        answer.put("date_created", now);
        answer.putNull("date_sent");
        answer.put("date_updated", now);
        answer.put("direction", "outbound-api");
        answer.putNull("error_code");
        answer.putNull("error_message");
        answer.put("from", from);
        answer.put("messaging_service_sid", form.get("MessagingServiceSid"));
        answer.put("num_media", "0");
        answer.put("num_segments", String.valueOf(Math.max(1, (text.length() + 152) / 153)));
        answer.putNull("price");
        answer.put("price_unit", "USD");
        answer.put("sid", sid);
        answer.put("status", "queued");
        answer.putObject("subresource_uris").put("media", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + "/Media.json");
        answer.put("to", to);
        answer.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        String callback = form.get("StatusCallback");
        boolean undeliverable = settings.undeliverableNumbers.contains(to);
        return new Answer(201, answer.toString(), sid, () -> {
            if (callback == null) {
                return;
            }
            long delay = settings.of(Provider.TWILIO).callbackDelayMillis;
            schedule(delay, () -> twilioStatus(callback, authToken, accountSid, sid, from, to, "sent", null));
            schedule(2 * delay, () -> twilioStatus(callback, authToken, accountSid, sid, from, to,
                    undeliverable ? "undelivered" : "delivered", undeliverable ? "30003" : null));
        });
    }

    private static String twilioError(int code, String message, int status) {
        return "{\"code\":" + code + ",\"message\":" + quote(message) + ",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + status + "}";
    }

    private void twilioStatus(String url, String authToken, String accountSid, String sid, String from, String to,
                              String status, String errorCode) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", accountSid);
        params.put("ApiVersion", "2010-04-01");
        params.put("From", from == null ? "" : from);
        params.put("MessageSid", sid);
        params.put("MessageStatus", status);
        params.put("SmsSid", sid);
        params.put("SmsStatus", status);
        params.put("To", to);
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("X-Twilio-Signature", Signatures.twilio(authToken, url, params));
        headers.put("I-Twilio-Idempotency-Token", sid + "-" + status);
        post(Provider.TWILIO, url, sid, status, headers, form.toString());
    }

    // ------------------------------------------------------------------ WhatsApp Cloud API

    private Answer whatsapp(HttpExchange ex, String phoneNumberId, String body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : "";
        if (token.isBlank() || (!settings.whatsappTokens.isEmpty() && !settings.whatsappTokens.contains(token))) {
            return Answer.of(401, metaError(190, "Invalid OAuth access token - Cannot parse access token", null));
        }
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            return Answer.of(400, metaError(100, "(#100) Invalid parameter", "Request body is not valid JSON"));
        }
        if (!"whatsapp".equals(req.path("messaging_product").asText())) {
            return Answer.of(400, metaError(100, "(#100) The parameter messaging_product is required.", "messaging_product must be whatsapp"));
        }
        String to = req.path("to").asText("");
        if (!PHONE.matcher(to).matches() || settings.invalidNumbers.contains(to)) {
            return Answer.of(400, metaError(100, "(#100) Invalid parameter", "Parameter 'to' is not a valid phone number"));
        }
        String type = req.path("type").asText("text");
        if ("template".equals(type)) {
            String name = req.path("template").path("name").asText("");
            String language = req.path("template").path("language").path("code").asText("");
            if (name.isBlank() || language.isBlank()) {
                return Answer.of(400, metaError(100, "(#100) Invalid parameter", "template.name and template.language.code are required"));
            }
            if (!settings.approvedWhatsappTemplates.isEmpty() && !settings.approvedWhatsappTemplates.contains(name)) {
                return Answer.of(404, metaError(132001, "(#132001) Template name does not exist in the translation",
                        "template name (" + name + ") does not exist in " + language));
            }
        }
        String waId = to.startsWith("+") ? to.substring(1) : to;
        String wamid = "wamid." + Base64.getEncoder().encodeToString(("HBgN" + waId + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", waId);
        answer.putArray("messages").addObject().put("id", wamid).put("message_status", "accepted");
        boolean undeliverable = settings.undeliverableNumbers.contains(to);
        boolean freeForm = !"template".equals(type);
        // Meta does not process biz_opaque_callback_data; it returns it in the statuses of the message's webhooks
        String opaque = req.hasNonNull("biz_opaque_callback_data") ? req.get("biz_opaque_callback_data").asText() : null;
        return new Answer(200, answer.toString(), wamid, () -> {
            long delay = settings.of(Provider.WHATSAPP).callbackDelayMillis;
            if (undeliverable) {
                schedule(delay, () -> whatsappStatus(phoneNumberId, wamid, waId, "failed", 131026, "Message undeliverable", opaque));
            } else if (freeForm) {
                schedule(delay, () -> whatsappStatus(phoneNumberId, wamid, waId, "failed", 131047, "Re-engagement message", opaque));
            } else {
                schedule(delay, () -> whatsappStatus(phoneNumberId, wamid, waId, "sent", 0, null, opaque));
                schedule(2 * delay, () -> whatsappStatus(phoneNumberId, wamid, waId, "delivered", 0, null, opaque));
                if (settings.whatsappReadReceipts) {
                    schedule(3 * delay, () -> whatsappStatus(phoneNumberId, wamid, waId, "read", 0, null, opaque));
                }
            }
        });
    }

    private static String metaError(int code, String message, String details) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", "OAuthException");
        error.put("code", code);
        if (details != null) {
            error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        }
        error.put("fbtrace_id", "A" + hex(22));
        return root.toString();
    }

    private void whatsappStatus(String phoneNumberId, String wamid, String recipient, String status, int errorCode, String errorTitle,
                                String opaque) {
        String url = settings.whatsappWebhookUrl;
        if (url == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", settings.whatsappBusinessAccountId);
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "5519900000000").put("phone_number_id", phoneNumberId);
        ObjectNode s = value.putArray("statuses").addObject();
        s.put("id", wamid);
        s.put("status", status);
        s.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        s.put("recipient_id", recipient);
        if (opaque != null) {
            s.put("biz_opaque_callback_data", opaque);
        }
        if (errorCode != 0) {
            ArrayNode errors = s.putArray("errors");
            ObjectNode e = errors.addObject();
            e.put("code", errorCode);
            e.put("title", errorTitle);
            e.put("message", errorTitle);
            e.putObject("error_data").put("details", errorTitle);
        } else if (!"read".equals(status)) {
            s.putObject("conversation").put("id", hex(32)).putObject("origin").put("type", "utility");
            s.putObject("pricing").put("billable", true).put("pricing_model", "PMP").put("category", "utility");
        }
        change.put("field", "messages");
        String body = root.toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Hub-Signature-256", Signatures.meta(settings.whatsappAppSecret, body));
        post(Provider.WHATSAPP, url, wamid, status, headers, body);
    }

    // ------------------------------------------------------------------ callbacks

    private void schedule(long delayMillis, Runnable task) {
        scheduler.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("simulator: callback failed: " + e);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Posts a callback; like the providers, tries again a few times when the receiver does not answer 2xx. */
    private void post(Provider provider, String url, String messageId, String status, Map<String, String> headers, String body) {
        int answered = 0;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                headers.forEach(req::header);
                answered = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                answered = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (answered >= 200 && answered < 300) {
                break;
            }
            try {
                Thread.sleep(300L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        callbacks.add(new PostedCallback(provider, url, messageId, status, Map.copyOf(headers), body, answered, Instant.now()));
    }

    // ------------------------------------------------------------------ inspection API

    private void inspection(HttpExchange ex, String method, String path, String body) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        Map<String, String> params = parseForm(query == null ? "" : query);
        switch (method + " " + path) {
            case "GET /_simulator/requests" -> {
                ArrayNode list = JSON.createArrayNode();
                for (ReceivedRequest r : requests) {
                    if (params.containsKey("provider") && !r.provider().id().equalsIgnoreCase(params.get("provider"))) {
                        continue;
                    }
                    ObjectNode n = list.addObject();
                    n.put("provider", r.provider().id());
                    n.put("method", r.method());
                    n.put("path", r.path());
                    n.set("headers", JSON.valueToTree(r.headers()));
                    n.put("body", r.body());
                    n.put("answeredStatus", r.answeredStatus());
                    n.put("providerMessageId", r.providerMessageId());
                    n.put("receivedAt", r.receivedAt().toString());
                }
                send(ex, 200, "application/json", list.toString());
            }
            case "GET /_simulator/callbacks" -> {
                ArrayNode list = JSON.createArrayNode();
                for (PostedCallback c : callbacks) {
                    ObjectNode n = list.addObject();
                    n.put("provider", c.provider().id());
                    n.put("url", c.url());
                    n.put("providerMessageId", c.providerMessageId());
                    n.put("status", c.status());
                    n.put("body", c.body());
                    n.put("answeredStatus", c.answeredStatus());
                    n.put("postedAt", c.postedAt().toString());
                }
                send(ex, 200, "application/json", list.toString());
            }
            case "GET /_simulator/settings" -> send(ex, 200, "application/json", JSON.writeValueAsString(settings.describe()));
            case "PUT /_simulator/settings", "POST /_simulator/settings" -> {
                applySettings(JSON.readTree(body.isBlank() ? "{}" : body));
                send(ex, 200, "application/json", JSON.writeValueAsString(settings.describe()));
            }
            case "POST /_simulator/reset", "DELETE /_simulator/requests" -> {
                reset();
                send(ex, 204, "application/json", "");
            }
            default -> send(ex, 404, "application/json", "{\"message\":\"unknown inspection endpoint\"}");
        }
    }

    /**
     * Applies a partial settings document, e.g.
     * {@code {"twilio":{"failNext":3,"transientStatus":503,"latencyMillis":50},"invalidNumbers":["+5511900000000"],
     * "whatsappWebhookUrl":"http://…","zenviaWebhookUrl":"http://…","zenviaWebhookHeaders":{"X-Token":"…"}}}.
     */
    public void applySettings(JsonNode doc) {
        for (Provider p : Provider.values()) {
            JsonNode b = doc.path(p.id());
            if (b.isObject()) {
                SimulatorSettings.Behaviour behaviour = settings.of(p);
                if (b.has("latencyMillis")) behaviour.latencyMillis = b.get("latencyMillis").asLong();
                if (b.has("transientFailureRate")) behaviour.transientFailureRate = b.get("transientFailureRate").asDouble();
                if (b.has("transientStatus")) behaviour.transientStatus = b.get("transientStatus").asInt();
                if (b.has("failNext")) behaviour.failNext.set(b.get("failNext").asInt());
                if (b.has("callbackDelayMillis")) behaviour.callbackDelayMillis = b.get("callbackDelayMillis").asLong();
            }
        }
        doc.path("invalidNumbers").forEach(n -> settings.invalidNumbers.add(n.asText()));
        doc.path("undeliverableNumbers").forEach(n -> settings.undeliverableNumbers.add(n.asText()));
        doc.path("approvedWhatsappTemplates").forEach(n -> settings.approvedWhatsappTemplates.add(n.asText()));
        if (doc.has("zenviaWebhookUrl")) settings.zenviaWebhookUrl = doc.get("zenviaWebhookUrl").asText(null);
        if (doc.has("whatsappWebhookUrl")) settings.whatsappWebhookUrl = doc.get("whatsappWebhookUrl").asText(null);
        if (doc.has("whatsappAppSecret")) settings.whatsappAppSecret = doc.get("whatsappAppSecret").asText();
        if (doc.has("whatsappReadReceipts")) settings.whatsappReadReceipts = doc.get("whatsappReadReceipts").asBoolean();
        doc.path("zenviaWebhookHeaders").fields().forEachRemaining(e -> settings.zenviaWebhookHeaders.put(e.getKey(), e.getValue().asText()));
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> headers(HttpExchange ex) {
        Map<String, String> h = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        return h;
    }

    private static Optional<String[]> basicAuth(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(k, v);
        }
        return form;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(HEX.charAt(ThreadLocalRandom.current().nextInt(16)));
        }
        return sb.toString();
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        if (status == 204 || bytes.length == 0) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Standalone: {@code java -cp <module jar and jackson-databind> dev.regua.simulator.messaging.MessagingSimulator [port]}.
     * Settings from system properties: {@code simulator.zenvia.webhook-url}, {@code simulator.whatsapp.webhook-url},
     * {@code simulator.whatsapp.app-secret}, {@code simulator.zenvia.webhook-header.<Name>=<value>}; change them at
     * run time with {@code PUT /_simulator/settings}.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("simulator.port", 8090);
        MessagingSimulator sim = new MessagingSimulator();
        sim.settings.zenviaWebhookUrl = System.getProperty("simulator.zenvia.webhook-url");
        sim.settings.whatsappWebhookUrl = System.getProperty("simulator.whatsapp.webhook-url");
        if (System.getProperty("simulator.whatsapp.app-secret") != null) {
            sim.settings.whatsappAppSecret = System.getProperty("simulator.whatsapp.app-secret");
        }
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("simulator.zenvia.webhook-header."))
                .forEach(n -> sim.settings.zenviaWebhookHeaders.put(n.substring("simulator.zenvia.webhook-header.".length()), System.getProperty(n)));
        int bound = sim.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("messaging simulator (Zenvia, Twilio, WhatsApp Cloud API) listening on http://127.0.0.1:" + bound);
        Thread.currentThread().join();
    }
}
