package dev.regua.notification.message.application;

import dev.regua.contract.EventCodec;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.contract.notification.MessageFailed;
import dev.regua.contract.notification.MessageSent;
import dev.regua.contract.notification.MessageStatusChanged;
import dev.regua.notification.channel.application.ChannelSender;
import dev.regua.notification.channel.domain.Outgoing;
import dev.regua.notification.channel.domain.SendOutcome;
import dev.regua.notification.consent.domain.ContactHours;
import dev.regua.notification.consent.domain.PayerContact;
import dev.regua.notification.consent.persistence.PayerContactRepository;
import dev.regua.notification.message.domain.EmailContent;
import dev.regua.notification.message.domain.MessageStatus;
import dev.regua.notification.message.persistence.MessageEntity;
import dev.regua.notification.message.persistence.MessageHistoryRepository;
import dev.regua.notification.message.persistence.MessageRepository;
import dev.regua.notification.provider.application.ProviderDirectory;
import dev.regua.notification.provider.domain.ProviderKind;
import dev.regua.notification.provider.domain.ProviderSettings;
import dev.regua.notification.template.application.TemplateCatalog;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued messages whose time has come. Each tick claims a batch ({@code FOR UPDATE SKIP LOCKED}) and, per
 * message, decides with database reads only: the command's window, the payer's contact hours (outside them the
 * row waits with its next allowed time), then the first of the command's channels, from the current one on, that
 * the payer did not opt out of, that has an address, a provider (WhatsApp: an opt-in too) and budget left. The
 * batch's provider calls then run concurrently; their outcomes are written one by one, each with its events, in
 * the claiming transaction:
 * <ul>
 *   <li>accepted → SENT (MessageSent, MessageStatusChanged SENT, a history row with the channel's cost);</li>
 *   <li>transient → retried at 30 s, 1 min, 2 min … (capped at 1 h, up to 20 % jitter); after the 8th attempt the
 *       channel is given up;</li>
 *   <li>permanent, or a channel given up → MessageStatusChanged FAILED for that channel, and the next allowed
 *       channel is tried at once; with none left the message ends FAILED (MessageFailed), dead-lettered when it
 *       was the retries that ran out.</li>
 * </ul>
 */
@ApplicationScoped
public class MessageDispatcher {
    private static final Logger LOG = Logger.getLogger(MessageDispatcher.class);
    static final int MAX_ATTEMPTS = 8;
    static final int MAX_BATCHES_PER_TICK = 50;
    private final MessageRepository messages;
    private final MessageHistoryRepository history;
    private final PayerContactRepository contacts;
    private final ProviderDirectory providers;
    private final Map<ProviderKind, ChannelSender> senders = new EnumMap<>(ProviderKind.class);
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ContactHours contactHours;
    private final int batchSize;
    private final TemplateCatalog templates;

    public MessageDispatcher(MessageRepository messages, MessageHistoryRepository history, PayerContactRepository contacts,
                             ProviderDirectory providers, Instance<ChannelSender> senders, OutboxWriter outbox, Clock clock,
                             ContactHours contactHours, TemplateCatalog templates,
                             @ConfigProperty(name = "regua.notification.batch-size", defaultValue = "50") int batchSize) {
        this.messages = messages;
        this.history = history;
        this.contacts = contacts;
        this.providers = providers;
        senders.forEach(s -> this.senders.put(s.kind(), s));
        this.outbox = outbox;
        this.clock = clock;
        this.contactHours = contactHours;
        this.batchSize = batchSize;
        this.templates = templates;
    }

    @Scheduled(every = "${regua.notification.poll-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return drain(MAX_BATCHES_PER_TICK).onFailure().invoke(e -> LOG.warn("message dispatch failed; it will run again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Dispatches batch after batch while they come back full, at most {@code batches} per tick (a backlog drains). */
    Uni<Void> drain(int batches) {
        return dispatchReady().chain(n -> n >= batchSize && batches > 1 ? drain(batches - 1) : Uni.createFrom().voidItem());
    }

    /** What to do with one claimed message this tick. */
    private sealed interface Plan {
        record Wait(Instant until) implements Plan {
        }

        record Fail(String reason) implements Plan {
        }

        record Send(int index, String channel, Outgoing outgoing, ProviderSettings settings, ChannelSender sender) implements Plan {
        }
    }

    public Uni<Integer> dispatchReady() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> messages.claimReady(now, batchSize).chain(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            // 1. decide, one message after another (the session is not shared between concurrent operations)
            List<Plan> plans = new ArrayList<>();
            Uni<Void> deciding = Uni.createFrom().voidItem();
            for (MessageEntity m : batch) {
                deciding = deciding.chain(() -> plan(m, now).invoke(plans::add).replaceWithVoid());
            }
            // 2. call the providers concurrently; 3. record the outcomes one by one
            return deciding.chain(() -> {
                List<Uni<Optional<SendOutcome>>> calls = new ArrayList<>();
                for (Plan p : plans) {
                    calls.add(p instanceof Plan.Send s ? s.sender().send(s.outgoing(), s.settings()).map(Optional::of)
                            : Uni.createFrom().item(Optional.empty()));
                }
                return Uni.join().all(calls).andFailFast();
            }).chain(outcomes -> {
                Uni<Void> recording = Uni.createFrom().voidItem();
                for (int i = 0; i < batch.size(); i++) {
                    MessageEntity m = batch.get(i);
                    Plan p = plans.get(i);
                    Optional<SendOutcome> outcome = outcomes.get(i);
                    recording = recording.chain(() -> record(m, p, outcome, now));
                }
                return recording.replaceWith(batch.size());
            });
        }));
    }

    private Uni<Plan> plan(MessageEntity m, Instant now) {
        if (m.notAfter != null && now.isAfter(m.notAfter)) {
            return Uni.createFrom().item(new Plan.Fail("its sending window closed at " + m.notAfter));
        }
        Instant allowed = contactHours.nextAllowed(now, m.payerState);
        if (allowed.isAfter(now)) {
            if (m.notAfter != null && allowed.isAfter(m.notAfter)) {
                return Uni.createFrom().item(new Plan.Fail("no contact hour of the payer's state (" + m.payerState
                        + ") is left in its sending window, which closes at " + m.notAfter));
            }
            return Uni.createFrom().item(new Plan.Wait(allowed));
        }
        NotificationRequested command = EventCodec.fromJson(m.command, NotificationRequested.class);
        return contacts.find(m.tenantId, m.payerId)
                .chain(contact -> firstUsable(m, command, contact, m.channelIndex, new ArrayList<>()));
    }

    private Uni<Plan> firstUsable(MessageEntity m, NotificationRequested command, PayerContact contact, int index, List<String> skipped) {
        List<String> channels = m.channelList();
        if (index >= channels.size()) {
            return Uni.createFrom().item(new Plan.Fail(channels.isEmpty()
                    ? "no supported channel among " + m.channels + " (EMAIL, SMS, WHATSAPP)"
                    : "no allowed channel: " + String.join("; ", skipped)));
        }
        String channel = channels.get(index);
        Optional<String> refusal = refusal(channel, contact, address(channel, command, contact));
        if (refusal.isPresent()) {
            skipped.add(channel + " " + refusal.get());
            return firstUsable(m, command, contact, index + 1, skipped);
        }
        return providers.settings(m.tenantId, channel).chain(found -> {
            if (found.isEmpty() && !"EMAIL".equals(channel)) {
                skipped.add(channel + " has no provider configured for the tenant");
                return firstUsable(m, command, contact, index + 1, skipped);
            }
            ProviderSettings settings = found.orElse(null);
            ChannelSender sender = senders.get(settings == null ? ProviderKind.SMTP : settings.provider());
            Uni<Boolean> budget = settings == null ? Uni.createFrom().item(true) : providers.withinBudget(settings, m.payerState);
            return budget.chain(ok -> {
                if (!ok) {
                    skipped.add(channel + " reached the tenant's monthly budget");
                    return firstUsable(m, command, contact, index + 1, skipped);
                }
                Map<String, Object> data = EmailContent.data(command);
                return templates.override(m.tenantId, channel, m.template).map(override -> (Plan) new Plan.Send(index, channel,
                        new Outgoing(m.tenantId, m.id.toString(), m.idempotencyKey + ":" + channel, channel, m.template,
                                address(channel, command, contact).orElseThrow(), data, override.orElse(null)), settings, sender));
            });
        });
    }

    /** Why a channel may not be used for this payer, if it may not. */
    static Optional<String> refusal(String channel, PayerContact contact, Optional<String> address) {
        if (contact.optedOutOf(channel)) {
            return Optional.of("was opted out of by the payer");
        }
        if ("WHATSAPP".equals(channel) && !contact.whatsappOptIn()) {
            return Optional.of("needs the payer's opt-in, which is not on record");
        }
        if (address.isEmpty()) {
            return Optional.of("has no address for the payer");
        }
        return Optional.empty();
    }

    /** The payer's address for a channel: billing's latest contact points first, else the command's. */
    static Optional<String> address(String channel, NotificationRequested command, PayerContact contact) {
        String value = switch (channel) {
            case "EMAIL" -> firstPresent(contact.email(), command.recipient().email());
            case "SMS" -> firstPresent(contact.mobile(), command.recipient().mobile());
            case "WHATSAPP" -> firstPresent(contact.whatsapp(), contact.mobile(), command.recipient().mobile());
            default -> null;
        };
        return Optional.ofNullable(value);
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private Uni<Void> record(MessageEntity m, Plan plan, Optional<SendOutcome> outcome, Instant now) {
        m.updatedAt = now;
        if (plan instanceof Plan.Wait w) {
            m.nextAttemptAt = w.until();
            return Uni.createFrom().voidItem();
        }
        if (plan instanceof Plan.Fail f) {
            return fail(m, now, f.reason(), false);
        }
        Plan.Send send = (Plan.Send) plan;
        m.channelIndex = send.index();
        m.channel = send.channel();
        m.recipient = send.outgoing().address();
        m.attempts++;
        SendOutcome result = outcome.orElseThrow();
        if (result instanceof SendOutcome.Accepted a) {
            m.status = MessageStatus.SENT.name();
            m.sentAt = now;
            m.lastError = null;
            m.provider = a.provider();
            m.providerMessageId = a.providerMessageId();
            BigDecimal cost = send.settings() != null && send.settings().provider().paid() ? send.settings().unitCost() : null;
            return history.append(entry(m, MessageStatus.SENT.name(), a.provider(), a.providerMessageId(), null, cost, now))
                    .chain(() -> outbox.append(new MessageSent(UUID.randomUUID().toString(), m.tenantId, m.payerId.toString(),
                            m.id.toString(), m.idempotencyKey, m.channel, m.template, now)))
                    .chain(() -> outbox.append(statusChanged(m, MessageStatus.SENT.name(), a.providerMessageId(), null, now)));
        }
        if (result instanceof SendOutcome.Transient t) {
            m.lastError = truncate(t.detail());
            if (m.attempts < MAX_ATTEMPTS) {
                m.nextAttemptAt = now.plus(backoff(m.attempts));
                LOG.infof("message %s (%s) will be retried at %s: %s", m.id, m.channel, m.nextAttemptAt, t.detail());
                return Uni.createFrom().voidItem();
            }
            return channelFailed(m, t.provider(), null, "gave up after " + m.attempts + " attempts: " + t.detail(), now, true);
        }
        SendOutcome.Permanent p = (SendOutcome.Permanent) result;
        return channelFailed(m, p.provider(), null, p.detail(), now, false);
    }

    /** The current channel cannot deliver: record it, then move to the next channel, or fail the message. */
    Uni<Void> channelFailed(MessageEntity m, String provider, String providerMessageId, String detail, Instant now,
                            boolean retriesExhausted) {
        m.lastError = truncate(m.channel + ": " + detail);
        Uni<Void> recorded = history.append(entry(m, MessageStatus.FAILED.name(), provider, providerMessageId, detail, null, now))
                .chain(() -> outbox.append(statusChanged(m, MessageStatus.FAILED.name(), providerMessageId, detail, now)));
        if (m.channelIndex + 1 < m.channelList().size()) {
            m.channelIndex++;
            m.channel = m.channelList().get(m.channelIndex);
            m.attempts = 0;
            m.status = MessageStatus.QUEUED.name();
            m.provider = null;
            m.providerMessageId = null;
            m.nextAttemptAt = now;
            return recorded;
        }
        return recorded.chain(() -> fail(m, now, "no channel could deliver it; last: " + m.lastError, retriesExhausted));
    }

    private Uni<Void> fail(MessageEntity m, Instant now, String reason, boolean deadLetter) {
        m.status = MessageStatus.FAILED.name();
        m.lastError = truncate(reason);
        if (deadLetter) {
            m.deadLetteredAt = now;
        }
        return outbox.append(new MessageFailed(UUID.randomUUID().toString(), m.tenantId, m.payerId.toString(),
                m.id.toString(), m.idempotencyKey, reason, now));
    }

    MessageStatusChanged statusChanged(MessageEntity m, String status, String providerMessageId, String detail, Instant at) {
        return new MessageStatusChanged(UUID.randomUUID().toString(), m.tenantId, m.payerId.toString(), m.id.toString(),
                m.idempotencyKey, m.channel, status, providerMessageId, detail == null ? null : truncate(detail), at);
    }

    static MessageHistoryRepository.Entry entry(MessageEntity m, String status, String provider, String providerMessageId,
                                               String detail, BigDecimal cost, Instant at) {
        return new MessageHistoryRepository.Entry(UUID.randomUUID(), m.id, m.tenantId, m.channel, status, provider,
                providerMessageId, detail, cost, at, at);
    }

    /** 30 s, 1 min, 2 min … capped at one hour, with up to 20 % jitter. */
    static Duration backoff(int attempts) {
        long base = Math.min(3600, 30L << Math.min(attempts - 1, 10));
        long jitter = (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofSeconds(base + jitter);
    }

    static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
