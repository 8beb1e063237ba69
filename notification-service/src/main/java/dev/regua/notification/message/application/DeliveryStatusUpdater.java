package dev.regua.notification.message.application;

import dev.regua.contract.notification.MessageStatusChanged;
import dev.regua.notification.message.domain.MessageStatus;
import dev.regua.notification.message.persistence.MessageEntity;
import dev.regua.notification.message.persistence.MessageHistoryRepository;
import dev.regua.notification.message.persistence.MessageRepository;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies a status a provider reported by callback, once: each (message, provider message id, status) is recorded
 * a single time in the history and published as MessageStatusChanged; a provider's repeated or late callbacks change
 * nothing more. The message's own status only moves forward (SENT → DELIVERED → READ). A failure reported for the
 * channel the message currently stands on (e.g. WhatsApp 131026 undeliverable) moves it to the next allowed
 * channel, or fails it.
 */
@ApplicationScoped
public class DeliveryStatusUpdater {
    private final MessageRepository messages;
    private final MessageHistoryRepository history;
    private final MessageDispatcher dispatcher;
    private final OutboxWriter outbox;
    private final Clock clock;

    public DeliveryStatusUpdater(MessageRepository messages, MessageHistoryRepository history, MessageDispatcher dispatcher,
                                 OutboxWriter outbox, Clock clock) {
        this.messages = messages;
        this.history = history;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Answers whether the report changed anything. {@code sent} is the history row of the send it reports on. */
    public Uni<Boolean> reported(MessageHistoryRepository.Entry sent, MessageStatus status, String detail, Instant occurredAt) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> messages.lock(sent.messageId()).chain(m -> history
                .alreadyRecorded(sent.messageId(), sent.providerMessageId(), status.name()).chain(seen -> {
                    if (m == null || seen || status == MessageStatus.QUEUED) {
                        return Uni.createFrom().item(false);
                    }
                    boolean current = sent.providerMessageId().equals(m.providerMessageId);
                    if (status == MessageStatus.FAILED && current && MessageStatus.SENT.name().equals(m.status)) {
                        m.updatedAt = now;
                        return dispatcher.channelFailed(m, sent.provider(), sent.providerMessageId(), detail, now, false).replaceWith(true);
                    }
                    Uni<Void> recorded = history.append(new MessageHistoryRepository.Entry(UUID.randomUUID(), m.id, m.tenantId,
                                    sent.channel(), status.name(), sent.provider(), sent.providerMessageId(), detail, null, occurredAt, now))
                            .chain(() -> outbox.append(new MessageStatusChanged(UUID.randomUUID().toString(), m.tenantId,
                                    m.payerId.toString(), m.id.toString(), m.idempotencyKey, sent.channel(), status.name(),
                                    sent.providerMessageId(), detail, occurredAt)));
                    if (current && status != MessageStatus.FAILED && status.advances(MessageStatus.valueOf(m.status))) {
                        advance(m, status, occurredAt, now);
                    }
                    return recorded.replaceWith(true);
                })));
    }

    /**
     * A status callback carried the reference of a send that is still in flight (its answer was never recorded: the
     * service stopped, or the answer was lost): the provider accepted it, so it is recorded as sent, once. Answers
     * whether it was in flight.
     */
    public Uni<Boolean> confirmInFlight(UUID ref, String provider, String providerMessageId, java.math.BigDecimal cost) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> messages.lockInFlight(ref).chain(m -> {
            if (m == null || !ref.equals(m.inFlightRef)) {
                return Uni.createFrom().item(false);
            }
            m.clearInFlight();
            return dispatcher.accepted(m, provider, providerMessageId, cost, now).replaceWith(true);
        }));
    }

    private static void advance(MessageEntity m, MessageStatus status, Instant occurredAt, Instant now) {
        m.status = status.name();
        m.updatedAt = now;
        if (status == MessageStatus.DELIVERED || status == MessageStatus.READ) {
            m.deliveredAt = m.deliveredAt == null ? occurredAt : m.deliveredAt;
        }
        if (status == MessageStatus.READ) {
            m.readAt = occurredAt;
        }
    }
}
