package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.application.WriteOffs;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff write an overdue installment off as a loss (baixa por perda). */
@Path("/api/billing/installments/{id}/write-off")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "tenant-admin"})
@Tag(name = "receivables")
public class WriteOffResource {
    private final TenantContext tenant;
    private final WriteOffs writeOffs;
    private final IdempotentRequests idempotency;

    public WriteOffResource(TenantContext tenant, WriteOffs writeOffs, IdempotentRequests idempotency) {
        this.tenant = tenant;
        this.writeOffs = writeOffs;
        this.idempotency = idempotency;
    }

    public record WriteOff(@NotBlank @Size(max = 300) String reason) {
    }

    @POST
    @WithTransaction
    @Operation(summary = "Write an OVERDUE installment off as a loss, with a reason; 422 write-off-requires-overdue otherwise. Publishes installment.written-off. Accepts an Idempotency-Key.")
    public Uni<Response> writeOff(@PathParam("id") UUID id, @NotNull @Valid WriteOff request,
                                  @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/installments/" + id + "/write-off", request,
                () -> writeOffs.writeOff(tenantId, id, request.reason())
                        .map(i -> Response.ok(ReceivableResource.InstallmentView.of(i)).build()));
    }
}
