package dev.regua.notification.channel.application;

import dev.regua.notification.channel.domain.Outgoing;
import dev.regua.notification.channel.domain.SendOutcome;
import dev.regua.notification.provider.domain.ProviderKind;
import dev.regua.notification.provider.domain.ProviderSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SMS through Zenvia's API v2: {@code POST /v2/channels/sms/messages} with {@code X-API-TOKEN}, a JSON body with
 * from (the sender id), to (digits only, with country code) and a text content. 200 answers the message id; 429
 * and 5xx are transient; validation and authorization errors are permanent.
 */
@ApplicationScoped
public class ZenviaSmsSender implements ChannelSender {
    private final HttpSenders http;
    private final ProviderEndpoints endpoints;
    private final MessageRenderer renderer;

    public ZenviaSmsSender(HttpSenders http, ProviderEndpoints endpoints, MessageRenderer renderer) {
        this.http = http;
        this.endpoints = endpoints;
        this.renderer = renderer;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.ZENVIA;
    }

    @Override
    public Uni<SendOutcome> send(Outgoing message, ProviderSettings settings) {
        String text;
        try {
            text = renderer.sms(message.template(), message.data(), message.override());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(new SendOutcome.Permanent("ZENVIA", "template " + message.template() + " cannot be rendered: " + e.getMessage()));
        }
        JsonObject body = new JsonObject()
                .put("from", settings.sender())
                .put("to", message.address().replaceAll("\\D", ""))
                .put("contents", new JsonArray().add(new JsonObject().put("type", "text").put("text", text)));
        return http.client().postAbs(endpoints.zenviaBaseUrl() + "/v2/channels/sms/messages")
                .putHeader("X-API-TOKEN", settings.secret("apiToken"))
                .putHeader("X-Regua-Idempotency-Key", message.idempotencyKey())
                .timeout(endpoints.timeout().toMillis())
                .sendJsonObject(body)
                .map(res -> {
                    String answer = res.bodyAsString();
                    if (res.statusCode() == 200 || res.statusCode() == 201) {
                        return (SendOutcome) new SendOutcome.Accepted("ZENVIA", new JsonObject(answer).getString("id"));
                    }
                    String detail = "Zenvia " + res.statusCode() + " " + HttpSenders.truncate(answer);
                    return HttpSenders.transientStatus(res.statusCode())
                            ? new SendOutcome.Transient("ZENVIA", detail) : new SendOutcome.Permanent("ZENVIA", detail);
                })
                .onFailure().recoverWithItem(e -> HttpSenders.noAnswer("ZENVIA", "Zenvia", e));
    }
}
