package dev.teardown.ports;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; injected wherever the library waits, so tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread; a pause beyond 292 years (the reach of a long of nanoseconds) sleeps that long. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(Durations.nanosAtMostMax(duration));
    }
}
