package dev.regua.gateway;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The four services behind the gateway, by route name and path prefix. */
public record Upstreams(Map<String, Upstream> byName) {

    public record Upstream(String name, String pathPrefix, URI baseUrl) {
    }

    public static Upstreams of(GatewayConfig config) {
        Map<String, Upstream> map = new LinkedHashMap<>();
        map.put("billing", new Upstream("billing", "/api/billing/", URI.create(config.routes().billing().url())));
        map.put("dunning", new Upstream("dunning", "/api/dunning/", URI.create(config.routes().dunning().url())));
        map.put("notifications", new Upstream("notifications", "/api/notifications/", URI.create(config.routes().notifications().url())));
        map.put("credit", new Upstream("credit", "/api/credit/", URI.create(config.routes().credit().url())));
        return new Upstreams(Map.copyOf(map));
    }

    /** The upstream whose prefix the path starts with. */
    public Optional<Upstream> forPath(String path) {
        return byName.values().stream().filter(u -> path.startsWith(u.pathPrefix())
                || path.equals(u.pathPrefix().substring(0, u.pathPrefix().length() - 1))).findFirst();
    }

    public Iterable<Upstream> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(Upstream::name)).toList();
    }
}
