package dev.regua.credit.negativation.api;

import dev.regua.credit.negativation.application.NegativationService;
import dev.regua.credit.negativation.application.PolicyService;
import dev.regua.credit.negativation.domain.NegativationRules;
import dev.regua.credit.negativation.persistence.NegativationEntity;
import dev.regua.credit.negativation.persistence.NegativationRepository;
import dev.regua.support.problem.ResourceNotFoundException;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "negativação")
public class NegativationResource {
    private final TenantContext tenant;
    private final NegativationRepository repository;
    private final NegativationService negativations;
    private final PolicyService policies;

    public NegativationResource(TenantContext tenant, NegativationRepository repository, NegativationService negativations,
                                PolicyService policies) {
        this.tenant = tenant;
        this.repository = repository;
        this.negativations = negativations;
        this.policies = policies;
    }

    /** Why the debtor disputes the debt. */
    public record DisputeRequest(@NotBlank @Size(max = 300) String reason) {
    }

    /** How staff resolved a dispute: UPHELD (the debtor was right) or REJECTED (the debt stands), and why. */
    public record ResolutionRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 280) String note) {
    }

    public enum Outcome {
        UPHELD, REJECTED
    }

    @GET
    @Path("/payers/{payerId}/negativations")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "The payer's negativações (registrations at credit bureaus) with their history")
    public Uni<List<NegativationView>> ofPayer(@PathParam("payerId") UUID payerId) {
        String tenantId = tenant.tenantId();
        return policies.policyFor(tenantId).chain(policy -> repository.ofPayer(tenantId, payerId).chain(list -> {
            List<NegativationView> out = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (NegativationEntity n : list) {
                chain = chain.chain(() -> view(n, policy.rules()).invoke(out::add).replaceWithVoid());
            }
            return chain.replaceWith(out);
        }));
    }

    @GET
    @Path("/negativations/{id}")
    @WithSession
    @RolesAllowed({"integrator", "staff", "tenant-admin"})
    @Operation(summary = "One negativação with its debts, notice proof and history")
    public Uni<NegativationView> get(@PathParam("id") UUID id) {
        String tenantId = tenant.tenantId();
        return policies.policyFor(tenantId).chain(policy -> repository.negativation(tenantId, id).chain(n -> {
            if (n == null) {
                throw new ResourceNotFoundException("no negativação " + id);
            }
            return view(n, policy.rules());
        }));
    }

    @POST
    @Path("/negativations/{id}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({"staff", "tenant-admin"})
    @Operation(summary = "Record the debtor's dispute: suspends the negativação (a registration is taken down)")
    public Uni<NegativationView> dispute(@PathParam("id") UUID id, @Valid @NotNull DisputeRequest request) {
        String tenantId = tenant.tenantId();
        return negativations.dispute(tenantId, id, request.reason())
                .chain(n -> policies.policyFor(tenantId).chain(policy -> view(n, policy.rules())));
    }

    @POST
    @Path("/negativations/{id}/dispute/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({"staff", "tenant-admin"})
    @Operation(summary = "Resolve the debtor's dispute: UPHELD ends the negativação (REMOVED), REJECTED restores the registration")
    public Uni<NegativationView> resolveDispute(@PathParam("id") UUID id, @Valid @NotNull ResolutionRequest request) {
        String tenantId = tenant.tenantId();
        return negativations.resolveDispute(tenantId, id, request.outcome() == Outcome.UPHELD, request.note().trim())
                .chain(n -> policies.policyFor(tenantId).chain(policy -> view(n, policy.rules())));
    }

    private Uni<NegativationView> view(NegativationEntity n, NegativationRules.Policy policy) {
        return repository.debts(n.id).chain(debts -> repository.history(n.id)
                .map(history -> NegativationView.of(n, debts, history, policy)));
    }
}
