package dev.regua.notification.channel.domain;

/** A tenant's own Qute text for a template: subject and HTML body for e-mail, the body only for SMS. */
public record TemplateText(String subject, String body) {
}
