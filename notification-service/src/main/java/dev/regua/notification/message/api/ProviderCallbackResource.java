package dev.regua.notification.message.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regua.notification.channel.application.TwilioSmsSender;
import dev.regua.notification.message.application.DeliveryStatusUpdater;
import dev.regua.notification.message.domain.MessageStatus;
import dev.regua.notification.message.persistence.MessageHistoryRepository;
import dev.regua.notification.message.persistence.MessageRepository;
import dev.regua.notification.channel.application.WhatsappCloudSender;
import dev.regua.notification.provider.application.ProviderDirectory;
import dev.regua.notification.provider.domain.ProviderSettings;
import dev.regua.support.problem.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Status callbacks from the providers. No token: each is authenticated the provider's way with the secret of the
 * tenant whose message it reports on — Twilio's X-Twilio-Signature (HMAC-SHA1 over the callback URL and the sorted
 * parameters, keyed with the Auth Token), Meta's X-Hub-Signature-256 (HMAC-SHA256 of the body, keyed with the app
 * secret), and for Zenvia the {@code X-Regua-Webhook-Token} header the tenant sets on its Zenvia subscription. A
 * callback for a message id not (yet) known answers 404, so the provider tries again later; a bad signature 403.
 */
@Path("/api/notifications/callbacks")
@PermitAll
@Tag(name = "provider callbacks")
public class ProviderCallbackResource {
    private static final Logger LOG = Logger.getLogger(ProviderCallbackResource.class);
    private final MessageHistoryRepository history;
    private final ProviderDirectory providers;
    private final DeliveryStatusUpdater updater;
    private final TwilioSmsSender twilio;
    private final ObjectMapper json;
    private final MessageRepository messages;

    public ProviderCallbackResource(MessageHistoryRepository history, ProviderDirectory providers, DeliveryStatusUpdater updater,
                                    TwilioSmsSender twilio, ObjectMapper json, MessageRepository messages) {
        this.messages = messages;
        this.history = history;
        this.providers = providers;
        this.updater = updater;
        this.twilio = twilio;
        this.json = json;
    }

    /** One status report; {@code ref} is our send reference when the provider echoed it (Twilio, WhatsApp). */
    private record Report(String providerMessageId, MessageStatus status, String detail, Instant occurredAt, UUID ref) {
    }

    @POST
    @Path("/twilio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @WithSession
    @Operation(summary = "Twilio StatusCallback (form post, X-Twilio-Signature)")
    public Uni<Response> twilio(@HeaderParam("X-Twilio-Signature") String signature, @QueryParam("ref") String ref,
                                MultivaluedMap<String, String> form) {
        String sid = form.getFirst("MessageSid");
        String status = form.getFirst("MessageStatus");
        if (sid == null || status == null) {
            throw new InvalidInputException("MessageSid", "MessageSid and MessageStatus are required");
        }
        Optional<MessageStatus> mapped = switch (status) {
            case "queued", "accepted", "sending", "scheduled" -> Optional.empty();
            case "sent" -> Optional.of(MessageStatus.SENT);
            case "delivered" -> Optional.of(MessageStatus.DELIVERED);
            case "read" -> Optional.of(MessageStatus.READ);
            case "undelivered", "failed", "canceled" -> Optional.of(MessageStatus.FAILED);
            default -> Optional.empty();
        };
        String detail = form.getFirst("ErrorCode") == null ? null : "Twilio error " + form.getFirst("ErrorCode");
        Map<String, String> params = new TreeMap<>();
        form.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        return handle("TWILIO", List.of(new Report(sid, mapped.orElse(null), detail, null, reference(ref))), settings -> {
            String token = settings.secret("authToken");
            if (token == null || signature == null) {
                return false;
            }
            StringBuilder data = new StringBuilder(twilio.statusCallbackUrl(ref));
            params.forEach((k, v) -> data.append(k).append(v));
            return constantTimeEquals(Base64.getEncoder().encodeToString(hmac("HmacSHA1", token, data.toString())), signature);
        });
    }

    /**
     * Meta's webhook verification request: when the WhatsApp callback URL is registered in the app dashboard, Meta
     * sends {@code GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…} and expects the challenge back as
     * the body (200) when the token is the one the tenant typed there (its provider's {@code verifyToken}); 403
     * otherwise.
     */
    @GET
    @Path("/whatsapp")
    @Produces(MediaType.TEXT_PLAIN)
    @WithSession
    @Operation(summary = "WhatsApp Cloud API webhook verification (hub.mode, hub.verify_token, hub.challenge)")
    public Uni<Response> verifyWhatsapp(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                                        @QueryParam("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || challenge == null || challenge.isBlank() || challenge.length() > 200) {
            return Uni.createFrom().item(Response.status(403).build());
        }
        return providers.isWhatsappVerifyToken(token).map(ok -> {
            if (!ok) {
                LOG.warn("WhatsApp webhook verification refused: the verify token matches no tenant's WhatsApp provider");
                return Response.status(403).build();
            }
            return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
        });
    }

    @POST
    @Path("/whatsapp")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "WhatsApp Cloud API webhook, field messages: statuses (X-Hub-Signature-256)")
    public Uni<Response> whatsapp(@HeaderParam("X-Hub-Signature-256") String signature, String body) {
        JsonNode root = parse(body);
        List<Report> reports = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode s : change.path("value").path("statuses")) {
                    MessageStatus status = switch (s.path("status").asText()) {
                        case "sent" -> MessageStatus.SENT;
                        case "delivered" -> MessageStatus.DELIVERED;
                        case "read" -> MessageStatus.READ;
                        case "failed" -> MessageStatus.FAILED;
                        default -> null;
                    };
                    JsonNode error = s.path("errors").path(0);
                    String detail = error.isMissingNode() ? null : "WhatsApp error " + error.path("code").asText() + " " + error.path("title").asText();
                    Instant at = s.hasNonNull("timestamp") ? Instant.ofEpochSecond(s.get("timestamp").asLong()) : null;
                    String opaque = s.path("biz_opaque_callback_data").asText("");
                    UUID ref = opaque.startsWith(WhatsappCloudSender.REFERENCE_PREFIX)
                            ? reference(opaque.substring(WhatsappCloudSender.REFERENCE_PREFIX.length())) : null;
                    reports.add(new Report(s.path("id").asText(), status, detail, at, ref));
                }
            }
        }
        return handle("WHATSAPP_CLOUD", reports, settings -> {
            String secret = settings.secret("appSecret");
            return secret != null && signature != null
                    && constantTimeEquals("sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, body)), signature);
        });
    }

    @POST
    @Path("/zenvia")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "Zenvia subscription webhook, MESSAGE_STATUS events (X-Regua-Webhook-Token)")
    public Uni<Response> zenvia(@HeaderParam("X-Regua-Webhook-Token") String token, String body) {
        JsonNode event = parse(body);
        if (!"MESSAGE_STATUS".equals(event.path("type").asText())) {
            return Uni.createFrom().item(Response.noContent().build());
        }
        MessageStatus status = switch (event.path("messageStatus").path("code").asText()) {
            case "SENT" -> MessageStatus.SENT;
            case "DELIVERED" -> MessageStatus.DELIVERED;
            case "READ" -> MessageStatus.READ;
            case "NOT_DELIVERED", "REJECTED" -> MessageStatus.FAILED;
            default -> null;
        };
        String detail = status == MessageStatus.FAILED ? "Zenvia " + event.path("messageStatus").path("code").asText() + " "
                + event.path("messageStatus").path("description").asText() : null;
        Instant at = event.hasNonNull("timestamp") ? Instant.parse(event.get("timestamp").asText()) : null;
        return handle("ZENVIA", List.of(new Report(event.path("messageId").asText(), status, detail, at, null)), settings -> {
            String expected = settings.secret("webhookToken");
            return expected != null && token != null && constantTimeEquals(expected, token);
        });
    }

    private interface Check {
        boolean authentic(ProviderSettings settings);
    }

    private Uni<Response> handle(String provider, List<Report> reports, Check check) {
        Uni<Response> chain = Uni.createFrom().item(Response.noContent().build());
        for (Report r : reports) {
            chain = chain.chain(previous -> previous.getStatus() >= 300 ? Uni.createFrom().item(previous)
                    : history.sentWith(provider, r.providerMessageId()).chain(found -> found.isPresent()
                    ? apply(provider, r, found.get(), check, previous)
                    : confirmByReference(provider, r, check, previous)));
        }
        return chain;
    }

    private Uni<Response> apply(String provider, Report r, MessageHistoryRepository.Entry sent, Check check, Response previous) {
        return providers.settings(sent.tenantId(), sent.channel()).chain(settings -> {
            if (settings.isEmpty() || !check.authentic(settings.get())) {
                LOG.warnf("%s callback for %s refused: signature does not match the tenant's secret", provider, r.providerMessageId());
                return Uni.createFrom().item(Response.status(403).build());
            }
            if (r.status() == null) {
                return Uni.createFrom().item(previous);
            }
            return updater.reported(sent, r.status(), r.detail(), r.occurredAt() == null ? Instant.now() : r.occurredAt())
                    .replaceWith(previous);
        });
    }

    /**
     * A status for a provider id we never recorded: when it carries the reference of a send still in flight, the
     * provider accepted that send and its answer was lost (ADR 0010) — record it as sent, then apply the status.
     * Otherwise 404, so the provider tries again (its callback may have overtaken the commit of its send).
     */
    private Uni<Response> confirmByReference(String provider, Report r, Check check, Response previous) {
        if (r.ref() == null || r.status() == MessageStatus.FAILED) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        return messages.inFlight(r.ref()).chain(found -> {
            if (found.isEmpty() || !provider.equals(found.get().provider())) {
                return Uni.createFrom().item(Response.status(404).build());
            }
            MessageRepository.InFlight m = found.get();
            return providers.settings(m.tenantId(), m.channel()).chain(settings -> {
                if (settings.isEmpty() || !check.authentic(settings.get())) {
                    LOG.warnf("%s callback for send %s refused: signature does not match the tenant's secret", provider, r.ref());
                    return Uni.createFrom().item(Response.status(403).build());
                }
                java.math.BigDecimal cost = settings.get().provider().paid() ? settings.get().unitCost() : null;
                return updater.confirmInFlight(r.ref(), provider, r.providerMessageId(), cost)
                        .chain(() -> history.sentWith(provider, r.providerMessageId()))
                        .chain(sent -> sent.isEmpty() ? Uni.createFrom().item(Response.status(404).build())
                                : apply(provider, r, sent.get(), check, previous));
            });
        });
    }

    private static UUID reference(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new InvalidInputException("body", "not a JSON document");
        }
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
