package dev.regua.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Routes /api/billing/**, /api/dunning/**, /api/notifications/** and /api/credit/** to their services, unchanged,
 * with the caller's bearer token. Quarkus OIDC has already validated the token (proactive authentication); a
 * request without one is refused here with a problem response. Each service validates the token again and takes
 * the tenant from it.
 */
@ApplicationScoped
public class ApiProxy {
    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private HttpClient client;

    public ApiProxy(GatewayConfig config) {
        this.config = config;
        this.upstreams = Upstreams.of(config);
    }

    void routes(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        router.route().order(-100).failureHandler(this::securityFailure);
        for (Upstreams.Upstream upstream : upstreams.all()) {
            String prefix = upstream.pathPrefix();
            router.route(prefix + "*").handler(BodyHandler.create().setBodyLimit(10 * 1024 * 1024))
                    .handler(ctx -> forward(ctx, upstream));
        }
    }

    private void securityFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || ctx.statusCode() == 401) {
            ProblemBodies.send(ctx, 401, "unauthenticated", "Unauthorized",
                    "a valid bearer token is required (missing, expired or not issued by Régua's Keycloak realm)");
        } else if (failure instanceof ForbiddenException || ctx.statusCode() == 403) {
            ProblemBodies.send(ctx, 403, "forbidden", "Forbidden", "the token lacks the role this operation needs");
        } else if (ctx.statusCode() == 413) {
            ProblemBodies.send(ctx, 413, "too-large", "Request too large", "the body exceeds 10 MB");
        } else {
            ctx.next();
        }
    }

    private void forward(RoutingContext ctx, Upstreams.Upstream upstream) {
        boolean publicPath = config.publicPaths().stream().anyMatch(p -> ctx.normalizedPath().startsWith(p));
        if (!publicPath && (!(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous())) {
            ProblemBodies.send(ctx, 401, "unauthenticated", "Unauthorized",
                    "a valid bearer token is required (missing, expired or not issued by Régua's Keycloak realm)");
            return;
        }
        var in = ctx.request();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.baseUrl().getHost())
                .setPort(upstream.baseUrl().getPort())
                .setURI(in.uri())
                .setIdleTimeout(config.timeout().toMillis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        String requestId = in.getHeader("X-Request-Id") != null ? in.getHeader("X-Request-Id") : UUID.randomUUID().toString();
        headers.set("X-Request-Id", requestId);
        headers.set("X-Forwarded-Proto", in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        if (in.remoteAddress() != null) {
            headers.add("X-Forwarded-For", in.remoteAddress().hostAddress());
        }
        options.setHeaders(headers);
        var body = ctx.body() == null ? null : ctx.body().buffer();
        client.request(options)
                .compose(req -> body == null || body.length() == 0 ? req.send() : req.send(body))
                .compose(resp -> resp.body().map(b -> {
                    var out = ctx.response().setStatusCode(resp.statusCode());
                    resp.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                            out.headers().add(h.getKey(), h.getValue());
                        }
                    });
                    out.putHeader("X-Request-Id", requestId);
                    out.end(b);
                    return null;
                }))
                .onFailure(e -> {
                    LOG.warnf("%s %s → %s failed: %s", in.method(), in.path(), upstream.name(), e.toString());
                    ProblemBodies.send(ctx, 502, "upstream-unavailable", "Bad gateway",
                            "the " + upstream.name() + " service did not answer; try again shortly");
                });
    }

    HttpClient client() {
        return client;
    }

    Upstreams upstreams() {
        return upstreams;
    }
}
