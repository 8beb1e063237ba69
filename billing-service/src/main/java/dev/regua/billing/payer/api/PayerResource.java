package dev.regua.billing.payer.api;

import dev.regua.billing.payer.domain.Channel;
import dev.regua.billing.payer.domain.Consent;
import dev.regua.billing.payer.domain.OptInMethod;
import dev.regua.billing.payer.domain.Payer;
import dev.regua.billing.payer.domain.Responsible;
import dev.regua.billing.payer.persistence.PayerRepository;
import dev.regua.billing.tenant.persistence.TenantRepository;
import dev.regua.contract.billing.Address;
import dev.regua.kernel.address.Uf;
import dev.regua.kernel.taxid.Cpf;
import dev.regua.kernel.taxid.TaxId;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.support.outbox.OutboxWriter;
import dev.regua.support.paging.Cursor;
import dev.regua.support.paging.Page;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/billing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "payers")
public class PayerResource {
    static final String PHONE = "\\+?\\d{10,15}";
    static final String PHONE_MESSAGE = "must be a phone number with DDD, e.g. +5519991234567";
    static final String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N} _./-]{0,39}";
    static final String TAG_MESSAGE = "must be 1 to 40 letters, digits, spaces or _ . / - (no commas)";
    private static final String PAYERS = "payers";
    private static final String VERSIONS = "payer-versions";

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

    /** A postal address; the CEP is required and normalised to 00000-000. */
    public record AddressBody(@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 20) String number,
                              @Size(max = 100) String complement, @Size(max = 100) String district,
                              @NotBlank @Size(max = 100) String city,
                              @NotNull @Pattern(regexp = Uf.PATTERN, message = Uf.MESSAGE) String state,
                              @NotNull @Pattern(regexp = "\\d{5}-?\\d{3}", message = "must be a CEP like 13010-000") String postalCode) {
    }

    /** Who pays for the payer (e.g. a student's parent): name and CPF, e-mail and mobile optional. */
    public record ResponsibleBody(@NotBlank @Size(max = 200) String name, @NotBlank String taxId,
                                  @Email @Size(max = 254) String email,
                                  @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String mobile) {
    }

    /** A WhatsApp opt-in and its evidence: when (default now), how, and a reference to the proof. */
    public record OptInBody(Instant at, OptInMethod how, @Size(max = 200) String reference) {
    }

    public record RegisterPayer(@NotBlank @Size(max = 200) String name,
                                @NotBlank String taxId,
                                @Email @Size(max = 254) String email,
                                @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String mobile,
                                @NotNull @Pattern(regexp = Uf.PATTERN, message = Uf.MESSAGE) String state,
                                @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String whatsapp,
                                @Valid AddressBody address,
                                List<@NotNull Channel> optedOutChannels,
                                @Valid OptInBody whatsappOptIn,
                                @Valid ResponsibleBody responsible,
                                @Size(max = 20) List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> tags) {
    }

    public record UpdatePayer(@NotBlank @Size(max = 200) String name,
                              @Email @Size(max = 254) String email,
                              @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String mobile,
                              @NotNull @Pattern(regexp = Uf.PATTERN, message = Uf.MESSAGE) String state,
                              @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String whatsapp,
                              @Valid AddressBody address,
                              @Valid ResponsibleBody responsible,
                              @Size(max = 20) List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> tags) {
    }

    public record OptOutBody(@NotNull Channel channel) {
    }

    public record OptInView(Instant at, String how, String reference) {
    }

    public record ConsentView(List<Channel> optedOutChannels, OptInView whatsappOptIn) {
        static ConsentView of(Consent c) {
            Consent.WhatsappOptIn o = c.whatsappOptIn();
            return new ConsentView(c.optedOutInOrder(), o == null ? null : new OptInView(o.at(), o.how().name(), o.reference()));
        }
    }

    public record ResponsibleView(String name, String taxId, String email, String mobile) {
    }

    public record PayerView(UUID id, String name, String taxId, String email, String mobile, String state,
                            String whatsapp, Address address, ConsentView consent, ResponsibleView responsible,
                            List<String> tags) {
        static PayerView of(Payer p) {
            Responsible r = p.responsible();
            return new PayerView(p.id(), p.name(), p.taxId().formatted(), p.email(), p.mobile(), p.state(), p.whatsapp(),
                    p.address(), ConsentView.of(p.consent()),
                    r == null ? null : new ResponsibleView(r.name(), r.cpf().formatted(), r.email(), r.mobile()), p.tags());
        }
    }

    public record VersionView(PayerView payer, Instant replacedAt, String replacedBy) {
    }

    @POST
    @Path("/payers")
    @WithTransaction
    @Operation(summary = "Register a payer (CPF or CNPJ, alphanumeric CNPJ included), with contacts, address, consent, responsible person and tags. Accepts an Idempotency-Key.")
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
        Payer.Details details = details(request.name(), request.email(), request.mobile(), request.state(),
                request.whatsapp(), request.address(), request.responsible(), request.tags());
        Consent consent = new Consent(request.optedOutChannels() == null || request.optedOutChannels().isEmpty()
                ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(request.optedOutChannels()),
                request.whatsappOptIn() == null ? null : optIn(request.whatsappOptIn()));
        Payer payer = Payer.register(tenantId, taxId, details, consent);
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
    @Operation(summary = "Change a payer's name, contact points, address, responsible person and tags; the replaced version is kept (the tax id never changes; consent has its own endpoints)")
    public Uni<PayerView> update(@PathParam("id") UUID id, @NotNull @Valid UpdatePayer request) {
        Payer.Details details = details(request.name(), request.email(), request.mobile(), request.state(),
                request.whatsapp(), request.address(), request.responsible(), request.tags());
        return change(id, current -> current.changedTo(details));
    }

    @POST
    @Path("/payers/{id}/opt-outs")
    @WithTransaction
    @Operation(summary = "The payer opts out of a channel (EMAIL, SMS, WHATSAPP); opting out of WhatsApp withdraws the opt-in. Accepts an Idempotency-Key.")
    public Uni<Response> optOut(@PathParam("id") UUID id, @NotNull @Valid OptOutBody request,
                                @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/payers/" + id + "/opt-outs", request,
                () -> change(id, p -> p.withConsent(p.consent().optOut(request.channel())))
                        .map(view -> Response.ok(view).build()));
    }

    @DELETE
    @Path("/payers/{id}/opt-outs/{channel}")
    @WithTransaction
    @Operation(summary = "Lifts the payer's opt-out of a channel")
    public Uni<PayerView> allow(@PathParam("id") UUID id, @PathParam("channel") String channel) {
        Channel c = channel(channel);
        return change(id, p -> p.withConsent(p.consent().allow(c)));
    }

    @POST
    @Path("/payers/{id}/whatsapp-opt-in")
    @WithTransaction
    @Operation(summary = "Records the payer's WhatsApp opt-in with its evidence (how and a reference are required; at defaults to now). Accepts an Idempotency-Key.")
    public Uni<Response> optIn(@PathParam("id") UUID id, @NotNull @Valid OptInBody request,
                               @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String tenantId = tenant.tenantId();
        Consent.WhatsappOptIn optIn = optIn(request);
        return idempotency.once(tenantId, idempotencyKey, "POST", "/api/billing/payers/" + id + "/whatsapp-opt-in", request,
                () -> change(id, p -> p.withConsent(p.consent().optIn(optIn))).map(view -> Response.ok(view).build()));
    }

    @DELETE
    @Path("/payers/{id}/whatsapp-opt-in")
    @WithTransaction
    @Operation(summary = "Withdraws the payer's WhatsApp opt-in")
    public Uni<PayerView> withdrawOptIn(@PathParam("id") UUID id) {
        return change(id, p -> p.withConsent(p.consent().withdrawOptIn()));
    }

    private Uni<PayerView> change(UUID id, Function<Payer, Optional<Payer>> how) {
        String tenantId = tenant.tenantId();
        String actor = tenant.actor();
        return payers.findForTenant(tenantId, id).chain(current -> {
            if (current == null) {
                throw new ResourceNotFoundException("payer " + id + " not found");
            }
            return how.apply(current)
                    .map(next -> payers.replace(current, next, clock.instant(), actor)
                            .chain(() -> outbox.append(next.updatedEvent()))
                            .replaceWith(PayerView.of(next)))
                    .orElseGet(() -> Uni.createFrom().item(PayerView.of(current)));
        });
    }

    @GET
    @Path("/payers/{id}/versions")
    @WithSession
    @Operation(summary = "The versions a payer had before each change, newest first, a page at a time (?limit=&cursor=)")
    public Uni<Page<VersionView>> versions(@PathParam("id") UUID id, @QueryParam("limit") String limitParam,
                                           @QueryParam("cursor") String cursor) {
        String tenantId = tenant.tenantId();
        int limit = Page.limit(limitParam, 50, 200);
        Cursor after = Cursor.decode(cursor, VERSIONS, 2);
        return payers.findForTenant(tenantId, id).chain(current -> {
            if (current == null) {
                throw new ResourceNotFoundException("payer " + id + " not found");
            }
            return payers.versions(tenantId, id, after == null ? null : after.instant(0), after == null ? null : after.uuid(1), limit + 1)
                    .map(rows -> Page.of(rows, limit, v -> Cursor.encode(VERSIONS, v.replacedAt(), v.versionId()),
                            v -> new VersionView(PayerView.of(v.payer()), v.replacedAt(), v.replacedBy())));
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
    @Operation(summary = "The tenant's payers in registration order, a page at a time (?limit=&cursor=, cursor = nextCursor of the previous page)")
    public Uni<Page<PayerView>> list(@QueryParam("limit") String limitParam, @QueryParam("cursor") String cursor) {
        int limit = Page.limit(limitParam, 50, 200);
        Cursor after = Cursor.decode(cursor, PAYERS, 2);
        Long afterSeq = after == null ? null : after.longValue(0);
        if (after != null) {
            after.uuid(1); // validates the cursor's shape
        }
        return payers.page(tenant.tenantId(), afterSeq, limit + 1)
                .map(rows -> Page.of(rows, limit, r -> Cursor.encode(PAYERS, r.seq(), r.payer().id()),
                        r -> PayerView.of(r.payer())));
    }

    private Payer.Details details(String name, String email, String mobile, String state, String whatsapp,
                                  AddressBody address, ResponsibleBody responsible, List<String> tags) {
        return new Payer.Details(name, blankToNull(email), blankToNull(mobile), state, blankToNull(whatsapp),
                address == null ? null : address(address), responsible == null ? null : responsible(responsible),
                tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags.stream().map(String::strip).toList())));
    }

    static Address address(AddressBody a) {
        String digits = a.postalCode().replace("-", "");
        if (digits.equals("00000000")) {
            throw new InvalidInputException("address.postalCode", "00000-000 is not a CEP");
        }
        return new Address(a.street().strip(), a.number().strip(), blankToNull(a.complement()), blankToNull(a.district()),
                a.city().strip(), a.state(), digits.substring(0, 5) + "-" + digits.substring(5));
    }

    private static Responsible responsible(ResponsibleBody r) {
        Cpf cpf;
        try {
            cpf = Cpf.parse(r.taxId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("responsible.taxId", e.getMessage());
        }
        return new Responsible(r.name(), cpf, blankToNull(r.email()), blankToNull(r.mobile()));
    }

    private Consent.WhatsappOptIn optIn(OptInBody body) {
        Instant now = clock.instant();
        Instant at = body.at() == null ? now : body.at();
        if (at.isAfter(now)) {
            throw new InvalidInputException("whatsappOptIn.at", "must not be in the future");
        }
        return new Consent.WhatsappOptIn(at, body.how(), body.reference());
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", "must be one of " + List.of(Channel.values()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
