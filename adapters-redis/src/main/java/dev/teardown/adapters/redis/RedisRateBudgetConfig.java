package dev.teardown.adapters.redis;

import dev.teardown.ports.service.RateBudgetConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits a shared rate budget spends together, and what one instance may spend alone while Redis
 * is away.
 *
 * <p>The share of {@code limits} is that of every instance together (DigitalOcean's default leaves 20 %
 * of the token to its other users); the fallback share is one instance's part of it, used only while
 * Redis does not answer. The windows are DigitalOcean's minute and hour; shorter ones are for tests
 * (the in-process fallback always counts minutes and hours).
 *
 * @param limits the token's limits and the share of them every instance together may use
 * @param fallbackShare the share of the token's limits one instance may use while Redis is away, in (0, limits' share]
 * @param minuteWindow the shorter window, over which {@code limits.perMinute()} counts
 * @param hourWindow the longer window, over which {@code limits.perHour()} counts
 */
public record RedisRateBudgetConfig(RateBudgetConfig limits, double fallbackShare, Duration minuteWindow, Duration hourWindow) {

    public static final Duration MINUTE = Duration.ofMinutes(1);
    public static final Duration HOUR = Duration.ofHours(1);
    /** How many instances {@link #digitalOcean()} expects to split the budget while Redis is away. */
    public static final int DEFAULT_EXPECTED_INSTANCES = 4;

    public RedisRateBudgetConfig {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(minuteWindow, "minuteWindow");
        Objects.requireNonNull(hourWindow, "hourWindow");
        if (!(fallbackShare > 0 && fallbackShare <= limits.share())) {
            throw new IllegalArgumentException(
                    "fallbackShare must be in (0, " + limits.share() + "] (the share of every instance together), was "
                            + fallbackShare);
        }
        if (minuteWindow.toNanos() < 1_000 || minuteWindow.toNanos() % 1_000 != 0) {
            throw new IllegalArgumentException("minuteWindow must be whole microseconds, at least one, was " + minuteWindow);
        }
        if (hourWindow.compareTo(minuteWindow) < 0 || hourWindow.toNanos() % 1_000 != 0) {
            throw new IllegalArgumentException("hourWindow must be whole microseconds, at least minuteWindow ("
                    + minuteWindow + "), was " + hourWindow);
        }
    }

    /**
     * DigitalOcean's limits, 80 % of them for every instance together; while Redis is away each instance
     * takes a quarter of that ({@value #DEFAULT_EXPECTED_INSTANCES} expected instances): 20 % of the
     * token, 50 requests a minute and 1,000 an hour.
     */
    public static RedisRateBudgetConfig digitalOcean() {
        return digitalOcean(DEFAULT_EXPECTED_INSTANCES);
    }

    /**
     * DigitalOcean's limits, 80 % of them for every instance together; while Redis is away each of the
     * {@code expectedInstances} takes an equal part of that.
     */
    public static RedisRateBudgetConfig digitalOcean(int expectedInstances) {
        return of(RateBudgetConfig.digitalOcean(), expectedInstances);
    }

    /** These limits for every instance together; while Redis is away each of the {@code expectedInstances} takes an equal part. */
    public static RedisRateBudgetConfig of(RateBudgetConfig limits, int expectedInstances) {
        Objects.requireNonNull(limits, "limits");
        if (expectedInstances < 1) {
            throw new IllegalArgumentException("expectedInstances must be >= 1, was " + expectedInstances);
        }
        // four decimals, rounded down: n instances never take more than the whole share together
        double part = BigDecimal.valueOf(limits.share())
                .divide(BigDecimal.valueOf(expectedInstances), 4, RoundingMode.FLOOR)
                .doubleValue();
        if (part <= 0) {
            throw new IllegalArgumentException(
                    "a share of " + limits.share() + " cannot be split among " + expectedInstances + " instances");
        }
        return new RedisRateBudgetConfig(limits, part, MINUTE, HOUR);
    }

    public RedisRateBudgetConfig withFallbackShare(double fallbackShare) {
        return new RedisRateBudgetConfig(limits, fallbackShare, minuteWindow, hourWindow);
    }

    /** The same limits over other windows (for tests: seconds instead of a minute and an hour). */
    public RedisRateBudgetConfig withWindows(Duration minuteWindow, Duration hourWindow) {
        return new RedisRateBudgetConfig(limits, fallbackShare, minuteWindow, hourWindow);
    }

    /** The limits one instance counts by itself while Redis is away. */
    public RateBudgetConfig fallbackLimits() {
        return limits.withShare(fallbackShare);
    }
}
