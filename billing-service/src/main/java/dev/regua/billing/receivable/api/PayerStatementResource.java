package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.application.PayerStatements;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A payer's statement: what they owe today, what they paid and when, and how punctually. */
@Path("/api/billing/payers/{id}/statement")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "receivables picture")
public class PayerStatementResource {
    private final TenantContext tenant;
    private final PayerStatements statements;

    public PayerStatementResource(TenantContext tenant, PayerStatements statements) {
        this.tenant = tenant;
        this.statements = statements;
    }

    @GET
    @WithSession
    @Operation(summary = "The payer's statement: installments with the amount due today, payments, punctuality")
    public Uni<PayerStatements.Statement> statement(@PathParam("id") UUID payerId, @QueryParam("asOf") LocalDate asOf) {
        return statements.of(tenant.tenantId(), payerId, asOf);
    }
}
