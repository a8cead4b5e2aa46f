package dev.teardown.ports.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How long a teardown takes per resource, learned from those that ended: an exponentially weighted
 * average of (end − first seen) / resources, so that recent teardowns weigh most and one slow outlier
 * fades. Pure and not thread-safe.
 */
final class CompletionEstimate {

    /** The weight of the newest teardown; about the last ten shape the estimate. */
    static final double WEIGHT = 0.2;
    /** Below this many ended teardowns the estimate is too young to hold a poll back, only to pull one forward. */
    static final int CONFIDENT_AFTER = 3;
    /**
     * How far past the average an expected end is put. Teardowns of one size vary by a third or so around
     * the average: a poll at the average finds half of them still running and costs another, one a quarter
     * past it finds about three in four ended, for a few seconds more between an end and its detection
     * (measured in the benchmarks' fleet simulation).
     */
    static final double AIM_PAST_AVERAGE = 1.25;

    private double secondsPerResource = Double.NaN;
    private double resources = Double.NaN;
    private int samples;

    /** A teardown first seen at {@code firstSeen} with {@code resources} resources ended at {@code end}. */
    void ended(Instant firstSeen, Instant end, int resources) {
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(end, "end");
        double seconds = Math.max(0, Duration.between(firstSeen, end).toNanos() / 1e9);
        double sample = seconds / Math.max(1, resources);
        secondsPerResource = samples == 0 ? sample : WEIGHT * sample + (1 - WEIGHT) * secondsPerResource;
        this.resources = samples == 0 ? Math.max(1, resources) : WEIGHT * Math.max(1, resources) + (1 - WEIGHT) * this.resources;
        samples++;
    }

    OptionalDouble secondsPerResource() {
        return samples == 0 ? OptionalDouble.empty() : OptionalDouble.of(secondsPerResource);
    }

    boolean confident() {
        return samples >= CONFIDENT_AFTER;
    }

    /**
     * How long a teardown of a size not yet seen usually takes: the average duration per resource times
     * the average number of resources of those that ended; empty before any ended.
     */
    Optional<Duration> typicalDuration() {
        if (samples == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.min(Long.MAX_VALUE / 2.0, secondsPerResource * resources * 1e9)));
    }

    /**
     * When to expect a teardown with {@code pending} resources left as of {@code since} to have ended: a
     * quarter past the average ({@link #AIM_PAST_AVERAGE}); empty before any ended.
     */
    Optional<Instant> expectedEnd(Instant since, int pending) {
        if (samples == 0) {
            return Optional.empty();
        }
        long nanos = (long) Math.min(Long.MAX_VALUE / 2.0, secondsPerResource * Math.max(1, pending) * AIM_PAST_AVERAGE * 1e9);
        return Optional.of(Durations.plusAtMostMax(since, Duration.ofNanos(nanos)));
    }
}
