package dev.regua.credit.analysis.api;

import dev.regua.credit.analysis.domain.CreditLimit;
import dev.regua.credit.analysis.persistence.AnalysisRepository;
import dev.regua.credit.history.persistence.HistoryRepository;
import dev.regua.kernel.taxid.InvalidTaxIdException;
import dev.regua.kernel.taxid.TaxId;
import dev.regua.support.problem.InvalidInputException;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Credit limits: what the latest approved analysis granted, minus what open installments of the payer still
 * use. Billing or an integrator asks before creating a crediário ({@code ?amount=} answers {@code fits}).
 */
@Path("/api/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credit analysis")
public class LimitResource {
    private final TenantContext tenant;
    private final AnalysisRepository analyses;
    private final HistoryRepository history;
    private final Clock clock;
    private final Duration validity;

    public LimitResource(TenantContext tenant, AnalysisRepository analyses, HistoryRepository history, Clock clock,
                         @ConfigProperty(name = "regua.credit.limits.validity", defaultValue = "P180D") Duration validity) {
        this.tenant = tenant;
        this.analyses = analyses;
        this.history = history;
        this.clock = clock;
        this.validity = validity;
    }

    /** The limit of a CPF/CNPJ (payer or not yet), and whether {@code amount} fits when asked. */
    public record LimitView(String taxId, UUID payerId, CreditLimit.Status status, BigDecimal limit, BigDecimal used,
                            BigDecimal available, UUID analysisId, Instant grantedAt, Instant validUntil,
                            BigDecimal amount, Boolean fits) {
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
        BigDecimal amount = amount(amountText);
        String tenantId = tenant.tenantId();
        return analyses.payerByTaxId(tenantId, digits).chain(payerId -> limit(tenantId, digits, payerId, amount));
    }

    @GET
    @Path("/payers/{payerId}/limit")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "The payer's credit limit and availability")
    public Uni<LimitView> ofPayer(@PathParam("payerId") UUID payerId, @QueryParam("amount") String amountText) {
        BigDecimal amount = amount(amountText);
        String tenantId = tenant.tenantId();
        return analyses.taxIdOfPayer(tenantId, payerId).chain(digits -> digits == null
                ? Uni.createFrom().item(view(null, payerId, CreditLimit.of(null, null, null, BigDecimal.ZERO, clock.instant()), null, amount))
                : limit(tenantId, digits, payerId, amount));
    }

    private Uni<LimitView> limit(String tenantId, String digits, UUID payerId, BigDecimal amount) {
        Uni<BigDecimal> used = payerId == null ? Uni.createFrom().item(BigDecimal.ZERO) : history.openNominal(tenantId, payerId);
        return analyses.latestApproved(tenantId, digits).chain(a -> used.map(u -> {
            CreditLimit limit = a == null ? CreditLimit.of(null, null, null, u, clock.instant())
                    : CreditLimit.of(a.approvedLimit, a.decidedAt, a.decidedAt.plus(validity), u, clock.instant());
            return view(digits, payerId, limit, a == null ? null : a.id, amount);
        }));
    }

    private static LimitView view(String digits, UUID payerId, CreditLimit l, UUID analysisId, BigDecimal amount) {
        return new LimitView(digits, payerId, l.status(), l.limit(), l.used(), l.available(), analysisId, l.grantedAt(),
                l.validUntil(), amount, amount == null ? null : l.allows(amount));
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
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
