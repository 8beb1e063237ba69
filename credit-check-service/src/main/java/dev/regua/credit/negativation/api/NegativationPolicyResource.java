package dev.regua.credit.negativation.api;

import dev.regua.credit.bureau.domain.BureauName;
import dev.regua.credit.negativation.application.PolicyService;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/credit/negativation-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "negativação")
public class NegativationPolicyResource {
    private final TenantContext tenant;
    private final PolicyService policies;

    public NegativationPolicyResource(TenantContext tenant, PolicyService policies) {
        this.tenant = tenant;
        this.policies = policies;
    }

    /**
     * The tenant's negativação policy. The notice waits are at least 10 days (market practice after CDC art. 43
     * §2); São Paulo's 15 days is the default for SP residents.
     */
    public record PolicyRequest(@NotNull BureauName bureau,
                                @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal minimumAmount,
                                @NotNull @Min(10) @Max(90) Integer noticeWaitDays,
                                @NotNull @Min(10) @Max(90) Integer noticeWaitDaysSaoPaulo) {
    }

    @GET
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "The tenant's negativação policy (bureau, minimum amount, notice waits)")
    public Uni<PolicyService.TenantPolicy> get() {
        return policies.policyFor(tenant.tenantId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({"tenant-admin", "staff"})
    @Operation(summary = "Replace the tenant's negativação policy")
    public Uni<PolicyService.TenantPolicy> put(@Valid @NotNull PolicyRequest request) {
        return policies.update(tenant.tenantId(), new PolicyService.TenantPolicy(request.bureau(),
                request.minimumAmount().setScale(2, java.math.RoundingMode.UNNECESSARY), request.noticeWaitDays(),
                request.noticeWaitDaysSaoPaulo(), true), tenant.actor());
    }
}
