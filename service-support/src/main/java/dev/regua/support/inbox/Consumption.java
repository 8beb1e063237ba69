package dev.regua.support.inbox;

import dev.regua.contract.EventCodec;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * How consumers process a message: a malformed message fails at once (the connector sends it to the dead-letter
 * topic); any other failure — the database restarting, a lock timeout — is retried in place with exponential
 * backoff, which keeps the partition's order and loses nothing. Only after about ten minutes of failing does the
 * message go to the dead-letter topic too.
 */
public final class Consumption {
    private static final Logger LOG = Logger.getLogger(Consumption.class);
    private static final int ATTEMPTS = 25;

    private Consumption() {
    }

    public static Uni<Void> reliably(String consumer, IncomingEvent event, Supplier<Uni<? extends Void>> work) {
        return Uni.createFrom().<Void>deferred(work)
                .onFailure(e -> !(e instanceof EventCodec.MalformedEventException))
                .invoke(e -> LOG.warnf("%s: processing %s (%s) failed, will retry: %s", consumer, event.id(), event.rawType(), e.toString()))
                .onFailure(e -> !(e instanceof EventCodec.MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(ATTEMPTS);
    }
}
