package dev.teardown.ports.service;

import dev.teardown.ports.out.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock moved only by hand or by its sleeper, for the watch of many teardowns (a service needs a Clock). */
final class ManualTime extends Clock {

    private volatile Instant now;
    private Runnable onSleep = () -> { };

    ManualTime(Instant start) {
        this.now = start;
    }

    Sleeper sleeper() {
        return duration -> {
            now = now.plus(duration);
            onSleep.run();
        };
    }

    /** Runs after every sleep, as another thread would act while the watch sleeps. */
    void onSleep(Runnable action) {
        this.onSleep = action;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("not needed by these tests");
    }
}
