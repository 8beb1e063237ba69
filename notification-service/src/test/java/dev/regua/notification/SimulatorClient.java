package dev.regua.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The messaging simulator's inspection API, as tests use it. */
final class SimulatorClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base = System.getProperty("regua.test.simulator-url");

    /** Requests the simulator received for a provider (zenvia, twilio, whatsapp). */
    List<JsonNode> requests(String provider) {
        JsonNode all = call(HttpRequest.newBuilder(URI.create(base + "/_simulator/requests?provider=" + provider)).GET());
        List<JsonNode> list = new ArrayList<>();
        all.forEach(list::add);
        return list;
    }

    /** Requests for one provider whose raw body mentions {@code text}. */
    List<JsonNode> requests(String provider, String text) {
        return requests(provider).stream().filter(r -> r.get("body").asText().contains(text)).toList();
    }

    /** The callbacks the simulator posted, with what the receiver answered. */
    List<JsonNode> callbacks() {
        JsonNode all = call(HttpRequest.newBuilder(URI.create(base + "/_simulator/callbacks")).GET());
        List<JsonNode> list = new ArrayList<>();
        all.forEach(list::add);
        return list;
    }

    void settings(String json) {
        call(HttpRequest.newBuilder(URI.create(base + "/_simulator/settings")).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
