package dev.regua.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the gateway sends each /api prefix. Set with REGUA_GATEWAY_ROUTES_BILLING_URL and friends. */
@ConfigMapping(prefix = "regua.gateway")
public interface GatewayConfig {
    Routes routes();

    /**
     * Path prefixes forwarded without a bearer token: the providers' status callbacks and Meta's webhook
     * verification, which carry no Régua token and are authenticated by the service itself (each provider's
     * signature or verify token).
     */
    @WithDefault("/api/notifications/callbacks/")
    java.util.List<String> publicPaths();

    /** How long an upstream may take to answer. */
    @WithDefault("30s")
    Duration timeout();

    interface Routes {
        Upstream billing();

        Upstream dunning();

        Upstream notifications();

        Upstream credit();
    }

    interface Upstream {
        /** Base URL of the service, e.g. http://127.0.0.1:8081 */
        String url();
    }
}
