package dev.regua.credit.bureau.adapter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the bureaus are and how to authenticate with them (the local simulator unless the environment says else). */
@ConfigMapping(prefix = "regua.credit.bureaus")
public interface BureausConfig {
    /** How long one bureau call may take before it counts as a timeout (and is retried later with the same key). */
    @WithDefault("PT10S")
    Duration timeout();

    Serasa serasa();

    Spc spc();

    BoaVista boaVista();

    /** The notary offices' protest central (CRA). */
    Notary notary();

    interface Serasa {
        String baseUrl();

        String clientId();

        String clientSecret();
    }

    interface Spc {
        String baseUrl();

        String operator();

        String password();
    }

    interface Notary {
        String baseUrl();

        String apiKey();
    }

    interface BoaVista {
        String baseUrl();

        String apiKey();
    }
}
