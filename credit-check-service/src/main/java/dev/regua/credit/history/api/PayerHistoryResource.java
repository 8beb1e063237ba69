package dev.regua.credit.history.api;

import dev.regua.credit.history.domain.PayerHistory;
import dev.regua.credit.history.persistence.HistoryRepository;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/credit/payers/{payerId}/history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "payer history")
public class PayerHistoryResource {
    private final TenantContext tenant;
    private final HistoryRepository history;

    public PayerHistoryResource(TenantContext tenant, HistoryRepository history) {
        this.tenant = tenant;
        this.history = history;
    }

    @GET
    @WithSession
    @Operation(summary = "The payer's punctuality with this tenant (share paid on time, average days late, overdue now)")
    public Uni<PayerHistory> get(@PathParam("payerId") UUID payerId) {
        return history.ofPayer(tenant.tenantId(), payerId).map(list -> PayerHistory.of(list.stream()
                .map(e -> new PayerHistory.Entry(e.nominal, e.dueDate, e.status, e.paidOn)).toList()));
    }
}
