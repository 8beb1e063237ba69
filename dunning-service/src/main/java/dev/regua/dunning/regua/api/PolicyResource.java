package dev.regua.dunning.regua.api;

import dev.regua.dunning.regua.application.Policies;
import dev.regua.dunning.regua.application.PolicySimulation;
import dev.regua.dunning.regua.domain.PolicyStep;
import dev.regua.dunning.regua.domain.PolicyValidator;
import dev.regua.dunning.regua.domain.ReguaPolicy;
import dev.regua.dunning.regua.domain.Segment;
import dev.regua.dunning.regua.persistence.PolicyRepository;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's régua policies: CRUD with versions (an edit adds a version), validation and simulation of drafts. */
@Path("/api/dunning/policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"tenant-admin", "staff", "integrator"})
@Tag(name = "policies")
public class PolicyResource {
    private final TenantContext tenant;
    private final Policies policies;
    private final PolicySimulation simulation;

    public PolicyResource(TenantContext tenant, Policies policies, PolicySimulation simulation) {
        this.tenant = tenant;
        this.policies = policies;
        this.simulation = simulation;
    }

    /** A policy as written: its code (on creation), name, priority, segment and steps. */
    public record PolicyRequest(String code, String name, Integer priority, Segment segment, List<PolicyStep> steps) {
        ReguaPolicy.Definition definition() {
            return new ReguaPolicy.Definition(name, priority, segment, steps);
        }
    }

    public record PolicyView(String code, int version, boolean active, String name, int priority, Segment segment,
                             List<PolicyStep> steps, String createdBy, Instant createdAt) {
    }

    public record ValidationView(boolean valid, List<PolicyValidator.Violation> violations) {
    }

    private PolicyView view(PolicyRepository.StoredVersion v) {
        ReguaPolicy p = policies.toPolicy(v);
        return new PolicyView(p.code(), p.version(), v.active(), p.name(), p.priority(), p.segment(), p.steps(), v.createdBy(), v.createdAt());
    }

    @GET
    @WithSession
    @Operation(summary = "The tenant's policies, each at its current version")
    public Uni<List<PolicyView>> list() {
        return policies.listStored(tenant.tenantId()).map(l -> l.stream().map(this::view).toList());
    }

    @POST
    @WithTransaction
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Create a policy (version 1); refused with the rule named when it breaks the law")
    public Uni<Response> create(@NotNull PolicyRequest request) {
        return policies.create(tenant.tenantId(), request.code(), request.definition(), tenant.actor())
                .chain(p -> policies.version(tenant.tenantId(), p.code(), p.version()))
                .map(v -> Response.status(Response.Status.CREATED).entity(view(v)).build());
    }

    @GET
    @Path("/{code}")
    @WithSession
    @Operation(summary = "A policy at its current version")
    public Uni<PolicyView> get(@PathParam("code") String code) {
        return policies.current(tenant.tenantId(), code).chain(p -> policies.version(tenant.tenantId(), code, p.version())).map(this::view);
    }

    @PUT
    @Path("/{code}")
    @WithTransaction
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Edit a policy: stores the next version; running cases move to it at their next step")
    public Uni<PolicyView> update(@PathParam("code") String code, @NotNull PolicyRequest request) {
        return policies.update(tenant.tenantId(), code, request.definition(), tenant.actor())
                .chain(p -> policies.version(tenant.tenantId(), code, p.version())).map(this::view);
    }

    @DELETE
    @Path("/{code}")
    @WithTransaction
    @RolesAllowed("tenant-admin")
    @Operation(summary = "Deactivate a policy: no new case chooses it; its versions stay")
    public Uni<Response> deactivate(@PathParam("code") String code) {
        return policies.deactivate(tenant.tenantId(), code).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/{code}/versions")
    @WithSession
    @Operation(summary = "Every version of a policy, newest first")
    public Uni<List<PolicyView>> versions(@PathParam("code") String code) {
        return policies.versions(tenant.tenantId(), code).map(l -> l.stream().map(this::view).toList());
    }

    @GET
    @Path("/{code}/versions/{version}")
    @WithSession
    @Operation(summary = "One version of a policy")
    public Uni<PolicyView> version(@PathParam("code") String code, @PathParam("version") int version) {
        return policies.version(tenant.tenantId(), code, version).map(this::view);
    }

    @POST
    @Path("/validate")
    @WithSession
    @Operation(summary = "Dry run: every violation of a draft (structural, and legal rules by name); nothing is stored")
    public Uni<ValidationView> validate(@NotNull PolicyRequest request) {
        String code = request.code() == null ? "draft" : request.code();
        return policies.validate(tenant.tenantId(), code, request.definition()).map(v -> new ValidationView(v.isEmpty(), v));
    }

    @POST
    @Path("/simulate")
    @WithSession
    @Operation(summary = "What a draft policy would do to the tenant's current cases over the next N days; sends and writes nothing")
    public Uni<PolicySimulation.Outcome> simulate(@QueryParam("days") @DefaultValue("30") int days, @NotNull PolicyRequest request) {
        return simulation.simulate(tenant.tenantId(), request.code(), request.definition(), days);
    }
}
