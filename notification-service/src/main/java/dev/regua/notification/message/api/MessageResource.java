package dev.regua.notification.message.api;

import dev.regua.notification.message.persistence.MessageEntity;
import dev.regua.notification.message.persistence.MessageHistoryRepository;
import dev.regua.notification.message.persistence.MessageRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final MessageHistoryRepository history;

    public MessageResource(TenantContext tenant, MessageRepository messages, MessageHistoryRepository history) {
        this.tenant = tenant;
        this.messages = messages;
        this.history = history;
    }

    public record StatusView(String channel, String status, String provider, String providerMessageId, String detail,
                             Instant occurredAt) {
    }

    public record MessageView(UUID id, UUID installmentId, String stepCode, List<String> channels, String channel,
                              String template, String recipient, String status, int attempts, String lastError,
                              Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant deliveredAt, Instant readAt,
                              Instant deadLetteredAt, List<StatusView> history) {
        static MessageView of(MessageEntity m, List<StatusView> history) {
            return new MessageView(m.id, m.installmentId, m.stepCode, m.channelList(), m.channel, m.template, m.recipient,
                    m.status, m.attempts, m.lastError, m.createdAt, m.nextAttemptAt, m.sentAt, m.deliveredAt, m.readAt,
                    m.deadLetteredAt, history);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "Messages sent or queued for a payer, with their status and status history per channel")
    public Uni<List<MessageView>> list(@PathParam("payerId") UUID payerId) {
        String tenantId = tenant.tenantId();
        return messages.ofPayer(tenantId, payerId).chain(list -> history.ofTenantMessages(tenantId, list.stream().map(m -> m.id).toList())
                .map(entries -> {
                    Map<UUID, List<StatusView>> byMessage = entries.stream().collect(Collectors.groupingBy(
                            MessageHistoryRepository.Entry::messageId, LinkedHashMap::new, Collectors.mapping(e -> new StatusView(
                                    e.channel(), e.status(), e.provider(), e.providerMessageId(), e.detail(), e.occurredAt()), Collectors.toList())));
                    return list.stream().map(m -> MessageView.of(m, byMessage.getOrDefault(m.id, List.of()))).toList();
                }));
    }
}
