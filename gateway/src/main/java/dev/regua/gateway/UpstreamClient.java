package dev.regua.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Calls the gateway makes on its own account: readiness, OpenAPI documents, clock fan-out. */
@ApplicationScoped
public class UpstreamClient {
    private final WebClient client;
    private final GatewayConfig config;

    public UpstreamClient(Vertx vertx, GatewayConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
        this.config = config;
    }

    public Uni<HttpResponse<Buffer>> get(Upstreams.Upstream upstream, String path, String authorization) {
        var request = client.getAbs(upstream.baseUrl() + path).timeout(config.timeout().toMillis());
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return request.send();
    }

    public Uni<HttpResponse<Buffer>> put(Upstreams.Upstream upstream, String path, String authorization, JsonObject body) {
        var request = client.putAbs(upstream.baseUrl() + path).timeout(config.timeout().toMillis());
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return request.sendJsonObject(body);
    }

    public Uni<Boolean> ready(Upstreams.Upstream upstream) {
        return get(upstream, "/q/health/ready", null)
                .map(r -> r.statusCode() == 200)
                .ifNoItem().after(Duration.ofSeconds(5)).recoverWithItem(false)
                .onFailure().recoverWithItem(false);
    }
}
