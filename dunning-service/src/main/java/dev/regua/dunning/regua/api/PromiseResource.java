package dev.regua.dunning.regua.api;

import dev.regua.dunning.regua.application.Promises;
import dev.regua.dunning.regua.persistence.PromiseEntity;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/dunning/payers/{payerId}/promises")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "promises")
public class PromiseResource {
    private final TenantContext tenant;
    private final Promises promises;

    public PromiseResource(TenantContext tenant, Promises promises) {
        this.tenant = tenant;
        this.promises = promises;
    }

    public record RecordPromise(@NotNull LocalDate promisedDate,
                                @NotNull @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount) {
    }

    public record PromiseView(UUID id, LocalDate promisedDate, BigDecimal amount, int graceDays, String status,
                              String createdBy, Instant createdAt, Instant resolvedAt) {
        static PromiseView of(PromiseEntity p) {
            return new PromiseView(p.id, p.promisedDate, p.amount, p.graceDays, p.status, p.createdBy, p.createdAt, p.resolvedAt);
        }
    }

    @POST
    @WithTransaction
    @Operation(summary = "Record a promise to pay (promessa de pagamento): the payer's régua waits until it is kept or broken")
    public Uni<Response> record(@PathParam("payerId") UUID payerId, @NotNull @Valid RecordPromise request) {
        return promises.record(tenant.tenantId(), payerId, request.promisedDate(), request.amount(), tenant.actor())
                .map(p -> Response.status(Response.Status.CREATED).entity(PromiseView.of(p)).build());
    }

    @GET
    @WithSession
    @Operation(summary = "The payer's promises, newest first")
    public Uni<List<PromiseView>> list(@PathParam("payerId") UUID payerId) {
        return promises.ofPayer(tenant.tenantId(), payerId).map(l -> l.stream().map(PromiseView::of).toList());
    }
}
