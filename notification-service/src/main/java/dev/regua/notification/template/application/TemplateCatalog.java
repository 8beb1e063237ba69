package dev.regua.notification.template.application;

import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.notification.channel.application.MessageRenderer;
import dev.regua.notification.channel.domain.TemplateText;
import dev.regua.notification.message.domain.EmailContent;
import dev.regua.notification.template.persistence.TemplateOverrideRepository;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pt-BR default templates and each tenant's overrides. An override is refused unless it parses and its
 * rendering shows the supplier's name, address and CNPJ (CDC art. 42-A). Previews render with the tenant's
 * variables over a sample command.
 */
@ApplicationScoped
public class TemplateCatalog {
    public static final List<String> DEFAULT_SET = List.of("before-due", "due-today", "overdue-first", "overdue-second",
            "overdue-final", "promise-reminder", "agreement-offer", "bureau-notice-warning", "thank-you");
    private final TemplateOverrideRepository overrides;
    private final MessageRenderer renderer;
    private final Clock clock;

    public TemplateCatalog(TemplateOverrideRepository overrides, MessageRenderer renderer, Clock clock) {
        this.overrides = overrides;
        this.renderer = renderer;
        this.clock = clock;
    }

    public record Rendered(String channel, String template, String subject, String body, boolean override) {
    }

    public record Entry(String channel, String template, boolean overridden, java.time.Instant updatedAt) {
    }

    public Uni<Optional<TemplateText>> override(String tenantId, String channel, String template) {
        if (!"EMAIL".equals(channel) && !"SMS".equals(channel)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return overrides.find(tenantId, channel, template).map(o -> o.map(r -> new TemplateText(r.subject(), r.body())));
    }

    public Uni<List<Entry>> list(String tenantId) {
        return overrides.ofTenant(tenantId).map(rows -> {
            List<Entry> entries = new java.util.ArrayList<>();
            for (String channel : List.of("EMAIL", "SMS")) {
                for (String name : DEFAULT_SET) {
                    Optional<TemplateOverrideRepository.Row> o = rows.stream()
                            .filter(r -> r.channel().equals(channel) && r.template().equals(name)).findFirst();
                    entries.add(new Entry(channel, name, o.isPresent(), o.map(TemplateOverrideRepository.Row::updatedAt).orElse(null)));
                }
            }
            return entries;
        });
    }

    public Uni<Rendered> save(String tenantId, String channel, String template, TemplateText text) {
        Rendered rendered = check(channel, template, text, Map.of());
        return overrides.save(new TemplateOverrideRepository.Row(tenantId, channel, template, text.subject(), text.body(), clock.instant()))
                .replaceWith(rendered);
    }

    public Uni<Void> reset(String tenantId, String channel, String template) {
        known(channel, template);
        return overrides.delete(tenantId, channel, template).replaceWithVoid();
    }

    /** Renders {@code text} if given, else the tenant's override, else the default, over a sample command. */
    public Uni<Rendered> preview(String tenantId, String channel, String template, TemplateText text, Map<String, String> variables) {
        known(channel, template);
        if (text != null && text.body() != null) {
            return Uni.createFrom().item(check(channel, template, text, variables));
        }
        return override(tenantId, channel, template).map(o -> render(channel, template, o.orElse(null), variables));
    }

    private Rendered check(String channel, String template, TemplateText text, Map<String, String> variables) {
        known(channel, template);
        if (text == null || text.body() == null || text.body().isBlank()) {
            throw new InvalidInputException("body", "the template body is required");
        }
        if ("EMAIL".equals(channel) && (text.subject() == null || text.subject().isBlank())) {
            throw new InvalidInputException("subject", "an e-mail template needs a subject");
        }
        Rendered rendered;
        try {
            rendered = render(channel, template, text, variables);
        } catch (IllegalArgumentException | io.quarkus.qute.TemplateException e) {
            throw new InvalidInputException("body", "the template cannot be rendered: " + e.getMessage());
        }
        NotificationRequested.Creditor c = sample(variables).creditor();
        String all = rendered.subject() + "\n" + rendered.body();
        if (!all.contains(c.legalName()) || !all.contains(c.cnpj()) || !all.contains(c.address())) {
            throw new BusinessRuleException("supplier-identity-required",
                    "every collection message must show the supplier's name, address and CNPJ (CDC art. 42-A): use "
                            + "{creditorLegalName}, {creditorCnpj} and {creditorAddress}, or include email/footer.html");
        }
        return rendered;
    }

    private Rendered render(String channel, String template, TemplateText text, Map<String, String> variables) {
        Map<String, Object> data = EmailContent.data(sample(variables));
        if ("EMAIL".equals(channel)) {
            MessageRenderer.Email email = renderer.email(template, data, text);
            return new Rendered(channel, template, email.subject(), email.html(), text != null);
        }
        return new Rendered(channel, template, null, renderer.sms(template, data, text), text != null);
    }

    private void known(String channel, String template) {
        if (!"EMAIL".equals(channel) && !"SMS".equals(channel)) {
            throw new InvalidInputException("channel", "templates are EMAIL or SMS; WhatsApp uses templates approved by Meta");
        }
        if (!DEFAULT_SET.contains(template) && !renderer.hasDefault(channel, template)) {
            throw new ResourceNotFoundException("no template named " + template);
        }
    }

    private static NotificationRequested sample(Map<String, String> variables) {
        NotificationRequested g = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
        Map<String, String> v = new HashMap<>(g.variables());
        if (variables != null) {
            v.putAll(variables);
        }
        return new NotificationRequested(g.eventId(), g.tenantId(), g.payerId(), g.installmentId(), g.idempotencyKey(), g.stepCode(),
                g.channels(), g.template(), g.recipient(), g.creditor(), v, g.notBefore(), g.notAfter());
    }
}
