package dev.regua.notification.webhook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.regua.notification.webhook.application.WebhookEndpoints;
import dev.regua.notification.webhook.domain.WebhookEventTypes;
import dev.regua.notification.webhook.persistence.WebhookAttemptEntity;
import dev.regua.notification.webhook.persistence.WebhookDeliveryEntity;
import dev.regua.notification.webhook.persistence.WebhookEndpointEntity;
import dev.regua.notification.webhook.persistence.WebhookRepository;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partner webhooks: a tenant's endpoints, their deliveries with every attempt, and manual replay. The signing
 * secret is answered only by the request that created or rotated it (a replayed Idempotency-Key answer omits it).
 */
@Path(WebhookResource.BASE)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"tenant-admin", "integrator"})
@Tag(name = "webhooks")
public class WebhookResource {
    static final String BASE = "/api/notifications/webhooks";
    private final TenantContext tenant;
    private final WebhookEndpoints endpoints;
    private final WebhookRepository repository;
    private final IdempotentRequests idempotency;

    public WebhookResource(TenantContext tenant, WebhookEndpoints endpoints, WebhookRepository repository,
                           IdempotentRequests idempotency) {
        this.tenant = tenant;
        this.endpoints = endpoints;
        this.repository = repository;
        this.idempotency = idempotency;
    }

    public record EndpointRequest(@NotBlank @Size(max = 2000) String url,
                                  @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> eventTypes,
                                  @Size(max = 500) String description,
                                  Boolean enabled) {
    }

    public record EndpointView(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
                               String disabledReason, Instant disabledAt, int consecutiveFailures, Instant failingSince,
                               Instant previousSecretValidUntil, Instant createdAt, Instant updatedAt,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {
        static EndpointView of(WebhookEndpointEntity e) {
            return new EndpointView(e.id, e.url, e.description, e.eventTypeList(), e.enabled, e.disabledReason, e.disabledAt,
                    e.consecutiveFailures, e.failingSince, e.previousSecretExpiresAt, e.createdAt, e.updatedAt, null);
        }

        EndpointView withSecret(String secret) {
            return new EndpointView(id, url, description, eventTypes, enabled, disabledReason, disabledAt, consecutiveFailures,
                    failingSince, previousSecretValidUntil, createdAt, updatedAt, secret);
        }
    }

    public record AttemptView(int number, String trigger, Instant attemptedAt, long webhookTimestamp, Integer statusCode,
                              long latencyMs, String error, String responseSnippet, Instant nextAttemptAt) {
        static AttemptView of(WebhookAttemptEntity a) {
            return new AttemptView(a.number, a.trigger, a.attemptedAt, a.webhookTimestamp, a.statusCode, a.latencyMs, a.error,
                    a.responseSnippet, a.nextAttemptAt);
        }
    }

    public record DeliveryView(UUID id, UUID endpointId, String webhookId, String eventType, String status, int attempts,
                               Instant nextAttemptAt, Instant lastAttemptAt, Instant deliveredAt, Instant createdAt,
                               List<AttemptView> attemptLog) {
        static DeliveryView of(WebhookDeliveryEntity d, List<WebhookAttemptEntity> attempts) {
            return new DeliveryView(d.id, d.endpointId, d.eventId, d.eventType, d.status, d.attempts,
                    "PENDING".equals(d.status) ? d.nextAttemptAt : null, d.lastAttemptAt, d.deliveredAt, d.createdAt,
                    attempts.stream().map(AttemptView::of).toList());
        }
    }

    @GET
    @Path("/event-types")
    @Operation(summary = "The event types an endpoint can subscribe to (wildcards such as dev.regua.billing.* are accepted too)")
    public List<String> eventTypes() {
        return WebhookEventTypes.subscribable();
    }

    @POST
    @Path("/endpoints")
    @WithTransaction
    @Operation(summary = "Register an endpoint; the answer carries its signing secret, shown only this once. Accepts an Idempotency-Key.")
    public Uni<Response> register(@NotNull @Valid EndpointRequest request, @HeaderParam(IdempotentRequests.HEADER) String key) {
        String tenantId = tenant.tenantId();
        AtomicReference<String> secret = new AtomicReference<>();
        return idempotency.once(tenantId, key, "POST", BASE + "/endpoints", request,
                        () -> endpoints.register(tenantId, request.url(), request.eventTypes(), request.description(),
                                request.enabled() == null || request.enabled()).map(created -> {
                            secret.set(created.secret());
                            return Response.created(URI.create(BASE + "/endpoints/" + created.endpoint().id))
                                    .entity(EndpointView.of(created.endpoint())).build();
                        }))
                .map(response -> withSecret(response, secret.get()));
    }

    @GET
    @Path("/endpoints")
    @WithSession
    @Operation(summary = "The tenant's endpoints (without secrets)")
    public Uni<List<EndpointView>> list() {
        return repository.endpoints(tenant.tenantId()).map(l -> l.stream().map(EndpointView::of).toList());
    }

    @GET
    @Path("/endpoints/{id}")
    @WithSession
    @Operation(summary = "One endpoint (without its secret)")
    public Uni<EndpointView> get(@PathParam("id") UUID id) {
        return endpoints.find(tenant.tenantId(), id).map(EndpointView::of);
    }

    @PUT
    @Path("/endpoints/{id}")
    @WithTransaction
    @Operation(summary = "Change an endpoint's URL, event types, description and, when given, whether it is enabled")
    public Uni<EndpointView> change(@PathParam("id") UUID id, @NotNull @Valid EndpointRequest request) {
        return endpoints.change(tenant.tenantId(), id, request.url(), request.eventTypes(), request.description(), request.enabled())
                .map(EndpointView::of);
    }

    @DELETE
    @Path("/endpoints/{id}")
    @WithTransaction
    @Operation(summary = "Delete an endpoint with its deliveries and their log")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return endpoints.delete(tenant.tenantId(), id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/endpoints/{id}/enable")
    @WithTransaction
    @Operation(summary = "Enable an endpoint; its pending deliveries resume. Accepts an Idempotency-Key.")
    public Uni<Response> enable(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return toggle(id, true, key);
    }

    @POST
    @Path("/endpoints/{id}/disable")
    @WithTransaction
    @Operation(summary = "Disable an endpoint; its deliveries wait until it is enabled again. Accepts an Idempotency-Key.")
    public Uni<Response> disable(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return toggle(id, false, key);
    }

    private Uni<Response> toggle(UUID id, boolean enabled, String key) {
        String tenantId = tenant.tenantId();
        String actor = tenant.actor();
        String path = BASE + "/endpoints/" + id + (enabled ? "/enable" : "/disable");
        return idempotency.once(tenantId, key, "POST", path, Map.of(),
                () -> endpoints.enable(tenantId, id, enabled, actor).map(e -> Response.ok(EndpointView.of(e)).build()));
    }

    @POST
    @Path("/endpoints/{id}/rotate-secret")
    @WithTransaction
    @Operation(summary = "Generate a new signing secret (answered only now); the previous one keeps signing during the overlap. Accepts an Idempotency-Key.")
    public Uni<Response> rotateSecret(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key) {
        String tenantId = tenant.tenantId();
        AtomicReference<String> secret = new AtomicReference<>();
        return idempotency.once(tenantId, key, "POST", BASE + "/endpoints/" + id + "/rotate-secret", Map.of(),
                        () -> endpoints.rotateSecret(tenantId, id).map(rotated -> {
                            secret.set(rotated.secret());
                            return Response.ok(EndpointView.of(rotated.endpoint())).build();
                        }))
                .map(response -> withSecret(response, secret.get()));
    }

    @GET
    @Path("/endpoints/{id}/deliveries")
    @WithSession
    @Operation(summary = "The endpoint's deliveries, newest first, each with its attempts")
    public Uni<List<DeliveryView>> deliveries(@PathParam("id") UUID id,
                                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String tenantId = tenant.tenantId();
        return endpoints.find(tenantId, id)
                .chain(e -> repository.deliveries(tenantId, id, limit))
                .chain(list -> withAttempts(tenantId, list));
    }

    @GET
    @Path("/deliveries/{id}")
    @WithSession
    @Operation(summary = "One delivery with its attempts")
    public Uni<DeliveryView> delivery(@PathParam("id") UUID id) {
        String tenantId = tenant.tenantId();
        return repository.delivery(tenantId, id).chain(d -> {
            if (d == null) {
                throw new dev.regua.support.problem.ResourceNotFoundException("webhook delivery " + id + " not found");
            }
            return withAttempts(tenantId, List.of(d)).map(l -> l.get(0));
        });
    }

    @POST
    @Path("/deliveries/{id}/replay")
    @WithTransaction
    @Operation(summary = "Send a delivery again now, under the same webhook-id. Accepts an Idempotency-Key.")
    public Uni<Response> replay(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key) {
        String tenantId = tenant.tenantId();
        return idempotency.once(tenantId, key, "POST", BASE + "/deliveries/" + id + "/replay", Map.of(),
                () -> endpoints.replay(tenantId, id).chain(d -> withAttempts(tenantId, List.of(d)))
                        .map(l -> Response.accepted(l.get(0)).build()));
    }

    private Uni<List<DeliveryView>> withAttempts(String tenantId, List<WebhookDeliveryEntity> deliveries) {
        return repository.attempts(tenantId, deliveries.stream().map(d -> d.id).toList()).map(attempts -> {
            Map<UUID, List<WebhookAttemptEntity>> byDelivery = attempts.stream().collect(Collectors.groupingBy(a -> a.deliveryId));
            return deliveries.stream().map(d -> DeliveryView.of(d, byDelivery.getOrDefault(d.id, List.of()))).toList();
        });
    }

    private static Response withSecret(Response response, String secret) {
        if (secret == null || !(response.getEntity() instanceof EndpointView view)) {
            return response;
        }
        return Response.fromResponse(response).entity(view.withSecret(secret)).build();
    }
}
