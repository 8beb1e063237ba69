package dev.regua.notification.webhook.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A webhook endpoint's URL: absolute, {@code https}, with a host, without credentials or fragment. Plain {@code http}
 * is accepted only for {@code localhost} / {@code 127.0.0.1} / {@code [::1]}, and only where configuration allows it
 * (tests and the local run).
 */
public final class EndpointUrl {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private EndpointUrl() {
    }

    /** Why the URL is refused; empty when it is acceptable. */
    public static Optional<String> problemWith(String url, boolean allowPlainHttpOnLoopback) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host.isEmpty()) {
            return Optional.of("must be an absolute URL with a host, e.g. https://erp.example.com.br/webhooks/regua");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http") && allowPlainHttpOnLoopback && LOOPBACK.contains(host)) {
            return Optional.empty();
        }
        return Optional.of("must use https");
    }
}
