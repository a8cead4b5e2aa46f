package dev.teardown.ports.out;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; injected wherever the library waits, so tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The longest pause a long of nanoseconds can hold; a longer one sleeps this long. */
    Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread; a pause beyond 292 years (the reach of a long of nanoseconds) sleeps that long. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(
                duration.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : duration.toNanos());
    }
}
