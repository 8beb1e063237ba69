package dev.regua.notification.message.api;

import dev.regua.notification.message.persistence.MessageEntity;
import dev.regua.notification.message.persistence.MessageRepository;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications/payers/{payerId}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"integrator", "staff", "tenant-admin"})
@Tag(name = "messages")
public class MessageResource {
    private final TenantContext tenant;
    private final MessageRepository messages;

    public MessageResource(TenantContext tenant, MessageRepository messages) {
        this.tenant = tenant;
        this.messages = messages;
    }

    public record MessageView(UUID id, UUID installmentId, String stepCode, String channel, String template,
                              String recipient, String status, int attempts, String lastError, Instant createdAt,
                              Instant sentAt) {
        static MessageView of(MessageEntity m) {
            return new MessageView(m.id, m.installmentId, m.stepCode, m.channel, m.template, m.recipient, m.status,
                    m.attempts, m.lastError, m.createdAt, m.sentAt);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "Messages sent or queued for a payer, with their status")
    public Uni<List<MessageView>> list(@PathParam("payerId") UUID payerId) {
        return messages.ofPayer(tenant.tenantId(), payerId).map(l -> l.stream().map(MessageView::of).toList());
    }
}
