package dev.regua.notification.channel.application;

import dev.regua.notification.channel.domain.Outgoing;
import dev.regua.notification.channel.domain.SendOutcome;
import dev.regua.notification.channel.domain.WhatsappParameters;
import dev.regua.notification.provider.domain.ProviderKind;
import dev.regua.notification.provider.domain.ProviderSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * WhatsApp through the Business Cloud API: {@code POST /{phone-number-id}/messages} with a bearer token and an
 * approved template (name, language, body parameters, see {@link WhatsappParameters}). 200 answers the wamid;
 * 5xx, 429 and the "try later" codes (130429 rate limit, 131000 something went wrong, 131016 service unavailable)
 * are transient; every other error is permanent.
 */
@ApplicationScoped
public class WhatsappCloudSender implements ChannelSender {
    /** Prefix of our send reference in {@code biz_opaque_callback_data}, which Meta echoes in status webhooks. */
    public static final String REFERENCE_PREFIX = "regua:";
    private static final Set<Integer> TRANSIENT_CODES = Set.of(130429, 131000, 131016, 131056, 133004);
    private final HttpSenders http;
    private final ProviderEndpoints endpoints;

    public WhatsappCloudSender(HttpSenders http, ProviderEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.WHATSAPP_CLOUD;
    }

    @Override
    public Uni<SendOutcome> send(Outgoing message, ProviderSettings settings) {
        JsonArray parameters = new JsonArray();
        WhatsappParameters.of(message.data()).forEach(p -> parameters.add(new JsonObject().put("type", "text").put("text", p)));
        JsonObject body = new JsonObject()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", message.address().replaceAll("\\D", ""))
                .put("type", "template")
                .put("biz_opaque_callback_data", REFERENCE_PREFIX + message.reference())
                .put("template", new JsonObject()
                        .put("name", settings.whatsappTemplateFor(message.template()))
                        .put("language", new JsonObject().put("code", settings.language()))
                        .put("components", new JsonArray().add(new JsonObject().put("type", "body").put("parameters", parameters))));
        return http.client().postAbs(endpoints.whatsappBaseUrl() + "/" + settings.sender() + "/messages")
                .bearerTokenAuthentication(settings.secret("accessToken"))
                .putHeader("X-Regua-Idempotency-Key", message.idempotencyKey())
                .timeout(endpoints.timeout().toMillis())
                .sendJsonObject(body)
                .map(res -> {
                    String answer = res.bodyAsString();
                    if (res.statusCode() == 200) {
                        return (SendOutcome) new SendOutcome.Accepted("WHATSAPP_CLOUD",
                                new JsonObject(answer).getJsonArray("messages").getJsonObject(0).getString("id"));
                    }
                    int code = errorCode(answer);
                    String detail = "WhatsApp " + res.statusCode() + " code " + code + " " + HttpSenders.truncate(answer);
                    return HttpSenders.transientStatus(res.statusCode()) || TRANSIENT_CODES.contains(code)
                            ? new SendOutcome.Transient("WHATSAPP_CLOUD", detail) : new SendOutcome.Permanent("WHATSAPP_CLOUD", detail);
                })
                .onFailure().recoverWithItem(e -> HttpSenders.noAnswer("WHATSAPP_CLOUD", "WhatsApp", e));
    }

    private static int errorCode(String answer) {
        try {
            return new JsonObject(answer).getJsonObject("error").getInteger("code", 0);
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
