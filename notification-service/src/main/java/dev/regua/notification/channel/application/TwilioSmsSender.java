package dev.regua.notification.channel.application;

import dev.regua.notification.channel.domain.Outgoing;
import dev.regua.notification.channel.domain.SendOutcome;
import dev.regua.notification.provider.domain.ProviderKind;
import dev.regua.notification.provider.domain.ProviderSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SMS through Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded
 * To/From/Body/StatusCallback, HTTP basic auth with the Account SID and Auth Token. 201 answers the message SID;
 * 429 and 5xx are transient; other errors (21211 invalid number, 21610 unsubscribed, 20003 authentication…) are
 * permanent. Twilio's Messages API takes no idempotency key; the send's reference goes in the StatusCallback URL.
 */
@ApplicationScoped
public class TwilioSmsSender implements ChannelSender {
    private final HttpSenders http;
    private final ProviderEndpoints endpoints;
    private final MessageRenderer renderer;

    public TwilioSmsSender(HttpSenders http, ProviderEndpoints endpoints, MessageRenderer renderer) {
        this.http = http;
        this.endpoints = endpoints;
        this.renderer = renderer;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.TWILIO;
    }

    public String statusCallbackUrl() {
        return endpoints.callbackBaseUrl() + "/api/notifications/callbacks/twilio";
    }

    /**
     * The StatusCallback of one send: Twilio posts to the URL exactly as given, so the send's reference rides in its
     * query ({@code ?ref=}) and comes back with every status, and Twilio's signature covers it.
     */
    public String statusCallbackUrl(String reference) {
        return reference == null ? statusCallbackUrl() : statusCallbackUrl() + "?ref=" + reference;
    }

    @Override
    public Uni<SendOutcome> send(Outgoing message, ProviderSettings settings) {
        String text;
        try {
            text = renderer.sms(message.template(), message.data(), message.override());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(new SendOutcome.Permanent("TWILIO", "template " + message.template() + " cannot be rendered: " + e.getMessage()));
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("To", message.address())
                .add("From", settings.sender())
                .add("Body", text)
                .add("StatusCallback", statusCallbackUrl(message.reference()));
        String url = endpoints.twilioBaseUrl() + "/2010-04-01/Accounts/" + settings.accountId() + "/Messages.json";
        return http.client().postAbs(url)
                .basicAuthentication(settings.accountId(), settings.secret("authToken"))
                .putHeader("X-Regua-Idempotency-Key", message.idempotencyKey())
                .timeout(endpoints.timeout().toMillis())
                .sendForm(form)
                .map(res -> {
                    String body = res.bodyAsString();
                    if (res.statusCode() == 201 || res.statusCode() == 200) {
                        return (SendOutcome) new SendOutcome.Accepted("TWILIO", new JsonObject(body).getString("sid"));
                    }
                    String detail = "Twilio " + res.statusCode() + " " + HttpSenders.truncate(body);
                    return HttpSenders.transientStatus(res.statusCode())
                            ? new SendOutcome.Transient("TWILIO", detail) : new SendOutcome.Permanent("TWILIO", detail);
                })
                .onFailure().recoverWithItem(e -> HttpSenders.noAnswer("TWILIO", "Twilio", e));
    }
}
