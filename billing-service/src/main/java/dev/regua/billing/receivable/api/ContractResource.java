package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.application.ContractLifecycle;
import dev.regua.billing.receivable.domain.Contract;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contracts: what the payer agreed, and their lifecycle (activate, suspend, cancel). */
@Path("/api/billing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "contracts")
public class ContractResource {
    private final TenantContext tenant;
    private final ContractLifecycle lifecycle;
    private final IdempotentRequests idempotency;

    public ContractResource(TenantContext tenant, ContractLifecycle lifecycle, IdempotentRequests idempotency) {
        this.tenant = tenant;
        this.lifecycle = lifecycle;
        this.idempotency = idempotency;
    }

    /** Why a contract is suspended or cancelled (shown to staff and sent in the event). */
    public record Reason(@NotBlank @Size(max = 300) String reason) {
    }

    public record ContractView(UUID id, UUID payerId, String kind, String status, String description,
                               BigDecimal totalAmount, int installmentCount, BigDecimal finePercent,
                               BigDecimal monthlyInterestPercent, int graceDays, DiscountView punctualityDiscount,
                               String segment, LocalDate signedOn,
                               String evidenceRef, LocalDate activatedOn, LocalDate statusChangedOn, String statusReason,
                               Integer dueDay, LocalDate generatedThrough,
                               List<ReceivableResource.InstallmentView> installments) {
        static ContractView of(ContractLifecycle.ContractWithInstallments c) {
            Contract k = c.contract();
            return new ContractView(k.id(), k.payerId(), k.kind().name(), k.status().name(), k.description(),
                    k.total().amount(), k.installmentCount(), k.terms().finePercent(), k.terms().monthlyInterestPercent(),
                    k.terms().graceDays(), k.punctualityDiscount() == null ? null
                            : new DiscountView(k.punctualityDiscount().percent(), k.punctualityDiscount().daysBeforeDueDate()),
                    k.agreement().segment(), k.agreement().signedOn(), k.agreement().evidenceRef(),
                    k.activatedOn(), k.statusChangedOn(), k.statusReason(), c.row().dueDay, c.row().generatedThrough,
                    c.installments().stream().map(ReceivableResource.InstallmentView::of).toList());
        }
    }

    /** The contract's punctuality discount rule: percent off when paid up to that many days before each due date. */
    public record DiscountView(BigDecimal percent, int daysBeforeDueDate) {
    }

    @GET
    @Path("/contracts/{id}")
    @WithSession
    @Operation(summary = "A contract: kind, status, the agreed terms and its installments")
    public Uni<ContractView> get(@PathParam("id") UUID id) {
        return lifecycle.get(tenant.tenantId(), id).map(ContractView::of);
    }

    @POST
    @Path("/contracts/{id}/activate")
    @WithTransaction
    @Operation(summary = "Activate a suspended contract (a monthly fee is generated again from the current month). Publishes contract.activated. Accepts an Idempotency-Key.")
    public Uni<Response> activate(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/contracts/" + id + "/activate", "",
                () -> lifecycle.activate(tenantId, id).map(c -> Response.ok(ContractView.of(c)).build()));
    }

    @POST
    @Path("/contracts/{id}/suspend")
    @WithTransaction
    @Operation(summary = "Suspend an active contract: no new monthly fees are generated; what is owed stays owed. Publishes contract.suspended. Accepts an Idempotency-Key.")
    public Uni<Response> suspend(@PathParam("id") UUID id, @NotNull @Valid Reason request,
                                 @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/contracts/" + id + "/suspend", request,
                () -> lifecycle.suspend(tenantId, id, request.reason()).map(c -> Response.ok(ContractView.of(c)).build()));
    }

    @POST
    @Path("/contracts/{id}/cancel")
    @WithTransaction
    @Operation(summary = "Cancel a contract: its installments not yet overdue and not paid are cancelled (installment.cancelled each); overdue and partially paid ones stay owed. Publishes contract.cancelled. Accepts an Idempotency-Key.")
    public Uni<Response> cancel(@PathParam("id") UUID id, @NotNull @Valid Reason request,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/contracts/" + id + "/cancel", request,
                () -> lifecycle.cancel(tenantId, id, request.reason()).map(c -> Response.ok(ContractView.of(c)).build()));
    }
}
