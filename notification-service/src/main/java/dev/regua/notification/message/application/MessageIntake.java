package dev.regua.notification.message.application;

import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.notification.message.persistence.MessageEntity;
import dev.regua.notification.message.persistence.MessageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Turns a notification command into a queued message, once per idempotency key. */
@ApplicationScoped
public class MessageIntake {
    private final MessageRepository messages;
    private final Clock clock;

    public MessageIntake(MessageRepository messages, Clock clock) {
        this.messages = messages;
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
        // e-mail is the only channel this service delivers yet; a command that does not allow it fails visibly
        m.channel = command.channels().contains("EMAIL") ? "EMAIL"
                : (command.channels().isEmpty() ? "NONE" : String.join(",", command.channels()));
        m.template = command.template();
        m.recipient = command.recipient().email();
        m.command = commandJson;
        m.notBefore = command.notBefore() == null ? now : command.notBefore();
        m.notAfter = command.notAfter();
        m.nextAttemptAt = now;
        m.createdAt = now;
        return messages.queueOnce(m);
    }
}
