package dev.regua.support.clock;

import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Time travel for demos and tests. Answers 404 unless {@code regua.clock.controllable=true}, which the production
 * profile never sets. The gateway fans one call out to every service so that all move together.
 */
@Path("/internal/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "platform")
public class ClockResource {
    private final PlatformClock clock;
    private final boolean controllable;

    public ClockResource(PlatformClock clock, @ConfigProperty(name = "regua.clock.controllable", defaultValue = "false") boolean controllable) {
        this.clock = clock;
        this.controllable = controllable;
    }

    /** What the clock says now. */
    public record ClockState(Instant now, Duration offset) {
    }

    /** Either an absolute {@code offset} from real time or an {@code instant} the clock should read now. */
    public record ClockChange(Duration offset, Instant instant) {
    }

    @GET
    @RolesAllowed("platform-ops")
    @Operation(summary = "Read the service's business clock")
    public ClockState read() {
        return new ClockState(clock.instant(), clock.offset());
    }

    @PUT
    @RolesAllowed("platform-ops")
    @Operation(summary = "Move the service's business clock (non-production only)")
    public Uni<ClockState> change(ClockChange change) {
        if (!controllable) {
            throw new ResourceNotFoundException("the clock of this service cannot be changed");
        }
        if (change == null || (change.offset() == null) == (change.instant() == null)) {
            throw new dev.regua.support.problem.InvalidInputException("offset",
                    "give exactly one of 'offset' (ISO-8601 duration) or 'instant'");
        }
        if (change.offset() != null) {
            clock.setOffset(change.offset());
        } else {
            clock.setTo(change.instant());
        }
        return Uni.createFrom().item(read());
    }
}
