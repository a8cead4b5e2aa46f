package dev.teardown.ports.service;

import java.time.Duration;
import java.time.Instant;

/** Arithmetic on durations that saturates instead of overflowing, for waits a caller may set absurdly long. */
final class Durations {

    private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    private Durations() {
    }

    /** The duration in nanoseconds, or {@link Long#MAX_VALUE} when it is longer than that. */
    static long nanosAtMostMax(Duration duration) {
        return duration.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }

    /** {@code instant + duration}, or {@link Instant#MAX} when that lies beyond it. */
    static Instant plusAtMostMax(Instant instant, Duration duration) {
        return duration.compareTo(Duration.between(instant, Instant.MAX)) >= 0 ? Instant.MAX : instant.plus(duration);
    }
}
