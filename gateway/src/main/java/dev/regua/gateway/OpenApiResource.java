package dev.regua.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The combined OpenAPI documentation: each service's document at /openapi/{service} and all of them merged at
 * /openapi (paths are the gateway's, since the gateway forwards them unchanged). The Swagger UI at
 * /q/swagger-ui lists both.
 */
@Path("/openapi")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    private final UpstreamClient client;
    private final ApiProxy proxy;
    private final String tokenUrl;

    public OpenApiResource(UpstreamClient client, ApiProxy proxy,
                           @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.client = client;
        this.proxy = proxy;
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
    }

    @GET
    @Path("/{service}")
    @Operation(summary = "One service's OpenAPI document")
    public Uni<JsonObject> one(@PathParam("service") String service) {
        Upstreams.Upstream upstream = proxy.upstreams().byName().get(service);
        if (upstream == null) {
            throw new jakarta.ws.rs.NotFoundException("no service named " + service
                    + "; try one of " + new TreeSet<>(proxy.upstreams().byName().keySet()));
        }
        return fetch(upstream).map(doc -> {
            if (doc == null) {
                throw new jakarta.ws.rs.ServiceUnavailableException("the " + service + " service did not answer");
            }
            return withSecurity(doc);
        });
    }

    @GET
    @Operation(summary = "Every service's API in one OpenAPI document")
    public Uni<JsonObject> merged() {
        List<Upstreams.Upstream> upstreams = new ArrayList<>();
        proxy.upstreams().all().forEach(upstreams::add);
        return Uni.join().all(upstreams.stream().map(this::fetch).toList()).andFailFast().map(docs -> {
            JsonObject paths = new JsonObject();
            JsonObject schemas = new JsonObject();
            JsonArray tags = new JsonArray();
            Set<String> tagNames = new TreeSet<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                JsonObject doc = docs.get(i);
                if (doc == null) {
                    missing.add(upstreams.get(i).name());
                    continue;
                }
                doc.getJsonObject("paths", new JsonObject()).forEach(e -> {
                    if (e.getKey().startsWith("/api/")) {
                        paths.put(e.getKey(), e.getValue());
                    }
                });
                JsonObject components = doc.getJsonObject("components", new JsonObject());
                components.getJsonObject("schemas", new JsonObject()).forEach(e -> schemas.put(e.getKey(), e.getValue()));
                for (Object tag : doc.getJsonArray("tags", new JsonArray())) {
                    JsonObject t = (JsonObject) tag;
                    if (tagNames.add(t.getString("name"))) {
                        tags.add(t);
                    }
                }
            }
            String description = "Régua's REST API through the gateway. Authenticate with a Keycloak token "
                    + "(client credentials for integrators, password grant for staff)."
                    + (missing.isEmpty() ? "" : " Not included because they did not answer: " + missing + ".");
            JsonObject merged = new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "Régua API").put("version", "0.1.0").put("description", description))
                    .put("tags", tags)
                    .put("paths", paths)
                    .put("components", new JsonObject().put("schemas", schemas));
            return withSecurity(merged);
        });
    }

    private Uni<JsonObject> fetch(Upstreams.Upstream upstream) {
        return client.get(upstream, "/q/openapi?format=json", null)
                .map(r -> r.statusCode() == 200 ? r.bodyAsJsonObject() : null)
                .onFailure().recoverWithNull();
    }

    private JsonObject withSecurity(JsonObject doc) {
        JsonObject components = doc.getJsonObject("components");
        if (components == null) {
            components = new JsonObject();
            doc.put("components", components);
        }
        components.put("securitySchemes", new JsonObject()
                .put("keycloak", new JsonObject().put("type", "oauth2").put("flows", new JsonObject()
                        .put("clientCredentials", new JsonObject().put("tokenUrl", tokenUrl).put("scopes", new JsonObject()))))
                .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")));
        doc.put("security", new JsonArray().add(new JsonObject().put("keycloak", new JsonArray()))
                .add(new JsonObject().put("bearer", new JsonArray())));
        return doc;
    }
}
