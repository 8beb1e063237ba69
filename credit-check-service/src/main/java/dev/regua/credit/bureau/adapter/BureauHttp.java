package dev.regua.credit.bureau.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.credit.bureau.domain.BureauException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

/**
 * The HTTP plumbing the three adapters share: JSON in and out, a per-call timeout, and the rule that decides
 * whether a failure is worth retrying (timeouts, connection failures, 408, 429 and 5xx are; other 4xx are the
 * bureau refusing the request).
 */
final class BureauHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final Duration timeout;
    private final String bureau;

    BureauHttp(String bureau, Duration timeout) {
        this.bureau = bureau;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }

    static HttpRequest.BodyPublisher body(JsonNode json) {
        return HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends and answers the JSON body of a 2xx; {@code errorCode} reads the bureau's own error code from a 4xx body. */
    JsonNode send(HttpRequest request, Function<JsonNode, String> errorCode) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw BureauException.unavailable(bureau + " did not answer within " + timeout, e);
        } catch (IOException e) {
            throw BureauException.unavailable(bureau + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BureauException.unavailable(bureau + " call interrupted", e);
        }
        int status = response.statusCode();
        JsonNode json = parse(response.body());
        if (status >= 200 && status < 300) {
            return json;
        }
        if (status >= 500 || status == 408 || status == 429 || status == 401) {
            throw BureauException.unavailable(bureau + " answered " + status + ": " + abbreviate(response.body()), null);
        }
        String code = json == null ? null : errorCode.apply(json);
        throw BureauException.rejected(code == null || code.isBlank() ? "HTTP_" + status : code,
                bureau + " refused (" + status + "): " + abbreviate(response.body()));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) : s;
    }
}
