package dev.regua.gateway;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready only when every service behind it answers ready. */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements AsyncHealthCheck {
    private final UpstreamClient client;
    private final ApiProxy proxy;

    public ServicesReadiness(UpstreamClient client, ApiProxy proxy) {
        this.client = client;
        this.proxy = proxy;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstreams.Upstream> upstreams = new ArrayList<>();
        proxy.upstreams().all().forEach(upstreams::add);
        List<Uni<Boolean>> checks = upstreams.stream().map(client::ready).toList();
        return Uni.join().all(checks).andFailFast().map(results -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstream services").up();
            boolean all = true;
            for (int i = 0; i < upstreams.size(); i++) {
                builder.withData(upstreams.get(i).name(), results.get(i) ? "UP" : "DOWN");
                all &= results.get(i);
            }
            return (all ? builder.up() : builder.down()).build();
        });
    }
}
