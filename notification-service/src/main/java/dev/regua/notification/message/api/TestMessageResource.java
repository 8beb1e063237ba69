package dev.regua.notification.message.api;

import dev.regua.contract.EventCodec;
import dev.regua.contract.EventType;
import dev.regua.contract.GoldenSamples;
import dev.regua.contract.dunning.NotificationRequested;
import dev.regua.notification.consent.persistence.PayerContactRepository;
import dev.regua.notification.message.application.MessageIntake;
import dev.regua.support.idempotency.IdempotentRequests;
import dev.regua.notification.tenant.persistence.TenantProfileRepository;
import dev.regua.support.problem.BusinessRuleException;
import dev.regua.support.problem.InvalidInputException;
import dev.regua.support.tenancy.TenantContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A test message: a tenant admin checks a channel's provider by sending a template with sample values to an
 * address of their own. It is queued like any command (same dispatcher, contact hours, budget and status history)
 * under the tenant's "test payer"; the admin's request stands as that payer's WhatsApp opt-in. The creditor shown
 * (CDC art. 42-A) is the tenant's profile from billing unless the request gives one; without either, 422
 * {@code tenant-profile-required}.
 */
@Path("/api/notifications/test-messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages")
public class TestMessageResource {
    private static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "WHATSAPP");
    private final TenantContext tenant;
    private final MessageIntake intake;
    private final PayerContactRepository contacts;
    private final IdempotentRequests idempotency;
    private final Clock clock;
    private final TenantProfileRepository profiles;

    public TestMessageResource(TenantContext tenant, MessageIntake intake, PayerContactRepository contacts,
                               IdempotentRequests idempotency, Clock clock, TenantProfileRepository profiles) {
        this.profiles = profiles;
        this.tenant = tenant;
        this.intake = intake;
        this.contacts = contacts;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public record TestMessage(String channel, String to, String template, NotificationRequested.Creditor creditor) {
    }

    public record Queued(String payerId, String idempotencyKey, boolean queued) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tenant-admin")
    @WithTransaction
    @Operation(summary = "Queue a test message through a channel; follow it under the returned payer id")
    public Uni<Response> send(@HeaderParam(IdempotentRequests.HEADER) String key, TestMessage body) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(IdempotentRequests.HEADER, "a test message needs an Idempotency-Key");
        }
        if (body == null || body.channel() == null || !CHANNELS.contains(body.channel().toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException("channel", "must be EMAIL, SMS or WHATSAPP");
        }
        String channel = body.channel().toUpperCase(Locale.ROOT);
        if (body.to() == null || body.to().isBlank() || body.to().length() > 254
                || ("EMAIL".equals(channel) ? !body.to().contains("@") : !body.to().matches("\\+[1-9]\\d{9,14}"))) {
            throw new InvalidInputException("to", "EMAIL needs an e-mail address; SMS and WHATSAPP a number in E.164 (+5519…)");
        }
        NotificationRequested.Creditor given = body.creditor();
        if (given != null && (blank(given.legalName()) || blank(given.cnpj()) || blank(given.address()))) {
            throw new InvalidInputException("creditor", "when given, the supplier's legal name, CNPJ and address are all required (CDC art. 42-A)");
        }
        String tenantId = tenant.tenantId();
        Uni<NotificationRequested.Creditor> creditor = given != null ? Uni.createFrom().item(given)
                : profiles.find(tenantId).map(found -> found.map(p -> new NotificationRequested.Creditor(p.legalName(),
                        p.tradeName(), p.cnpj(), p.address())).orElseThrow(() -> new BusinessRuleException("tenant-profile-required",
                        "the tenant's profile (legal name, CNPJ, address) has not reached notification yet: complete it in billing "
                                + "(PUT /api/billing/settings) or give the creditor in the request")));
        return creditor.chain(c -> queue(tenantId, key, channel, body, c));
    }

    private Uni<Response> queue(String tenantId, String key, String channel, TestMessage body, NotificationRequested.Creditor c) {
        String payerId = UUID.nameUUIDFromBytes(("test-payer:" + tenantId).getBytes(StandardCharsets.UTF_8)).toString();
        NotificationRequested g = GoldenSamples.payload(EventType.NOTIFICATION_REQUESTED, NotificationRequested.class);
        String template = blank(body.template()) ? "before-due" : body.template();
        String idempotencyKey = "test:" + tenantId + ":" + key;
        NotificationRequested command = new NotificationRequested(UUID.randomUUID().toString(), tenantId, payerId, null,
                idempotencyKey, "test", List.of(channel), template,
                new NotificationRequested.Recipient("Teste Régua", "EMAIL".equals(channel) ? body.to() : null,
                        "EMAIL".equals(channel) ? null : body.to(), "SP"), c, g.variables(), null, null);
        return idempotency.once(tenantId, key, "POST", "/api/notifications/test-messages", body, () -> contacts
                .upsert(new PayerContactRepository.Row(tenantId, UUID.fromString(payerId), null, null,
                        "WHATSAPP".equals(channel) ? body.to() : null, "SP", List.of(), true, clock.instant(),
                        "tenant-admin test message by " + tenant.actor()), clock.instant())
                .chain(() -> intake.queue(command, EventCodec.toJson(command)))
                .map(queued -> Response.accepted(new Queued(payerId, idempotencyKey, queued)).build()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
