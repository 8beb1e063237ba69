package dev.regua.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Time travel for the whole platform (never in production): one call sets the same clock offset on every
 * service, so a 60-day régua can run in seconds. Needs the platform-ops role.
 */
@Path("/api/platform/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "platform")
public class ClockResource {
    private final UpstreamClient client;
    private final ApiProxy proxy;
    private final boolean controllable;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ClockResource(UpstreamClient client, ApiProxy proxy,
                         @ConfigProperty(name = "regua.clock.controllable", defaultValue = "false") boolean controllable) {
        this.client = client;
        this.proxy = proxy;
        this.controllable = controllable;
    }

    /** Exactly one of: {@code instant} (the time every clock should read now), {@code advanceBy}, or {@code offset}. */
    public record ClockChange(Instant instant, Duration advanceBy, Duration offset) {
    }

    public record PlatformClock(Instant now, Duration offset, Map<String, String> services) {
    }

    @GET
    @RolesAllowed("platform-ops")
    @Operation(summary = "The platform's business clock as each service reads it")
    public Uni<PlatformClock> read(@HeaderParam("Authorization") String authorization) {
        return fanOut(authorization, null);
    }

    @POST
    @RolesAllowed("platform-ops")
    @Operation(summary = "Move every service's business clock at once (non-production only)")
    public Uni<PlatformClock> change(ClockChange change, @HeaderParam("Authorization") String authorization) {
        if (!controllable) {
            throw new NotFoundException("the platform clock cannot be changed in this environment");
        }
        int given = (change == null ? 0 : (change.instant() != null ? 1 : 0) + (change.advanceBy() != null ? 1 : 0)
                + (change.offset() != null ? 1 : 0));
        if (given != 1) {
            throw new BadRequestException("give exactly one of 'instant', 'advanceBy' (ISO-8601 duration, e.g. P3D) or 'offset'");
        }
        Duration target;
        if (change.instant() != null) {
            target = Duration.between(Instant.now(), change.instant());
        } else if (change.advanceBy() != null) {
            if (change.advanceBy().isNegative()) {
                throw new BadRequestException("advanceBy must not be negative; set an instant to go back");
            }
            target = offset.get().plus(change.advanceBy());
        } else {
            target = change.offset();
        }
        offset.set(target);
        return fanOut(authorization, new JsonObject().put("offset", target.toString()));
    }

    private Uni<PlatformClock> fanOut(String authorization, JsonObject body) {
        List<Upstreams.Upstream> upstreams = new ArrayList<>();
        proxy.upstreams().all().forEach(upstreams::add);
        List<Uni<String>> calls = upstreams.stream().map(u -> (body == null
                        ? client.get(u, "/internal/clock", authorization)
                        : client.put(u, "/internal/clock", authorization, body))
                .map(r -> r.statusCode() == 200 ? r.bodyAsJsonObject().getString("now") : "HTTP " + r.statusCode())
                .onFailure().recoverWithItem(e -> "unreachable: " + e.getMessage())).toList();
        return Uni.join().all(calls).andFailFast().map(results -> {
            Map<String, String> services = new LinkedHashMap<>();
            for (int i = 0; i < upstreams.size(); i++) {
                services.put(upstreams.get(i).name(), results.get(i));
            }
            return new PlatformClock(Instant.now().plus(offset.get()), offset.get(), services);
        });
    }
}
