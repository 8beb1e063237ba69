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
 * the payer did not opt out of, that has an address, a provider (WhatsApp: an opt-in too) and budget left; each
 * send is marked in flight with a fresh reference and the claim commits. The batch's provider calls then run
 * concurrently, outside any transaction; their outcomes are written, each with its events, in a second
 * transaction (ADR 0010):
 * <ul>
 *   <li>accepted → SENT (MessageSent, MessageStatusChanged SENT, a history row with the channel's cost);</li>
 *   <li>transient → retried at 30 s, 1 min, 2 min … (capped at 1 h, up to 20 % jitter); after the 8th attempt the
 *       channel is given up;</li>
 *   <li>permanent, or a channel given up → MessageStatusChanged FAILED for that channel, and the next allowed
 *       channel is tried at once; with none left the message ends FAILED (MessageFailed), dead-lettered when it
 *       was the retries that ran out;</li>
 *   <li>no answer (a timeout after the request left) → the send stays in flight and is reconciled as a crashed one
 *       would be: see {@link #unresolvedSend}.</li>
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
    private final Duration lease;
    private final Duration unconfirmedGrace;

    public MessageDispatcher(MessageRepository messages, MessageHistoryRepository history, PayerContactRepository contacts,
                             ProviderDirectory providers, Instance<ChannelSender> senders, OutboxWriter outbox, Clock clock,
                             ContactHours contactHours, TemplateCatalog templates,
                             @ConfigProperty(name = "regua.notification.batch-size", defaultValue = "50") int batchSize,
                             @ConfigProperty(name = "regua.notification.providers.timeout", defaultValue = "10s") Duration providerTimeout,
                             @ConfigProperty(name = "regua.notification.unconfirmed-send-grace", defaultValue = "10m") Duration unconfirmedGrace) {
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
        this.lease = providerTimeout.plusSeconds(30);
        this.unconfirmedGrace = unconfirmedGrace;
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

        /** The channel's last send has an unknown outcome and cannot be reconciled: give the channel up. */
        record GiveUp(String provider, String detail) implements Plan {
        }

        record Send(UUID messageId, UUID ref, int index, String channel, Outgoing outgoing, ProviderSettings settings,
                    ChannelSender sender) implements Plan {
        }
    }

    /**
     * One batch: (1) claim due rows and decide, marking every send in flight with a fresh reference, and commit;
     * (2) call the providers concurrently, outside any transaction; (3) record each outcome in a second transaction,
     * only where the send is still in flight under the same reference (a provider callback may have recorded it
     * already). A crash between (2) and (3) leaves the send in flight; the next claim reconciles it (ADR 0010).
     */
    public Uni<Integer> dispatchReady() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> claim(now)).chain(claimed -> {
            if (claimed.sends().isEmpty()) {
                return Uni.createFrom().item(claimed.count());
            }
            List<Uni<SendOutcome>> calls = claimed.sends().stream().map(s -> s.sender().send(s.outgoing(), s.settings())).toList();
            return Uni.join().all(calls).andFailFast()
                    .chain(outcomes -> Panache.withTransaction(() -> recordAll(claimed.sends(), outcomes, now)))
                    .replaceWith(claimed.count());
        });
    }

    private record Claimed(int count, List<Plan.Send> sends) {
    }

    private Uni<Claimed> claim(Instant now) {
        return messages.claimReady(now, batchSize).chain(batch -> {
            List<Plan.Send> sends = new ArrayList<>();
            // decide one message after another (the session is not shared between concurrent operations)
            Uni<Void> deciding = Uni.createFrom().voidItem();
            for (MessageEntity m : batch) {
                deciding = deciding.chain(() -> plan(m, now).chain(p -> apply(m, p, now, sends)));
            }
            return deciding.replaceWith(() -> new Claimed(batch.size(), sends));
        });
    }

    private Uni<Void> apply(MessageEntity m, Plan plan, Instant now, List<Plan.Send> sends) {
        m.updatedAt = now;
        if (plan instanceof Plan.Wait w) {
            m.nextAttemptAt = w.until();
            return Uni.createFrom().voidItem();
        }
        if (plan instanceof Plan.Fail f) {
            return fail(m, now, f.reason(), false);
        }
        if (plan instanceof Plan.GiveUp g) {
            return channelFailed(m, g.provider(), null, g.detail(), now, false);
        }
        Plan.Send send = (Plan.Send) plan;
        m.channelIndex = send.index();
        m.channel = send.channel();
        m.recipient = send.outgoing().address();
        m.attempts++;
        m.inFlightRef = send.ref();
        m.inFlightAt = now;
        m.inFlightProvider = send.sender().kind().name();
        m.nextAttemptAt = now.plus(lease);
        sends.add(send);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> recordAll(List<Plan.Send> sends, List<SendOutcome> outcomes, Instant now) {
        return messages.lockAll(sends.stream().map(Plan.Send::messageId).toList()).chain(locked -> {
            Map<UUID, MessageEntity> byId = new java.util.HashMap<>();
            locked.forEach(m -> byId.put(m.id, m));
            Uni<Void> recording = Uni.createFrom().voidItem();
            for (int i = 0; i < sends.size(); i++) {
                Plan.Send send = sends.get(i);
                SendOutcome outcome = outcomes.get(i);
                MessageEntity m = byId.get(send.messageId());
                if (m == null || !send.ref().equals(m.inFlightRef)) {
                    LOG.debugf("send %s of message %s was recorded already (a provider callback came first)", send.ref(), send.messageId());
                    continue;
                }
                recording = recording.chain(() -> record(m, send, outcome, now));
            }
            return recording;
        });
    }

    private Uni<Plan> plan(MessageEntity m, Instant now) {
        if (m.inFlightRef != null) {
            Optional<Plan> unresolved = unresolvedSend(m, now);
            if (unresolved.isPresent()) {
                return Uni.createFrom().item(unresolved.get());
            }
        }
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

    /**
     * A claimed message whose previous send is still in flight: the service stopped, or got no answer, between
     * calling the provider and recording the outcome. Per provider (ADR 0010):
     * <ul>
     *   <li>SMTP: send again (at least once; the key travels in {@code X-Regua-Idempotency-Key});</li>
     *   <li>Twilio and WhatsApp echo our reference in their status callbacks, which record the send as accepted when
     *       they come: wait for them until {@code unconfirmed-send-grace} after the send, then, unconfirmed, the
     *       provider is taken not to have accepted it and the message is sent again;</li>
     *   <li>Zenvia echoes nothing of ours: at most once — the channel is given up and the next one tried.</li>
     * </ul>
     * Answers empty when the message may be planned as usual (the in-flight mark is cleared).
     */
    private Optional<Plan> unresolvedSend(MessageEntity m, Instant now) {
        String provider = m.inFlightProvider;
        Instant sentAt = m.inFlightAt;
        if (reconcilable(provider)) {
            Instant deadline = sentAt.plus(unconfirmedGrace);
            if (now.isBefore(deadline)) {
                return Optional.of(new Plan.Wait(deadline));
            }
            LOG.infof("message %s: %s never confirmed the send of %s; sending again", m.id, provider, sentAt);
            m.lastError = truncate(m.channel + ": " + provider + " never confirmed the send of " + sentAt + "; sent again");
        } else if (!ProviderKind.SMTP.name().equals(provider)) {
            m.clearInFlight();
            return Optional.of(new Plan.GiveUp(provider, "the outcome of the send of " + sentAt + " is unknown and " + provider
                    + " cannot confirm it by our reference; not sent again on this channel, to avoid a duplicate"));
        }
        m.clearInFlight();
        return Optional.empty();
    }

    /** Providers whose status callbacks carry our send reference back. */
    static boolean reconcilable(String provider) {
        return ProviderKind.TWILIO.name().equals(provider) || ProviderKind.WHATSAPP_CLOUD.name().equals(provider);
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
                UUID ref = UUID.randomUUID();
                return templates.override(m.tenantId, channel, m.template).map(override -> (Plan) new Plan.Send(m.id, ref, index, channel,
                        new Outgoing(m.tenantId, m.id.toString(), m.idempotencyKey + ":" + channel, channel, m.template,
                                address(channel, command, contact).orElseThrow(), data, override.orElse(null), ref.toString()),
                        settings, sender));
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

    private Uni<Void> record(MessageEntity m, Plan.Send send, SendOutcome result, Instant now) {
        m.updatedAt = now;
        if (result instanceof SendOutcome.Uncertain u) {
            m.lastError = truncate(m.channel + ": " + u.detail());
            if (reconcilable(u.provider())) {
                m.nextAttemptAt = m.inFlightAt.plus(unconfirmedGrace);
                LOG.infof("message %s (%s): %s; waiting for the provider's callback until %s", m.id, m.channel, u.detail(), m.nextAttemptAt);
                return Uni.createFrom().voidItem();
            }
            if (!ProviderKind.SMTP.name().equals(u.provider())) {
                m.clearInFlight();
                return channelFailed(m, u.provider(), null, u.detail() + "; the outcome is unknown and " + u.provider()
                        + " cannot confirm it by our reference, so it is not sent again on this channel", now, false);
            }
        }
        m.clearInFlight();
        if (result instanceof SendOutcome.Accepted a) {
            BigDecimal cost = send.settings() != null && send.settings().provider().paid() ? send.settings().unitCost() : null;
            return accepted(m, a.provider(), a.providerMessageId(), cost, now);
        }
        if (result instanceof SendOutcome.Transient || result instanceof SendOutcome.Uncertain) {
            String detail = result instanceof SendOutcome.Transient t ? t.detail() : ((SendOutcome.Uncertain) result).detail();
            String provider = result instanceof SendOutcome.Transient t ? t.provider() : ((SendOutcome.Uncertain) result).provider();
            m.lastError = truncate(detail);
            if (m.attempts < MAX_ATTEMPTS) {
                m.nextAttemptAt = now.plus(backoff(m.attempts));
                LOG.infof("message %s (%s) will be retried at %s: %s", m.id, m.channel, m.nextAttemptAt, detail);
                return Uni.createFrom().voidItem();
            }
            return channelFailed(m, provider, null, "gave up after " + m.attempts + " attempts: " + detail, now, true);
        }
        SendOutcome.Permanent p = (SendOutcome.Permanent) result;
        return channelFailed(m, p.provider(), null, p.detail(), now, false);
    }

    /**
     * The provider accepted the current channel's send (its answer, or a status callback carrying our reference):
     * SENT, a history row with the cost, MessageSent and MessageStatusChanged SENT. The caller has cleared the
     * in-flight mark.
     */
    Uni<Void> accepted(MessageEntity m, String provider, String providerMessageId, BigDecimal cost, Instant now) {
        m.status = MessageStatus.SENT.name();
        m.sentAt = now;
        m.lastError = null;
        m.provider = provider;
        m.providerMessageId = providerMessageId;
        m.updatedAt = now;
        return history.append(entry(m, MessageStatus.SENT.name(), provider, providerMessageId, null, cost, now))
                .chain(() -> outbox.append(new MessageSent(UUID.randomUUID().toString(), m.tenantId, m.payerId.toString(),
                        m.id.toString(), m.idempotencyKey, m.channel, m.template, now)))
                .chain(() -> outbox.append(statusChanged(m, MessageStatus.SENT.name(), providerMessageId, null, now)));
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
