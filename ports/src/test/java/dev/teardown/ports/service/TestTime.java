package dev.teardown.ports.service;

import dev.teardown.ports.out.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock moved only by hand or by its sleeper (the testkit's ManualClock cannot be used here: it depends on ports). */
final class TestTime implements InstantSource {

    private Instant now;
    final List<Duration> sleeps = new ArrayList<>();

    TestTime(Instant start) {
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
}
