package dev.regua.dunning.regua.api;

import dev.regua.dunning.regua.persistence.DunningRepository;
import dev.regua.dunning.regua.persistence.ScheduledStepEntity;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/dunning/payers/{payerId}/steps")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "régua")
public class TimelineResource {
    private final TenantContext tenant;
    private final DunningRepository repository;

    public TimelineResource(TenantContext tenant, DunningRepository repository) {
        this.tenant = tenant;
        this.repository = repository;
    }

    public record StepView(UUID id, UUID installmentId, String stepCode, LocalDateTime effectiveLocal,
                           LocalDateTime notAfterLocal, String status, String outcome, Instant executedAt) {
        static StepView of(ScheduledStepEntity s) {
            return new StepView(s.id, s.installmentId, s.stepCode, s.effectiveLocal, s.notAfterLocal, s.status,
                    s.outcome, s.executedAt);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "The régua steps planned, executed, skipped or cancelled for a payer's installments")
    public Uni<List<StepView>> steps(@PathParam("payerId") UUID payerId) {
        return repository.stepsOfPayer(tenant.tenantId(), payerId)
                .map(list -> list.stream().map(StepView::of).toList());
    }
}
