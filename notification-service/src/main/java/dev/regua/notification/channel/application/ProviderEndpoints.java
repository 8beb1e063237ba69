package dev.regua.notification.channel.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the real providers live (configuration only; tests point them at the simulator). */
@ConfigMapping(prefix = "regua.notification.providers")
public interface ProviderEndpoints {
    /** Twilio's REST API, e.g. https://api.twilio.com. */
    @WithDefault("https://api.twilio.com")
    String twilioBaseUrl();

    /** Zenvia's API, e.g. https://api.zenvia.com. */
    @WithDefault("https://api.zenvia.com")
    String zenviaBaseUrl();

    /** The Graph API with its version, e.g. https://graph.facebook.com/v21.0. */
    @WithDefault("https://graph.facebook.com/v21.0")
    String whatsappBaseUrl();

    /** This service's public base URL, for the status callbacks providers post back. */
    @WithDefault("http://127.0.0.1:8083")
    String callbackBaseUrl();

    /** How long one provider call may take before it counts as a transient failure. */
    @WithDefault("10s")
    Duration timeout();
}
