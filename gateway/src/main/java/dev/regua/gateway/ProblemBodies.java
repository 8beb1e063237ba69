package dev.regua.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem bodies for what the gateway itself refuses. */
final class ProblemBodies {
    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemBodies() {
    }

    static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        JsonObject body = new JsonObject()
                .put("type", "https://regua.dev/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        if (!ctx.response().ended() && !ctx.response().headWritten()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE);
            if (status == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"regua\"");
            }
            ctx.response().end(body.encode());
        }
    }
}
