package dev.regua.billing.agreement.api;

import dev.regua.billing.agreement.application.Agreements;
import dev.regua.billing.agreement.domain.Proposal;
import dev.regua.billing.agreement.domain.RenegotiationPolicy;
import dev.regua.billing.agreement.persistence.AgreementEntity;
import dev.regua.billing.receivable.api.ReceivableResource;
import dev.regua.kernel.money.Money;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Renegotiation (acordo): the tenant's policy, quotes and agreements. */
@Path("/api/billing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "agreements")
public class AgreementResource {
    private final TenantContext tenant;
    private final Agreements agreements;
    private final IdempotentRequests idempotency;

    public AgreementResource(TenantContext tenant, Agreements agreements, IdempotentRequests idempotency) {
        this.tenant = tenant;
        this.agreements = agreements;
        this.idempotency = idempotency;
    }

    public record PolicyBody(@NotNull @Min(value = 1, message = "must be between 1 and 60") @Max(value = 60, message = "must be between 1 and 60") Integer maxInstallments,
                             @NotNull @DecimalMin(value = "1", message = "must be between 1 and 90") @DecimalMax(value = "90", message = "must be between 1 and 90") @Digits(integer = 3, fraction = 2) BigDecimal minDownPaymentPercent,
                             @NotNull @DecimalMin(value = "0", message = "must be between 0 and 100") @DecimalMax(value = "100", message = "must be between 0 and 100") @Digits(integer = 3, fraction = 2) BigDecimal fineDiscountPercent,
                             @NotNull @DecimalMin(value = "0", message = "must be between 0 and 100") @DecimalMax(value = "100", message = "must be between 0 and 100") @Digits(integer = 3, fraction = 2) BigDecimal interestDiscountPercent,
                             @NotNull @Min(value = 1, message = "must be between 1 and 30") @Max(value = 30, message = "must be between 1 and 30") Integer downPaymentDays) {
    }

    public record PolicyView(int maxInstallments, BigDecimal minDownPaymentPercent, BigDecimal fineDiscountPercent,
                             BigDecimal interestDiscountPercent, int downPaymentDays, boolean isDefault) {
        static PolicyView of(Agreements.Policy p) {
            var r = p.policy();
            return new PolicyView(r.maxInstallments(), r.minDownPaymentPercent(), r.fineDiscountPercent(),
                    r.interestDiscountPercent(), r.downPaymentDays(), p.isDefault());
        }
    }

    public record AgreementRequest(@NotNull UUID payerId,
                                   @NotEmpty @Size(max = 200) List<@NotNull UUID> installmentIds,
                                   @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 120, message = "must be at most 120") Integer installments,
                                   @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal downPayment,
                                   LocalDate firstDueDate) {
    }

    public record LineView(UUID installmentId, LocalDate originalDueDate, BigDecimal nominal, BigDecimal fine,
                           BigDecimal interest, BigDecimal alreadyPaid, BigDecimal debt, BigDecimal discount, int daysLate) {
    }

    public record QuoteView(LocalDate date, List<LineView> installments, BigDecimal originalDebt, BigDecimal discount,
                            BigDecimal total, BigDecimal minimumDownPayment, BigDecimal downPayment,
                            LocalDate downPaymentDeadline, int installmentCount, LocalDate firstDueDate,
                            List<BigDecimal> installmentAmounts) {
        static QuoteView of(Proposal p) {
            return new QuoteView(p.on(), p.lines().stream().map(l -> new LineView(l.installment().id(),
                            l.installment().originalDueDate(), l.due().nominal().amount(), l.due().fine().amount(),
                            l.due().interest().amount(), l.due().alreadyPaid().amount(), l.debt().amount(),
                            l.discount().amount(), l.due().daysLate())).toList(),
                    p.originalDebt().amount(), p.discount().amount(), p.total().amount(), p.minimumDownPayment().amount(),
                    p.downPayment().amount(), p.downPaymentDeadline(), p.installments(), p.firstDueDate(),
                    p.installmentAmounts().stream().map(Money::amount).toList());
        }
    }

    public record AgreementView(UUID id, UUID payerId, UUID contractId, String status, BigDecimal originalDebt,
                                BigDecimal discount, BigDecimal total, BigDecimal downPayment, int installmentCount,
                                LocalDate downPaymentDeadline, LocalDate createdOn, LocalDate closedOn,
                                List<UUID> originalInstallmentIds, List<ReceivableResource.InstallmentView> plan) {
        static AgreementView of(AgreementEntity a, List<UUID> originals, List<dev.regua.billing.receivable.domain.Installment> plan) {
            return new AgreementView(a.id, a.payerId, a.contractId, a.status, a.originalDebt, a.discount, a.total,
                    a.downPayment, a.installmentCount, a.downPaymentDeadline, a.createdOn, a.closedOn, originals,
                    plan.stream().map(ReceivableResource.InstallmentView::of).toList());
        }
    }

    @GET
    @Path("/renegotiation-policy")
    @WithSession
    @Operation(summary = "The tenant's renegotiation policy (the default until one is set)")
    public Uni<PolicyView> policy() {
        return agreements.policy(tenant.tenantId()).map(PolicyView::of);
    }

    @PUT
    @Path("/renegotiation-policy")
    @WithTransaction
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Set the tenant's renegotiation policy: maximum installments, minimum down payment %, discount % on fine and on interest, days to pay the down payment")
    public Uni<PolicyView> changePolicy(@NotNull @Valid PolicyBody body) {
        return agreements.changePolicy(tenant.tenantId(), new RenegotiationPolicy(body.maxInstallments(),
                body.minDownPaymentPercent(), body.fineDiscountPercent(), body.interestDiscountPercent(),
                body.downPaymentDays())).map(PolicyView::of);
    }

    @POST
    @Path("/agreements/quote")
    @WithTransaction
    @Operation(summary = "Quote an agreement for overdue installments: each one's debt updated to today, the policy's discount, the total, the down payment and the installments. Writes nothing. Accepts an Idempotency-Key.")
    public Uni<Response> quote(@NotNull @Valid AgreementRequest request,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/agreements/quote", request,
                () -> agreements.quote(tenantId, command(request))
                        .map(p -> Response.ok(QuoteView.of(p)).build()));
    }

    @POST
    @Path("/agreements")
    @WithTransaction
    @Operation(summary = "Make an agreement (acordo): the overdue installments become RENEGOTIATED and a new plan (down payment + N installments) replaces them. 422 with the rule when the policy is broken. Accepts an Idempotency-Key.")
    public Uni<Response> create(@NotNull @Valid AgreementRequest request,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/agreements", request,
                () -> agreements.create(tenantId, command(request)).map(c -> Response
                        .created(URI.create("/api/billing/agreements/" + c.agreement().id))
                        .entity(AgreementView.of(c.agreement(), request.installmentIds(), c.plan())).build()));
    }

    @GET
    @Path("/agreements/{id}")
    @WithSession
    @Operation(summary = "One agreement: status (ACTIVE, PAID, BROKEN), amounts, the originals and the plan's installments")
    public Uni<AgreementView> get(@PathParam("id") UUID id) {
        return agreements.get(tenant.tenantId(), id).map(d -> AgreementView.of(d.agreement(), d.originals(), d.plan()));
    }

    private static Agreements.Request command(AgreementRequest r) {
        return new Agreements.Request(r.payerId(), r.installmentIds(), r.installments(),
                r.downPayment() == null ? null : Money.of(r.downPayment()), r.firstDueDate());
    }
}
