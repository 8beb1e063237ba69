package dev.regua.notification.channel.application;

import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** One shared non-blocking HTTP client for the providers, with a bounded connection pool. */
@ApplicationScoped
public class HttpSenders {
    private final WebClient client;

    public HttpSenders(Vertx vertx) {
        WebClientOptions options = new WebClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setConnectTimeout(5000).setUserAgent("regua-notification");
        options.setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_1_1);
        this.client = WebClient.create(vertx, options);
    }

    public WebClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    static boolean transientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    static String truncate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }

}
