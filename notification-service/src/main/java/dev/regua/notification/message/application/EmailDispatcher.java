package dev.regua.notification.message.application;

import dev.regua.contract.EventCodec;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.contract.notification.MessageFailed;
import dev.regua.contract.notification.MessageSent;
import dev.regua.notification.message.domain.EmailContent;
import dev.regua.notification.message.domain.MessageStatus;
import dev.regua.notification.message.persistence.MessageEntity;
import dev.regua.notification.message.persistence.MessageRepository;
import dev.regua.support.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued e-mails whose time has come: renders the pt-BR Qute template, sends over SMTP, and records the
 * outcome with its event in one transaction. A failed attempt is retried with exponential backoff until the
 * command's deadline; after that the message fails with an event. Each e-mail carries its idempotency key in the
 * {@code X-Regua-Idempotency-Key} header.
 */
@ApplicationScoped
public class EmailDispatcher {
    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    private static final int MAX_ATTEMPTS = 8;
    private final MessageRepository messages;
    private final ReactiveMailer mailer;
    private final Engine qute;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final int batchSize;

    public EmailDispatcher(MessageRepository messages, ReactiveMailer mailer, Engine qute, OutboxWriter outbox, Clock clock,
                           @ConfigProperty(name = "regua.notification.batch-size", defaultValue = "50") int batchSize) {
        this.messages = messages;
        this.mailer = mailer;
        this.qute = qute;
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${regua.notification.poll-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return dispatchReady().onFailure().invoke(e -> LOG.warn("e-mail dispatch failed; it will run again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Integer> dispatchReady() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> messages.claimReady(now, batchSize).chain(batch -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (MessageEntity m : batch) {
                chain = chain.chain(() -> dispatch(m, now));
            }
            return chain.replaceWith(batch.size());
        }));
    }

    private Uni<Void> dispatch(MessageEntity m, Instant now) {
        if (m.notAfter != null && now.isAfter(m.notAfter)) {
            return fail(m, now, "its sending window closed at " + m.notAfter);
        }
        if (!"EMAIL".equals(m.channel)) {
            return fail(m, now, "no supported channel among " + m.channel + ": only EMAIL is delivered yet");
        }
        if (m.recipient == null || m.recipient.isBlank()) {
            return fail(m, now, "no allowed channel: the payer has no e-mail address");
        }
        NotificationRequested command = EventCodec.fromJson(m.command, NotificationRequested.class);
        Mail mail;
        try {
            mail = render(command);
        } catch (RuntimeException e) {
            return fail(m, now, "template " + m.template + " cannot be rendered: " + e.getMessage());
        }
        m.attempts++;
        return mailer.send(mail)
                .chain(() -> {
                    m.status = MessageStatus.SENT.name();
                    m.sentAt = now;
                    m.lastError = null;
                    return outbox.append(new MessageSent(UUID.randomUUID().toString(), m.tenantId, m.payerId.toString(),
                            m.id.toString(), m.idempotencyKey, m.channel, m.template, now));
                })
                .onFailure().recoverWithUni(e -> {
                    if (m.attempts >= MAX_ATTEMPTS) {
                        return fail(m, now, "SMTP refused after " + m.attempts + " attempts: " + e.getMessage());
                    }
                    m.lastError = truncate(e.toString());
                    m.nextAttemptAt = now.plus(backoff(m.attempts));
                    LOG.infof("e-mail %s will be retried at %s: %s", m.id, m.nextAttemptAt, e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    Mail render(NotificationRequested command) {
        Map<String, Object> data = EmailContent.data(command);
        Template body = qute.getTemplate("email/" + command.template() + ".html");
        Template subject = qute.getTemplate("email/" + command.template() + ".subject.txt");
        if (body == null || subject == null) {
            throw new IllegalStateException("no e-mail template named " + command.template());
        }
        return Mail.withHtml(command.recipient().email(), subject.data(data).render().strip(), body.data(data).render())
                .addHeader("X-Regua-Idempotency-Key", command.idempotencyKey());
    }

    private Uni<Void> fail(MessageEntity m, Instant now, String reason) {
        m.status = MessageStatus.FAILED.name();
        m.lastError = truncate(reason);
        return outbox.append(new MessageFailed(UUID.randomUUID().toString(), m.tenantId, m.payerId.toString(),
                m.id.toString(), m.idempotencyKey, reason, now));
    }

    /** 30 s, 1 min, 2 min … capped at one hour, with up to 20 % jitter. */
    static Duration backoff(int attempts) {
        long base = Math.min(3600, 30L << Math.min(attempts - 1, 10));
        long jitter = (long) (base * 0.2 * java.util.concurrent.ThreadLocalRandom.current().nextDouble());
        return Duration.ofSeconds(base + jitter);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
