package dev.regua.billing.payer.api;

import dev.regua.billing.payer.domain.Payer;
import dev.regua.billing.payer.persistence.PayerRepository;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.kernel.taxid.TaxId;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import dev.regua.kernel.address.Uf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/billing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "payers")
public class PayerResource {
    private final TenantContext tenant;
    private final PayerRepository payers;
    private final TenantRepository tenants;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public PayerResource(TenantContext tenant, PayerRepository payers, TenantRepository tenants, OutboxWriter outbox,
                         Clock clock, IdempotentRequests idempotency) {
        this.idempotency = idempotency;
        this.tenant = tenant;
        this.payers = payers;
        this.tenants = tenants;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record RegisterPayer(@NotBlank @Size(max = 200) String name,
                                @NotBlank String taxId,
                                @Email @Size(max = 254) String email,
                                @Pattern(regexp = "\\+?\\d{10,15}", message = "must be a phone number with DDD, e.g. +5519991234567") String mobile,
                                @NotNull @Pattern(regexp = Uf.PATTERN, message = Uf.MESSAGE) String state) {
    }

    public record PayerView(UUID id, String name, String taxId, String email, String mobile, String state) {
        static PayerView of(Payer p) {
            return new PayerView(p.id(), p.name(), p.taxId().formatted(), p.email(), p.mobile(), p.state());
        }
    }

    public record UpdatePayer(@NotBlank @Size(max = 200) String name,
                              @Email @Size(max = 254) String email,
                              @Pattern(regexp = "\\+?\\d{10,15}", message = "must be a phone number with DDD, e.g. +5519991234567") String mobile,
                              @NotNull @Pattern(regexp = Uf.PATTERN, message = Uf.MESSAGE) String state) {
    }

    public record PayerPage(List<PayerView> items, String nextCursor) {
    }

    @POST
    @Path("/payers")
    @WithTransaction
    @Operation(summary = "Register a payer (CPF or CNPJ, alphanumeric CNPJ included). Accepts an Idempotency-Key.")
    public Uni<Response> register(@NotNull @Valid RegisterPayer request,
                                  @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/payers", request,
                () -> register(tenantId, request));
    }

    private Uni<Response> register(String tenantId, RegisterPayer request) {
        TaxId taxId;
        try {
            taxId = TaxId.parse(request.taxId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("taxId", e.getMessage());
        }
        Payer payer = Payer.register(tenantId, request.name(), taxId, request.email(), request.mobile(), request.state());
        return tenants.findById(tenantId).chain(t -> {
                    if (t == null) {
                        throw new BusinessRuleException("tenant-settings-required",
                                "define the tenant's settings (PUT /api/billing/settings) before registering payers");
                    }
                    return payers.taxIdTaken(tenantId, taxId);
                })
                .chain(taken -> {
                    if (taken) {
                        throw new BusinessRuleException("payer-tax-id-unique", "a payer with taxId " + taxId.formatted() + " already exists");
                    }
                    return payers.add(payer, clock.instant());
                })
                .chain(() -> outbox.append(payer.registeredEvent()))
                .map(v -> Response.created(URI.create("/api/billing/payers/" + payer.id())).entity(PayerView.of(payer)).build());
    }

    @PUT
    @Path("/payers/{id}")
    @WithTransaction
    @Operation(summary = "Change a payer's name or contact points; the replaced version is kept (the tax id never changes)")
    public Uni<PayerView> update(@PathParam("id") UUID id, @NotNull @Valid UpdatePayer request) {
        String tenantId = tenant.tenantId();
        String actor = tenant.actor();
        return payers.findForTenant(tenantId, id).chain(current -> {
            if (current == null) {
                throw new ResourceNotFoundException("payer " + id + " not found");
            }
            return current.changedTo(request.name(), request.email(), request.mobile(), request.state())
                    .map(next -> payers.replace(current, next, clock.instant(), actor)
                            .chain(() -> outbox.append(next.updatedEvent()))
                            .replaceWith(PayerView.of(next)))
                    .orElseGet(() -> Uni.createFrom().item(PayerView.of(current)));
        });
    }

    @GET
    @Path("/payers/{id}/versions")
    @WithSession
    @Operation(summary = "The versions a payer had before each change, newest first")
    public Uni<List<PayerRepository.Version>> versions(@PathParam("id") UUID id) {
        String tenantId = tenant.tenantId();
        return payers.findForTenant(tenantId, id).chain(current -> {
            if (current == null) {
                throw new ResourceNotFoundException("payer " + id + " not found");
            }
            return payers.versions(tenantId, id);
        });
    }

    @GET
    @Path("/payers/{id}")
    @WithSession
    @Operation(summary = "One payer of the caller's tenant")
    public Uni<PayerView> get(@PathParam("id") UUID id) {
        return payers.findForTenant(tenant.tenantId(), id).map(p -> {
            if (p == null) {
                throw new ResourceNotFoundException("payer " + id + " not found");
            }
            return PayerView.of(p);
        });
    }

    @GET
    @Path("/payers")
    @WithSession
    @Operation(summary = "The tenant's payers, a page at a time (cursor = the last id of the previous page)")
    public Uni<PayerPage> list(@QueryParam("after") UUID after,
                               @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return payers.page(tenant.tenantId(), after, limit).map(list -> new PayerPage(
                list.stream().map(PayerView::of).toList(),
                list.size() == limit ? list.get(list.size() - 1).id().toString() : null));
    }
}
