package dev.regua.notification.provider.api;

import dev.regua.notification.provider.application.ProviderDirectory;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's messaging providers and sender identities, per channel. Credentials go in, never out. */
@Path("/api/notifications/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "providers")
public class ProviderResource {
    private static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "WHATSAPP");
    private final TenantContext tenant;
    private final ProviderDirectory directory;

    public ProviderResource(TenantContext tenant, ProviderDirectory directory) {
        this.tenant = tenant;
        this.directory = directory;
    }

    @PUT
    @Path("/{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @WithTransaction
    @Operation(summary = "Configure the provider and sender identity of a channel (EMAIL, SMS or WHATSAPP); secrets are stored encrypted and never returned")
    public Uni<ProviderDirectory.View> configure(@PathParam("channel") String channel, ProviderDirectory.Configuration body) {
        String c = channel == null ? "" : channel.toUpperCase(java.util.Locale.ROOT);
        if (!CHANNELS.contains(c)) {
            throw new InvalidInputException("channel", "must be EMAIL, SMS or WHATSAPP");
        }
        if (body == null) {
            throw new InvalidInputException("body", "a provider configuration is required");
        }
        return directory.configure(tenant.tenantId(), c, body);
    }

    @GET
    @RolesAllowed({"staff", "tenant-admin"})
    @WithSession
    @Operation(summary = "The tenant's providers per channel, with the month's spend; secrets only by name")
    public Uni<List<ProviderDirectory.View>> list() {
        return directory.views(tenant.tenantId());
    }
}
