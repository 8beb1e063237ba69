package dev.regua.notification.message.application;

import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.notification.message.persistence.MessageEntity;
import dev.regua.contract.notification.MessageStatusChanged;
import dev.regua.notification.message.domain.MessageStatus;
import dev.regua.notification.message.persistence.MessageHistoryRepository;
import dev.regua.notification.message.persistence.MessageRepository;
import dev.regua.support.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns a notification command into a queued message, once per idempotency key, with its QUEUED history row and
 * MessageStatusChanged event.
 */
@ApplicationScoped
public class MessageIntake {
    static final java.util.Set<String> KNOWN_CHANNELS = java.util.Set.of("EMAIL", "SMS", "WHATSAPP");
    private final MessageRepository messages;
    private final MessageHistoryRepository history;
    private final OutboxWriter outbox;
    private final Clock clock;

    public MessageIntake(MessageRepository messages, MessageHistoryRepository history, OutboxWriter outbox, Clock clock) {
        this.messages = messages;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Boolean> queue(NotificationRequested command, String commandJson) {
        Instant now = clock.instant();
        MessageEntity m = new MessageEntity();
        m.id = UUID.randomUUID();
        m.tenantId = command.tenantId();
        m.payerId = UUID.fromString(command.payerId());
        m.installmentId = command.installmentId() == null ? null : UUID.fromString(command.installmentId());
        m.idempotencyKey = command.idempotencyKey();
        m.stepCode = command.stepCode();
        // the command's channels in its fallback order; unknown names are kept out, an empty list fails at dispatch
        java.util.List<String> channels = command.channels() == null ? java.util.List.of()
                : command.channels().stream().map(c -> c.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(KNOWN_CHANNELS::contains).distinct().toList();
        m.channels = String.join(",", channels);
        m.channel = channels.isEmpty() ? "NONE" : channels.get(0);
        m.payerState = command.recipient().state();
        m.template = command.template();
        m.recipient = command.recipient().email();
        m.command = commandJson;
        m.notBefore = command.notBefore() == null ? now : command.notBefore();
        m.notAfter = command.notAfter();
        m.nextAttemptAt = now;
        m.createdAt = now;
        return messages.queueOnce(m).call(queued -> !queued ? Uni.createFrom().voidItem() : history
                .append(MessageDispatcher.entry(m, MessageStatus.QUEUED.name(), null, null, null, null, now))
                .chain(() -> outbox.append(new MessageStatusChanged(UUID.randomUUID().toString(), m.tenantId, m.payerId.toString(),
                        m.id.toString(), m.idempotencyKey, m.channel, MessageStatus.QUEUED.name(), null, null, now))));
    }
}
