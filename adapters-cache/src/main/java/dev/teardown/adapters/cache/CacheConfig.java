package dev.teardown.adapters.cache;

import dev.teardown.ports.service.FreshnessPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link CachingTeardownStatusSource} keeps each kind of answer (the shared
 * {@link FreshnessPolicy}), and how many Droplets it keeps at most. A zero duration keeps nothing of
 * that kind: concurrent lookups still share one call.
 *
 * @param freshness how long each kind of answer is kept
 * @param maximumSize how many Droplets are kept at most
 */
public record CacheConfig(FreshnessPolicy freshness, long maximumSize) {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

    public CacheConfig {
        Objects.requireNonNull(freshness, "freshness");
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be >= 1, was " + maximumSize);
        }
    }

    /** The default {@link FreshnessPolicy}; 10,000 Droplets. */
    public static CacheConfig defaults() {
        return new CacheConfig(FreshnessPolicy.defaults(), DEFAULT_MAXIMUM_SIZE);
    }

    public Duration succeeded() {
        return freshness.succeeded();
    }

    public Duration completedWithFailures() {
        return freshness.completedWithFailures();
    }

    public Duration inProgress() {
        return freshness.inProgress();
    }

    public Duration notFound() {
        return freshness.notFound();
    }

    public CacheConfig withFreshness(FreshnessPolicy freshness) {
        return new CacheConfig(freshness, maximumSize);
    }

    public CacheConfig withSucceeded(Duration succeeded) {
        return new CacheConfig(freshness.withSucceeded(succeeded), maximumSize);
    }

    public CacheConfig withCompletedWithFailures(Duration completedWithFailures) {
        return new CacheConfig(freshness.withCompletedWithFailures(completedWithFailures), maximumSize);
    }

    public CacheConfig withInProgress(Duration inProgress) {
        return new CacheConfig(freshness.withInProgress(inProgress), maximumSize);
    }

    public CacheConfig withNotFound(Duration notFound) {
        return new CacheConfig(freshness.withNotFound(notFound), maximumSize);
    }

    public CacheConfig withMaximumSize(long maximumSize) {
        return new CacheConfig(freshness, maximumSize);
    }
}
