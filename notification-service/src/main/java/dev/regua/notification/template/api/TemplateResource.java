package dev.regua.notification.template.api;

import dev.regua.notification.channel.domain.TemplateText;
import dev.regua.notification.template.application.TemplateCatalog;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The default pt-BR templates, the tenant's overrides and previews. */
@Path("/api/notifications/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "templates")
public class TemplateResource {
    private final TenantContext tenant;
    private final TemplateCatalog catalog;

    public TemplateResource(TenantContext tenant, TemplateCatalog catalog) {
        this.tenant = tenant;
        this.catalog = catalog;
    }

    public record TemplateBody(String subject, String body) {
    }

    public record PreviewRequest(String subject, String body, Map<String, String> variables) {
    }

    @GET
    @RolesAllowed({"staff", "tenant-admin"})
    @WithSession
    @Operation(summary = "The default set per channel and whether the tenant overrides each")
    public Uni<List<TemplateCatalog.Entry>> list() {
        return catalog.list(tenant.tenantId());
    }

    @PUT
    @Path("/{channel}/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @WithTransaction
    @Operation(summary = "Override a template (Qute); refused unless it shows the supplier's name, address and CNPJ")
    public Uni<TemplateCatalog.Rendered> override(@PathParam("channel") String channel, @PathParam("name") String name, TemplateBody body) {
        return catalog.save(tenant.tenantId(), upper(channel), name,
                body == null ? null : new TemplateText(body.subject(), body.body()));
    }

    @DELETE
    @Path("/{channel}/{name}")
    @RolesAllowed("tenant-admin")
    @WithTransaction
    @Operation(summary = "Back to the default template")
    public Uni<Void> reset(@PathParam("channel") String channel, @PathParam("name") String name) {
        return catalog.reset(tenant.tenantId(), upper(channel), name);
    }

    @POST
    @Path("/{channel}/{name}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"staff", "tenant-admin"})
    @WithSession
    @Operation(summary = "Render a template over a sample command: the given text, else the tenant's override, else the default")
    public Uni<TemplateCatalog.Rendered> preview(@PathParam("channel") String channel, @PathParam("name") String name, PreviewRequest body) {
        PreviewRequest p = body == null ? new PreviewRequest(null, null, Map.of()) : body;
        return catalog.preview(tenant.tenantId(), upper(channel), name,
                p.body() == null ? null : new TemplateText(p.subject(), p.body()), p.variables());
    }

    private static String upper(String channel) {
        return channel == null ? "" : channel.toUpperCase(Locale.ROOT);
    }
}
