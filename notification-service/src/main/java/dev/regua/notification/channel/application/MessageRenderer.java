package dev.regua.notification.channel.application;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import dev.regua.notification.channel.domain.TemplateText;
import java.util.Map;

/**
 * Renders Régua's pt-BR Qute templates: {@code email/<name>.html} and {@code email/<name>.subject.txt} for e-mail,
 * {@code sms/<name>.txt} for SMS. WhatsApp uses Meta-approved templates with parameters instead.
 */
@ApplicationScoped
public class MessageRenderer {
    private final Engine qute;
    private final Map<String, Template> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public MessageRenderer(Engine qute) {
        this.qute = qute;
    }

    public record Email(String subject, String html) {
    }

    public Email email(String template, Map<String, Object> data) {
        return email(template, data, null);
    }

    /** Renders the tenant's override when given, else the default template. */
    public Email email(String template, Map<String, Object> data, TemplateText override) {
        Template body = override == null ? qute.getTemplate("email/" + template + ".html") : parse(override.body());
        Template subject = override == null ? qute.getTemplate("email/" + template + ".subject.txt") : parse(override.subject());
        if (body == null || subject == null) {
            throw new IllegalStateException("no e-mail template named " + template);
        }
        return new Email(subject.data(data).render().strip(), body.data(data).render());
    }

    public String sms(String template, Map<String, Object> data) {
        return sms(template, data, null);
    }

    public String sms(String template, Map<String, Object> data, TemplateText override) {
        Template text = override == null ? qute.getTemplate("sms/" + template + ".txt") : parse(override.body());
        if (text == null) {
            throw new IllegalStateException("no SMS template named " + template);
        }
        return text.data(data).render().strip().replaceAll("\\s+", " ");
    }

    /** Whether a default template exists for this channel and name. */
    public boolean hasDefault(String channel, String template) {
        return switch (channel) {
            case "EMAIL" -> qute.getTemplate("email/" + template + ".html") != null;
            case "SMS" -> qute.getTemplate("sms/" + template + ".txt") != null;
            default -> false;
        };
    }

    /** Parses a tenant's text (cached by content); a syntax error is an IllegalArgumentException. */
    Template parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("the template text is missing");
        }
        try {
            if (parsed.size() > 1000) {
                parsed.clear();
            }
            return parsed.computeIfAbsent(text, t -> qute.parse(t));
        } catch (io.quarkus.qute.TemplateException e) {
            throw new IllegalArgumentException("the template does not parse: " + e.getMessage());
        }
    }
}
