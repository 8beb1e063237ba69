package dev.regua.support.clock;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The only source of business time in a service: inject {@link Clock}. It is the system clock plus an offset that
 * stays zero in production; outside production the platform can move it forward (time travel) so that a 60-day
 * régua runs in seconds. Zone is UTC: dates are always computed in the tenant's own time zone.
 */
@Singleton
public class PlatformClock extends Clock {
    private final Clock system = Clock.systemUTC();
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system, offset.get()).withZone(zone);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    public Duration offset() {
        return offset.get();
    }

    /** Sets the clock so that {@link #instant()} answers {@code target} now and moves on in real time from there. */
    public Instant setTo(Instant target) {
        offset.set(Duration.between(system.instant(), target));
        return instant();
    }

    public Instant setOffset(Duration newOffset) {
        offset.set(newOffset);
        return instant();
    }
}
