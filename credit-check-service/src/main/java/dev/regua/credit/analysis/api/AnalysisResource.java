package dev.regua.credit.analysis.api;

import dev.regua.credit.analysis.application.CreditAnalysisService;
import dev.regua.credit.analysis.domain.CreditPolicy;
import dev.regua.credit.analysis.persistence.AnalysisRepository;
import dev.regua.credit.analysis.persistence.CreditConsultationEntity;
import dev.regua.kernel.taxid.InvalidTaxIdException;
import dev.regua.kernel.taxid.TaxId;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credit analysis")
public class AnalysisResource {
    private final TenantContext tenant;
    private final CreditAnalysisService analyses;
    private final AnalysisRepository repository;

    public AnalysisResource(TenantContext tenant, CreditAnalysisService analyses, AnalysisRepository repository) {
        this.tenant = tenant;
        this.analyses = analyses;
        this.repository = repository;
    }

    /** Why the person's credit data is consulted (LGPD: the purpose is recorded with every consultation). */
    public enum Purpose {
        INSTALLMENT_PLAN, CREDIT_SALE, RENEGOTIATION, LIMIT_REVIEW
    }

    public record AnalysisRequest(@NotBlank String taxId,
                                  @NotNull @DecimalMin("0.01") @DecimalMax("1000000.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                                  @NotNull @Min(1) @Max(120) Integer installments,
                                  @NotNull Purpose purpose) {
    }

    public record PolicyRequest(@NotNull @Min(0) @Max(1000) Integer denyBelowScore,
                                @NotNull @Min(0) @Max(1000) Integer reviewBelowScore,
                                @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal maxRestrictedAmount,
                                @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal maxOverdueWithTenant,
                                @NotNull @DecimalMin("0.0000") @DecimalMax("1.0000") @Digits(integer = 1, fraction = 4) BigDecimal minOnTimeShare,
                                @NotNull @Min(1) @Max(120) Integer maxInstallments,
                                @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal limitPerThousandScore) {
    }

    /** One use of a person's credit data. */
    public record ConsultationView(UUID id, String taxId, String bureau, String source, String purpose, String requestedBy,
                                   UUID analysisId, Instant consultedAt) {
    }

    @POST
    @Path("/analyses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "Analyse a credit request: bureau score and restrictions, the payer's history, the tenant's thresholds")
    public Response analyse(@Valid @NotNull AnalysisRequest request) throws Throwable {
        String digits;
        try {
            digits = TaxId.parse(request.taxId()).digits();
        } catch (InvalidTaxIdException e) {
            throw new InvalidInputException("taxId", e.getMessage());
        }
        var analysis = analyses.analyse(tenant.tenantId(), tenant.actor(), new CreditAnalysisService.Request(digits,
                request.amount().setScale(2, RoundingMode.UNNECESSARY), request.installments(), request.purpose().name()));
        return Response.created(URI.create("/api/credit/analyses/" + analysis.id)).entity(AnalysisView.of(analysis)).build();
    }

    @GET
    @Path("/analyses")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "The tenant's analyses, newest first (optionally of one CPF/CNPJ)")
    public Uni<List<AnalysisView>> list(@QueryParam("taxId") String taxId) {
        return repository.analyses(tenant.tenantId(), digitsOrNull(taxId), 200).map(list -> list.stream().map(AnalysisView::of).toList());
    }

    @GET
    @Path("/analyses/{id}")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "One analysis")
    public Uni<AnalysisView> get(@PathParam("id") UUID id) {
        return repository.analysis(tenant.tenantId(), id).map(a -> {
            if (a == null) {
                throw new ResourceNotFoundException("no analysis " + id);
            }
            return AnalysisView.of(a);
        });
    }

    @GET
    @Path("/consultations")
    @WithSession
    @RolesAllowed({"staff", "tenant-admin"})
    @Operation(summary = "LGPD audit: every consultation of credit data, who asked, when and why")
    public Uni<List<ConsultationView>> consultations(@QueryParam("taxId") String taxId) {
        return repository.consultations(tenant.tenantId(), digitsOrNull(taxId), 500).map(list -> list.stream()
                .map(AnalysisResource::view).toList());
    }

    @GET
    @Path("/analysis-policy")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "The tenant's credit-analysis thresholds")
    public Uni<CreditPolicy> policy() {
        return analyses.policyFor(tenant.tenantId());
    }

    @PUT
    @Path("/analysis-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({"tenant-admin"})
    @Operation(summary = "Replace the tenant's credit-analysis thresholds")
    public Uni<CreditPolicy> updatePolicy(@Valid @NotNull PolicyRequest r) {
        if (r.denyBelowScore() > r.reviewBelowScore()) {
            throw new InvalidInputException("denyBelowScore", "must not be above reviewBelowScore");
        }
        return analyses.updatePolicy(tenant.tenantId(), new CreditPolicy(r.denyBelowScore(), r.reviewBelowScore(),
                r.maxRestrictedAmount(), r.maxOverdueWithTenant(), r.minOnTimeShare(), r.maxInstallments(),
                r.limitPerThousandScore()), tenant.actor());
    }

    private static String digitsOrNull(String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return null;
        }
        try {
            return TaxId.parse(taxId).digits();
        } catch (InvalidTaxIdException e) {
            throw new InvalidInputException("taxId", e.getMessage());
        }
    }

    private static ConsultationView view(CreditConsultationEntity c) {
        return new ConsultationView(c.id, c.taxId, c.bureau, c.source, c.purpose, c.requestedBy, c.analysisId, c.consultedAt);
    }
}
