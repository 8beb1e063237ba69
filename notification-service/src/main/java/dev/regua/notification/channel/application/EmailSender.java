package dev.regua.notification.channel.application;

import dev.regua.notification.channel.domain.Outgoing;
import dev.regua.notification.channel.domain.SendOutcome;
import dev.regua.notification.provider.domain.ProviderKind;
import dev.regua.notification.provider.domain.ProviderSettings;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * E-mail over the platform's SMTP server. The tenant's EMAIL configuration, when present, only sets the From
 * address. Every refusal by the SMTP server is treated as transient (retried with backoff). The idempotency key
 * travels in {@code X-Regua-Idempotency-Key}.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {
    private final ReactiveMailer mailer;
    private final MessageRenderer renderer;

    public EmailSender(ReactiveMailer mailer, MessageRenderer renderer) {
        this.mailer = mailer;
        this.renderer = renderer;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.SMTP;
    }

    @Override
    public Uni<SendOutcome> send(Outgoing message, ProviderSettings settings) {
        MessageRenderer.Email email;
        try {
            email = renderer.email(message.template(), message.data(), message.override());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(new SendOutcome.Permanent("SMTP", "template " + message.template() + " cannot be rendered: " + e.getMessage()));
        }
        Mail mail = Mail.withHtml(message.address(), email.subject(), email.html())
                .addHeader("X-Regua-Idempotency-Key", message.idempotencyKey());
        if (settings != null && settings.sender() != null) {
            mail.setFrom(settings.sender());
        }
        return mailer.send(mail)
                .map(v -> (SendOutcome) new SendOutcome.Accepted("SMTP", null))
                .onFailure().recoverWithItem(e -> new SendOutcome.Transient("SMTP", "SMTP refused: " + e.getMessage()));
    }
}
