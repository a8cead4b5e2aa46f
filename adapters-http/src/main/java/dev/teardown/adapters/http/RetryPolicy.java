package dev.teardown.adapters.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a call of the API is retried after a transient failure: at most
 * {@code maxAttempts} requests in all, with full-jitter exponential backoff between them
 * (a random wait from zero to {@code min(maxDelay, baseDelay * 2^(retry - 1))}).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be >= 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("base delay must be > 0, was " + baseDelay);
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(
                    "max delay must be >= base delay " + baseDelay + ", was " + maxDelay);
        }
    }

    /** Three attempts in all, base 0.5 s, cap 8 s. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, DEFAULTS.baseDelay, DEFAULTS.maxDelay);
    }

    public static RetryPolicy of(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay);
    }

    /** The full-jitter wait before the given retry (1 for the first retry after the first attempt). */
    Duration backoffBefore(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1, was " + retry);
        }
        long ceilingNanos = maxDelay.toNanos();
        long base = baseDelay.toNanos();
        // Doubling stops as soon as the cap is reached, so the shift can never overflow.
        int shift = Math.min(retry - 1, 62);
        if (shift < Long.numberOfLeadingZeros(base) - 1) {
            ceilingNanos = Math.min(ceilingNanos, base << shift);
        }
        return Duration.ofNanos((long) (random.nextDouble() * ceilingNanos));
    }
}
