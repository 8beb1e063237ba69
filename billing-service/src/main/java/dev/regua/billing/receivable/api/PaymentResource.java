package dev.regua.billing.receivable.api;

import dev.regua.billing.receivable.application.Payments;
import dev.regua.billing.receivable.domain.Installment;
import dev.regua.kernel.money.Money;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Payments: to one installment or to a payer, the payer's credit, reversal (estorno). */
@Path("/api/billing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "payments")
public class PaymentResource {
    private final TenantContext tenant;
    private final Payments payments;
    private final IdempotentRequests idempotency;

    public PaymentResource(TenantContext tenant, Payments payments, IdempotentRequests idempotency) {
        this.tenant = tenant;
        this.payments = payments;
        this.idempotency = idempotency;
    }

    public enum PaymentMethod { PIX, BOLETO, CARD, CASH, TRANSFER }

    public record RecordPayment(@NotNull @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
                                @NotNull PaymentMethod method,
                                @NotBlank @Size(max = 100) String externalId,
                                LocalDate paidOn) {
    }

    public record RecordPayerPayment(@NotNull @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount,
                                     @NotNull PaymentMethod method,
                                     @NotBlank @Size(max = 100) String externalId,
                                     LocalDate paidOn,
                                     @Size(max = 200) List<@NotNull UUID> installmentIds) {
    }

    /** Why, and optionally how much (absent: everything not yet reversed; less: an estorno parcial). */
    public record Reversal(@NotBlank @Size(max = 300) String reason,
                           @DecimalMin(value = "0.01", message = "must be greater than zero") @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimal places") BigDecimal amount) {
    }

    public record AllocationView(UUID installmentId, BigDecimal amount, LocalDate appliedOn, boolean reversed,
                                 String installmentStatus) {
    }

    public record PaymentView(UUID paymentId, boolean alreadyRecorded, UUID payerId, BigDecimal amount, String method,
                              String externalId, LocalDate paidOn, LocalDate reversedOn, String reversalReason,
                              BigDecimal reversedAmount, List<AllocationView> allocations, BigDecimal creditLeft, BigDecimal payerCreditBalance,
                              ReceivableResource.InstallmentView installment) {
        static PaymentView of(Payments.Outcome o) {
            var p = o.payment();
            Installment target = p.installmentId == null ? null : o.installments().get(p.installmentId);
            return new PaymentView(p.id, o.alreadyRecorded(), p.payerId, p.amount, p.method, p.externalId, p.paidOn,
                    p.reversedOn, p.reversalReason, p.reversedAmount,
                    o.allocations().stream().map(a -> new AllocationView(a.installmentId(), a.amount(), a.appliedOn(),
                            a.reversed(), o.installments().get(a.installmentId()).status().name())).toList(),
                    o.creditLeft().amount(), o.payerCredit().amount(),
                    target == null ? null : ReceivableResource.InstallmentView.of(target));
        }
    }

    public record CreditSource(UUID paymentId, String method, String externalId, LocalDate paidOn, BigDecimal available) {
    }

    public record CreditView(UUID payerId, BigDecimal balance, List<CreditSource> sources) {
    }

    @POST
    @Path("/installments/{id}/payments")
    @WithTransaction
    @Operation(summary = "Record a payment for one installment; what exceeds the amount due on paidOn is kept as the payer's credit. The same method + externalId is applied only once. Accepts an Idempotency-Key.")
    public Uni<Response> payInstallment(@PathParam("id") UUID id, @NotNull @Valid RecordPayment request,
                                        @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/installments/" + id + "/payments", request,
                () -> payments.payInstallment(tenantId, id, command(request.amount(), request.method(), request.externalId(), request.paidOn()))
                        .map(PaymentResource::response));
    }

    @POST
    @Path("/payers/{id}/payments")
    @WithTransaction
    @Operation(summary = "Record a payment for a payer: the payer's credit and this payment go to installmentIds in that order, or else to the open installments by due date, oldest first; the rest is kept as credit. Accepts an Idempotency-Key.")
    public Uni<Response> payPayer(@PathParam("id") UUID payerId, @NotNull @Valid RecordPayerPayment request,
                                  @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/payers/" + payerId + "/payments", request,
                () -> payments.payPayer(tenantId, payerId, command(request.amount(), request.method(), request.externalId(), request.paidOn()),
                        request.installmentIds()).map(PaymentResource::response));
    }

    @GET
    @Path("/payments/{id}")
    @WithSession
    @Operation(summary = "One payment: its allocations, the credit it left, and whether it was reversed")
    public Uni<PaymentView> get(@PathParam("id") UUID id) {
        return payments.get(tenant.tenantId(), id).map(PaymentView::of);
    }

    @POST
    @Path("/payments/{id}/reversal")
    @WithTransaction
    @Operation(summary = "Reverse a payment (estorno: chargeback, returned Pix, bounced boleto), whole or in part ({reason, amount?}): first the credit it left, then its allocations newest first; what it paid is owed again as far as it is taken back. Publishes payment.reversed. Accepts an Idempotency-Key.")
    public Uni<Response> reverse(@PathParam("id") UUID id, @NotNull @Valid Reversal request,
                                 @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/payments/" + id + "/reversal", request,
                () -> payments.reverse(tenantId, id, request.reason(), request.amount() == null ? null : Money.of(request.amount())).map(o -> Response.ok(PaymentView.of(o)).build()));
    }

    @GET
    @Path("/payers/{id}/credit")
    @WithTransaction
    @Operation(summary = "The payer's credit balance (over-payments not yet used) and the payments it comes from")
    public Uni<CreditView> credit(@PathParam("id") UUID payerId) {
        return payments.credit(tenant.tenantId(), payerId).map(c -> new CreditView(c.payerId(), c.balance().amount(),
                c.sources().stream().map(s -> new CreditSource(s.paymentId(), s.method(), s.externalId(), s.paidOn(),
                        s.available())).toList()));
    }

    private static Payments.PaymentCommand command(BigDecimal amount, PaymentMethod method, String externalId, LocalDate paidOn) {
        return new Payments.PaymentCommand(Money.of(amount), method.name(), externalId, paidOn);
    }

    private static Response response(Payments.Outcome o) {
        return Response.status(o.alreadyRecorded() ? Response.Status.OK : Response.Status.CREATED)
                .location(URI.create("/api/billing/payments/" + o.payment().id))
                .entity(PaymentView.of(o)).build();
    }
}
