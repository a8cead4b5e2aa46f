package dev.teardown.adapters.cache;

import dev.teardown.domain.TeardownStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a {@link CachingTeardownStatusSource} keeps each kind of answer, and how many Droplets it
 * keeps at most. A zero duration keeps nothing of that kind: concurrent lookups still share one call.
 *
 * @param succeeded how long a teardown that completed without failures is kept (it no longer changes)
 * @param completedWithFailures how long a teardown that completed with failures is kept (a retry can restart it)
 * @param inProgress how long a teardown still in progress is kept (long enough to merge concurrent pollers)
 * @param notFound how long "no teardown request known" is kept
 * @param maximumSize how many Droplets are kept at most
 */
public record CacheConfig(
        Duration succeeded,
        Duration completedWithFailures,
        Duration inProgress,
        Duration notFound,
        long maximumSize) {

    public static final Duration DEFAULT_SUCCEEDED = Duration.ofMinutes(10);
    public static final Duration DEFAULT_COMPLETED_WITH_FAILURES = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IN_PROGRESS = Duration.ofSeconds(2);
    public static final Duration DEFAULT_NOT_FOUND = Duration.ofSeconds(5);
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    public CacheConfig {
        requireZeroOrPositive("succeeded", succeeded);
        requireZeroOrPositive("completedWithFailures", completedWithFailures);
        requireZeroOrPositive("inProgress", inProgress);
        requireZeroOrPositive("notFound", notFound);
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be >= 1, was " + maximumSize);
        }
    }

    /** 10 minutes for succeeded, 30 s for completed with failures, 2 s for in progress, 5 s for not found; 10,000 Droplets. */
    public static CacheConfig defaults() {
        return new CacheConfig(DEFAULT_SUCCEEDED, DEFAULT_COMPLETED_WITH_FAILURES, DEFAULT_IN_PROGRESS,
                DEFAULT_NOT_FOUND, DEFAULT_MAXIMUM_SIZE);
    }

    public CacheConfig withSucceeded(Duration succeeded) {
        return new CacheConfig(succeeded, completedWithFailures, inProgress, notFound, maximumSize);
    }

    public CacheConfig withCompletedWithFailures(Duration completedWithFailures) {
        return new CacheConfig(succeeded, completedWithFailures, inProgress, notFound, maximumSize);
    }

    public CacheConfig withInProgress(Duration inProgress) {
        return new CacheConfig(succeeded, completedWithFailures, inProgress, notFound, maximumSize);
    }

    public CacheConfig withNotFound(Duration notFound) {
        return new CacheConfig(succeeded, completedWithFailures, inProgress, notFound, maximumSize);
    }

    public CacheConfig withMaximumSize(long maximumSize) {
        return new CacheConfig(succeeded, completedWithFailures, inProgress, notFound, maximumSize);
    }

    /** How long this answer of the wrapped source may be served again. */
    Duration timeToLive(Optional<TeardownStatus> learned) {
        if (learned.isEmpty()) {
            return notFound;
        }
        return switch (learned.get().outcome()) {
            case SUCCEEDED -> succeeded;
            case COMPLETED_WITH_FAILURES -> completedWithFailures;
            case IN_PROGRESS -> inProgress;
        };
    }

    private static void requireZeroOrPositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + duration);
        }
    }
}
