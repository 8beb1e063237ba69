package dev.regua.credit.limit.api;

import dev.regua.credit.analysis.persistence.AnalysisRepository;
import dev.regua.credit.limit.application.LimitService;
import dev.regua.credit.limit.domain.CreditLimit;
import dev.regua.kernel.taxid.InvalidTaxIdException;
import dev.regua.kernel.taxid.TaxId;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Credit limits: the one staff set for a payer (with its history), else what the latest approved analysis granted;
 * the payer's open plans use it. Billing or an integrator asks before creating a crediário
 * ({@code /availability?amount=}, or {@code ?amount=} on the limit reads).
 */
@Path("/api/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credit limits")
public class LimitResource {
    private final TenantContext tenant;
    private final AnalysisRepository analyses;
    private final LimitService limits;

    public LimitResource(TenantContext tenant, AnalysisRepository analyses, LimitService limits) {
        this.tenant = tenant;
        this.analyses = analyses;
        this.limits = limits;
    }

    /**
     * The limit of a CPF/CNPJ (payer or not yet). {@code source}: MANAGED (set by staff), ANALYSIS or NONE;
     * {@code used} = {@code exposure}: what open plans take; with {@code amount}, whether it {@code fits} and why.
     */
    public record LimitView(String taxId, UUID payerId, CreditLimit.Status status, CreditLimit.Source source, BigDecimal limit,
                            BigDecimal used, BigDecimal exposure, BigDecimal owedOnInstallments, BigDecimal notYetBilled,
                            BigDecimal available, UUID analysisId, Instant grantedAt, Instant validUntil, String setBy,
                            String reason, BigDecimal amount, Boolean fits, List<String> reasons) {
    }

    /** A change of the limit staff set. */
    public record LimitRequest(@NotNull BigDecimal amount, @NotBlank @Size(max = 300) String reason) {
    }

    public record LimitChangeView(BigDecimal previousAmount, BigDecimal amount, String reason, String changedBy, Instant changedAt) {
    }

    @GET
    @Path("/limits")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "The credit limit and availability of a CPF/CNPJ (optionally: does this amount fit?)")
    public Uni<LimitView> byTaxId(@QueryParam("taxId") String taxId, @QueryParam("amount") String amountText) {
        if (taxId == null || taxId.isBlank()) {
            throw new InvalidInputException("taxId", "is required");
        }
        String digits;
        try {
            digits = TaxId.parse(taxId).digits();
        } catch (InvalidTaxIdException e) {
            throw new InvalidInputException("taxId", e.getMessage());
        }
        BigDecimal amount = amount(amountText, false);
        String tenantId = tenant.tenantId();
        return analyses.payerByTaxId(tenantId, digits).chain(payerId -> limits.limit(tenantId, digits, payerId))
                .map(a -> view(a, amount));
    }

    @GET
    @Path("/payers/{payerId}/limit")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "The payer's credit limit and availability")
    public Uni<LimitView> ofPayer(@PathParam("payerId") UUID payerId, @QueryParam("amount") String amountText) {
        BigDecimal amount = amount(amountText, false);
        return limits.ofPayer(tenant.tenantId(), payerId).map(a -> view(a, amount));
    }

    @GET
    @Path("/payers/{payerId}/availability")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "Does a new plan of this amount fit the payer's limit? (available = limit − open plans), with reasons")
    public Uni<LimitView> availability(@PathParam("payerId") UUID payerId, @QueryParam("amount") String amountText) {
        BigDecimal amount = amount(amountText, true);
        return limits.ofPayer(tenant.tenantId(), payerId).map(a -> view(a, amount));
    }

    @PUT
    @Path("/payers/{payerId}/limit")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({"staff", "tenant-admin"})
    @Operation(summary = "Set or change the payer's credit limit (kept in its history with who, when and why)")
    public Uni<LimitView> set(@PathParam("payerId") UUID payerId, @Valid @NotNull LimitRequest request) {
        BigDecimal amount = request.amount();
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", "must be zero or a positive amount with at most two decimals, e.g. 2500.00");
        }
        if (amount.compareTo(new BigDecimal("999999999999.99")) > 0) {
            throw new InvalidInputException("amount", "is too large");
        }
        return limits.set(tenant.tenantId(), payerId, amount, request.reason().trim(), tenant.actor()).map(a -> view(a, null));
    }

    @DELETE
    @Path("/payers/{payerId}/limit")
    @WithTransaction
    @RolesAllowed({"staff", "tenant-admin"})
    @Operation(summary = "Remove the limit staff set: the latest approved analysis' limit applies again")
    public Uni<LimitView> clear(@PathParam("payerId") UUID payerId, @QueryParam("reason") String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw new InvalidInputException("reason", "is required (at most 300 characters)");
        }
        return limits.clear(tenant.tenantId(), payerId, reason.trim(), tenant.actor()).map(a -> view(a, null));
    }

    @GET
    @Path("/payers/{payerId}/limit/history")
    @WithSession
    @RolesAllowed({"staff", "tenant-admin"})
    @Operation(summary = "Every change of the payer's managed limit, newest first")
    public Uni<List<LimitChangeView>> history(@PathParam("payerId") UUID payerId) {
        return limits.changes(tenant.tenantId(), payerId).map(list -> list.stream()
                .map(c -> new LimitChangeView(c.previousAmount, c.amount, c.reason, c.changedBy, c.changedAt)).toList());
    }

    private static LimitView view(LimitService.LimitAnswer a, BigDecimal amount) {
        CreditLimit l = a.limit();
        CreditLimit.Availability check = amount == null ? null : l.check(amount);
        return new LimitView(a.taxId(), a.payerId(), l.status(), l.source(), l.limit(), l.used(), l.used(),
                a.exposure().owedOnInstallments(), a.exposure().notYetBilled(), l.available(), a.analysisId(), l.grantedAt(),
                l.validUntil(), a.setBy(), a.reason(), amount, check == null ? null : check.fits(),
                check == null ? List.of() : check.reasons());
    }

    private static BigDecimal amount(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidInputException("amount", "is required: the amount of the new plan, e.g. 1500.00");
            }
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.trim());
            if (amount.signum() > 0 && amount.scale() <= 2) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("amount", "must be a positive amount with at most two decimals, e.g. 1500.00");
    }
}
