package dev.regua.simulator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator answers like each provider and posts their callbacks, signed as the providers sign them. */
class MessagingSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private MessagingSimulator sim;
    private HttpServer receiver;
    private final List<Map.Entry<Map<String, List<String>>, String>> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sim = new MessagingSimulator();
        sim.start(0);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/", ex -> {
            received.add(Map.entry(Map.copyOf(ex.getRequestHeaders()), new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        sim.settings().of(Provider.TWILIO).callbackDelayMillis = 20;
        sim.settings().of(Provider.ZENVIA).callbackDelayMillis = 20;
        sim.settings().of(Provider.WHATSAPP).callbackDelayMillis = 20;
    }

    @AfterEach
    void stop() {
        sim.close();
        receiver.stop(0);
    }

    private String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitCallbacks(int n) throws InterruptedException {
        for (int i = 0; i < 100 && received.size() < n; i++) {
            Thread.sleep(50);
        }
        assertEquals(n, received.size(), "callbacks received");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twilioCreatesAQueuedMessageAndPostsSignedStatusCallbacks() throws Exception {
        String callback = receiverUrl("/twilio");
        String form = "To=%2B5519991234567&From=%2B15005550006&Body=Ol%C3%A1+Maria&StatusCallback=" + java.net.URLEncoder.encode(callback, StandardCharsets.UTF_8);
        HttpResponse<String> res = post("/2010-04-01/Accounts/AC123/Messages.json",
                Map.of("Authorization", basic("AC123", "token-1"), "Content-Type", "application/x-www-form-urlencoded"), form);

        assertEquals(201, res.statusCode(), res.body());
        JsonNode body = JSON.readTree(res.body());
        assertEquals("queued", body.get("status").asText());
        assertTrue(body.get("sid").asText().startsWith("SM"));
        assertEquals("Olá Maria", body.get("body").asText());
        assertEquals("outbound-api", body.get("direction").asText());

        awaitCallbacks(2);
        String delivered = received.get(1).getValue();
        Map<String, String> params = MessagingSimulator.parseForm(delivered);
        assertEquals("delivered", params.get("MessageStatus"));
        assertEquals(body.get("sid").asText(), params.get("MessageSid"));
        assertEquals(Signatures.twilio("token-1", callback, params), received.get(1).getKey().get("X-twilio-signature").get(0));
        assertEquals(1, sim.requests(Provider.TWILIO).size());
        assertTrue(sim.requests(Provider.TWILIO).get(0).body().contains("To=%2B5519991234567"));
    }

    @Test
    void twilioRefusesAnInvalidNumberWithError21211AndWrongCredentialsWith20003() throws Exception {
        HttpResponse<String> invalid = post("/2010-04-01/Accounts/AC123/Messages.json",
                Map.of("Authorization", basic("AC123", "t"), "Content-Type", "application/x-www-form-urlencoded"), "To=12&From=%2B15005550006&Body=x");
        assertEquals(400, invalid.statusCode());
        assertEquals(21211, JSON.readTree(invalid.body()).get("code").asInt());
        assertEquals("https://www.twilio.com/docs/errors/21211", JSON.readTree(invalid.body()).get("more_info").asText());

        sim.settings().twilioAccounts.put("AC123", "right");
        HttpResponse<String> unauthorized = post("/2010-04-01/Accounts/AC123/Messages.json",
                Map.of("Authorization", basic("AC123", "wrong"), "Content-Type", "application/x-www-form-urlencoded"), "To=%2B5519991234567&From=x&Body=x");
        assertEquals(401, unauthorized.statusCode());
        assertEquals(20003, JSON.readTree(unauthorized.body()).get("code").asInt());
    }

    @Test
    void zenviaAcceptsTextContentsWithItsTokenAndPostsMessageStatusEventsWithTheSubscriptionHeaders() throws Exception {
        sim.settings().zenviaWebhookUrl = receiverUrl("/zenvia");
        sim.settings().zenviaWebhookHeaders.put("X-Regua-Webhook-Token", "s3cret");
        HttpResponse<String> res = post("/v2/channels/sms/messages", Map.of("X-API-TOKEN", "tok", "Content-Type", "application/json"),
                "{\"from\":\"clinica-sorriso\",\"to\":\"5519991234567\",\"contents\":[{\"type\":\"text\",\"text\":\"Ola\"}]}");
        assertEquals(200, res.statusCode(), res.body());
        String id = JSON.readTree(res.body()).get("id").asText();
        assertEquals("OUT", JSON.readTree(res.body()).get("direction").asText());

        awaitCallbacks(2);
        JsonNode event = JSON.readTree(received.get(1).getValue());
        assertEquals("MESSAGE_STATUS", event.get("type").asText());
        assertEquals(id, event.get("messageId").asText());
        assertEquals("DELIVERED", event.at("/messageStatus/code").asText());
        assertEquals("s3cret", received.get(1).getKey().get("X-regua-webhook-token").get(0));

        HttpResponse<String> noToken = post("/v2/channels/sms/messages", Map.of("Content-Type", "application/json"), "{}");
        assertEquals(401, noToken.statusCode());
        HttpResponse<String> badNumber = post("/v2/channels/sms/messages", Map.of("X-API-TOKEN", "tok"),
                "{\"from\":\"x\",\"to\":\"+5519991234567\",\"contents\":[{\"type\":\"text\",\"text\":\"Ola\"}]}");
        assertEquals(400, badNumber.statusCode());
        assertEquals("VALIDATION_ERROR", JSON.readTree(badNumber.body()).get("code").asText());
    }

    @Test
    void whatsappAcceptsATemplateAndSignsItsStatusesWebhookWithTheAppSecret() throws Exception {
        sim.settings().whatsappWebhookUrl = receiverUrl("/whatsapp");
        String request = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"5519991234567\",\"type\":\"template\","
                + "\"template\":{\"name\":\"cobranca_atraso\",\"language\":{\"code\":\"pt_BR\"},\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Maria\"}]}]}}";
        HttpResponse<String> res = post("/v21.0/1234567890/messages", Map.of("Authorization", "Bearer EAAtoken", "Content-Type", "application/json"), request);
        assertEquals(200, res.statusCode(), res.body());
        String wamid = JSON.readTree(res.body()).at("/messages/0/id").asText();
        assertTrue(wamid.startsWith("wamid."));

        awaitCallbacks(3);
        List<String> statuses = new ArrayList<>();
        for (var r : received) {
            JsonNode root = JSON.readTree(r.getValue());
            assertEquals("whatsapp_business_account", root.get("object").asText());
            JsonNode status = root.at("/entry/0/changes/0/value/statuses/0");
            assertEquals(wamid, status.get("id").asText());
            assertEquals("1234567890", root.at("/entry/0/changes/0/value/metadata/phone_number_id").asText());
            assertEquals(Signatures.meta("simulator-app-secret", r.getValue()), r.getKey().get("X-hub-signature-256").get(0));
            statuses.add(status.get("status").asText());
        }
        assertTrue(statuses.containsAll(List.of("sent", "delivered", "read")), statuses.toString());
    }

    @Test
    void whatsappReportsAnUndeliverableNumberAsAFailedStatusWithCode131026() throws Exception {
        sim.settings().whatsappWebhookUrl = receiverUrl("/whatsapp");
        sim.settings().undeliverableNumbers.add("5511900000000");
        HttpResponse<String> res = post("/v21.0/1/messages", Map.of("Authorization", "Bearer t"),
                "{\"messaging_product\":\"whatsapp\",\"to\":\"5511900000000\",\"type\":\"template\",\"template\":{\"name\":\"x\",\"language\":{\"code\":\"pt_BR\"}}}");
        assertEquals(200, res.statusCode());
        awaitCallbacks(1);
        JsonNode status = JSON.readTree(received.get(0).getValue()).at("/entry/0/changes/0/value/statuses/0");
        assertEquals("failed", status.get("status").asText());
        assertEquals(131026, status.at("/errors/0/code").asInt());
    }

    @Test
    void anOutageAnswersTransientErrorsInEachProvidersFormatThenRecovers() throws Exception {
        sim.applySettings(JSON.readTree("{\"whatsapp\":{\"failNext\":2,\"transientStatus\":503}}"));
        String request = "{\"messaging_product\":\"whatsapp\",\"to\":\"5519991234567\",\"type\":\"template\",\"template\":{\"name\":\"x\",\"language\":{\"code\":\"pt_BR\"}}}";
        HttpResponse<String> first = post("/v21.0/1/messages", Map.of("Authorization", "Bearer t"), request);
        HttpResponse<String> second = post("/v21.0/1/messages", Map.of("Authorization", "Bearer t"), request);
        HttpResponse<String> third = post("/v21.0/1/messages", Map.of("Authorization", "Bearer t"), request);
        assertEquals(503, first.statusCode());
        assertEquals(131000, JSON.readTree(first.body()).at("/error/code").asInt());
        assertEquals(503, second.statusCode());
        assertEquals(200, third.statusCode());
        assertEquals(List.of(false, false, true), sim.requests(Provider.WHATSAPP).stream().map(ReceivedRequest::accepted).toList());

        sim.applySettings(JSON.readTree("{\"twilio\":{\"failNext\":1,\"transientStatus\":429}}"));
        HttpResponse<String> limited = post("/2010-04-01/Accounts/AC1/Messages.json", Map.of("Authorization", basic("AC1", "t")), "To=%2B5519991234567&From=x&Body=x");
        assertEquals(429, limited.statusCode());
        assertEquals(20429, JSON.readTree(limited.body()).get("code").asInt());
    }

    @Test
    void theInspectionEndpointListsWhatArrivedPerProviderAndResetForgetsIt() throws Exception {
        post("/v2/channels/sms/messages", Map.of("X-API-TOKEN", "tok"),
                "{\"from\":\"x\",\"to\":\"5519991234567\",\"contents\":[{\"type\":\"text\",\"text\":\"Ola\"}]}");
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_simulator/requests?provider=zenvia")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode requests = JSON.readTree(list.body());
        assertEquals(1, requests.size());
        assertEquals("tok", requests.get(0).at("/headers/x-api-token").asText());
        assertEquals(200, requests.get(0).get("answeredStatus").asInt());

        http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_simulator/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertTrue(sim.requests().isEmpty());
        assertFalse(sim.settings().of(Provider.ZENVIA).failNext.get() > 0);
    }
}
