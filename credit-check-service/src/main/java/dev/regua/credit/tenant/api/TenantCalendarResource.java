package dev.regua.credit.tenant.api;

import dev.regua.credit.tenant.application.TenantTimes;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What credit-check knows of the caller's business time: zone, today, and the bank holidays of this year. */
@Path("/api/credit/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "tenant calendar")
public class TenantCalendarResource {
    private final TenantContext tenant;
    private final TenantTimes times;
    private final Clock clock;

    public TenantCalendarResource(TenantContext tenant, TenantTimes times, Clock clock) {
        this.tenant = tenant;
        this.times = times;
        this.clock = clock;
    }

    /** {@code known} is false until billing's tenant profile arrived (then São Paulo time and national holidays). */
    public record CalendarView(String zone, boolean known, LocalDate today, boolean businessDay, List<HolidayView> holidays) {
    }

    public record HolidayView(LocalDate date, String name, String kind) {
    }

    @GET
    @WithSession
    @Operation(summary = "The tenant's zone, today and this year's bank holidays, as credit-check uses them")
    public Uni<CalendarView> get() {
        return times.of(tenant.tenantId()).map(t -> {
            LocalDate today = t.today(clock);
            return new CalendarView(t.zone().getId(), t.known(), today, t.calendar().isBusinessDay(today),
                    t.calendar().holidaysIn(today.getYear()).stream()
                            .map(h -> new HolidayView(h.date(), h.name(), h.kind().name())).toList());
        });
    }
}
