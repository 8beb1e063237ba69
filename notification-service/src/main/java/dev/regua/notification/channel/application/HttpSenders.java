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

    /**
     * A request that failed without an answer: when the connection could not even be opened the provider never saw
     * it (transient, safe to retry); otherwise (a timeout, a reset after the request left) it may have been
     * accepted, so the outcome is uncertain.
     */
    static dev.regua.notification.channel.domain.SendOutcome noAnswer(String provider, String name, Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof java.net.ConnectException || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof java.net.UnknownHostException) {
                return new dev.regua.notification.channel.domain.SendOutcome.Transient(provider, name + " unreachable: " + e.getMessage());
            }
            t = t.getCause();
        }
        return new dev.regua.notification.channel.domain.SendOutcome.Uncertain(provider, "no answer from " + name + ": " + e);
    }

    static String truncate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }

}
