package dev.regua.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from Keycloak's token endpoint ({@code <realmUrl>/protocol/openid-connect/token}), for tests and
 * scripts: {@code given().auth().oauth2(KeycloakTokens.clientCredentials(realmUrl, "sorriso-integration", secret))}.
 */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTokens() {
    }

    /** Client-credentials grant for a confidential client with a service account. */
    public static String clientCredentials(String realmUrl, String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return request(realmUrl, form);
    }

    /** Resource-owner password grant through a public client with direct access grants (e.g. regua-console). */
    public static String password(String realmUrl, String clientId, String username, String password) {
        return password(realmUrl, clientId, null, username, password);
    }

    /** Resource-owner password grant; {@code clientSecret} null for public clients. */
    public static String password(String realmUrl, String clientId, String clientSecret, String username,
                                  String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return request(realmUrl, form);
    }

    /**
     * The claims of a JWT, decoded but NOT verified: for assertions in tests, never for authorisation decisions.
     */
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT: " + jwt);
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return JSON.readValue(payload, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("JWT payload is not JSON", e);
        }
    }

    /** The realm roles of a token ({@code realm_access.roles}), decoded but not verified. */
    @SuppressWarnings("unchecked")
    public static List<String> realmRoles(String jwt) {
        Object realmAccess = claims(jwt).get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof List<?> roles) {
            return (List<String>) roles;
        }
        return List.of();
    }

    private static String request(String realmUrl, Map<String, String> form) {
        String endpoint = stripSlash(realmUrl) + "/protocol/openid-connect/token";
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak token endpoint " + endpoint + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + endpoint + " for a token", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a " + form.get("grant_type") + " token for client '"
                    + form.get("client_id") + "'" + (form.containsKey("username") ? " user '" + form.get("username") + "'" : "")
                    + ": HTTP " + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode token = JSON.readTree(response.body());
            return token.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak answered something that is not JSON: " + response.body(), e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
