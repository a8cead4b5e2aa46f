package dev.teardown.ports;

import dev.teardown.ports.out.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock moved only by its sleeper (the testkit's ManualClock cannot be used here: it depends on ports). */
final class FakeTime extends Clock {

    private Instant now;
    final List<Duration> sleeps = new ArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
    }

    Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            now = now.plus(duration);
        };
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
