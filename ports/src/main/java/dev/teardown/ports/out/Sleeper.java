package dev.teardown.ports.out;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; injected wherever the library waits, so tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
