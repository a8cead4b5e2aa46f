package dev.teardown.testkit;

import dev.teardown.ports.out.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A clock that moves only when told, with a {@link Sleeper} that advances it instead of sleeping,
 * so code that waits can be tested without waiting.
 */
public final class ManualClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;
    private final List<Duration> sleeps = new ArrayList<>();

    public ManualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private ManualClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = zone;
    }

    public static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant));
    }

    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back, asked to advance " + duration);
        }
        now = now.plus(duration);
    }

    /** A sleeper that records each pause and advances this clock by it. */
    public Sleeper sleeper() {
        return duration -> {
            synchronized (this) {
                sleeps.add(duration);
            }
            advance(duration);
        };
    }

    /** Every pause taken through {@link #sleeper()}, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ManualClock(now, zone);
    }
}
