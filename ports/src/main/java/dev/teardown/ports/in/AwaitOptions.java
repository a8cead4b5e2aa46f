package dev.teardown.ports.in;

import java.time.Duration;
import java.util.Objects;

/**
 * How to wait for a teardown to end.
 *
 * @param timeout how long to poll before giving up with {@link AwaitResult.StopReason#DEADLINE}
 * @param minInterval the first and shortest pause between polls
 * @param maxInterval the longest pause between polls while nothing changes
 * @param failureLimit how many failed lookups in a row end the wait; rate-limited lookups do not count
 * @param stopWhenNotFound whether "no teardown request known" ends the wait, or is polled until one appears
 */
public record AwaitOptions(
        Duration timeout, Duration minInterval, Duration maxInterval, int failureLimit, boolean stopWhenNotFound) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_FAILURE_LIMIT = 5;

    public AwaitOptions {
        requirePositive(timeout, "timeout");
        requirePositive(minInterval, "minInterval");
        requirePositive(maxInterval, "maxInterval");
        if (maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException(
                    "maxInterval must be >= minInterval, was " + maxInterval + " < " + minInterval);
        }
        if (failureLimit < 1) {
            throw new IllegalArgumentException("failureLimit must be >= 1, was " + failureLimit);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /** Ten minutes, polling every 2 s backing off to 30 s, five failures in a row, stop when not found. */
    public static AwaitOptions defaults() {
        return new AwaitOptions(DEFAULT_TIMEOUT, DEFAULT_MIN_INTERVAL, DEFAULT_MAX_INTERVAL, DEFAULT_FAILURE_LIMIT, true);
    }

    public AwaitOptions withTimeout(Duration timeout) {
        return new AwaitOptions(timeout, minInterval, maxInterval, failureLimit, stopWhenNotFound);
    }

    /** Sets both bounds of the pause between polls. */
    public AwaitOptions withIntervals(Duration minInterval, Duration maxInterval) {
        return new AwaitOptions(timeout, minInterval, maxInterval, failureLimit, stopWhenNotFound);
    }

    public AwaitOptions withFailureLimit(int failureLimit) {
        return new AwaitOptions(timeout, minInterval, maxInterval, failureLimit, stopWhenNotFound);
    }

    public AwaitOptions withStopWhenNotFound(boolean stopWhenNotFound) {
        return new AwaitOptions(timeout, minInterval, maxInterval, failureLimit, stopWhenNotFound);
    }
}
