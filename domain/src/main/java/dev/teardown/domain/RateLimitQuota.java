package dev.teardown.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The API's rate-limit quota as the last response reported it ({@code ratelimit-limit},
 * {@code ratelimit-remaining}, {@code ratelimit-reset}), so callers can slow down before a 429.
 *
 * @param limit requests allowed per hour
 * @param remaining requests left before the API answers 429
 * @param resetAt when the oldest counted request expires, when reported
 * @param observedAt when the response carrying these figures arrived
 */
public record RateLimitQuota(int limit, int remaining, Optional<Instant> resetAt, Instant observedAt) {

    public RateLimitQuota {
        if (limit < 0 || remaining < 0) {
            throw new IllegalArgumentException(
                    "rate limit figures must be >= 0, were limit=" + limit + " remaining=" + remaining);
        }
        resetAt = Objects.requireNonNullElse(resetAt, Optional.empty());
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** True when the next request will most likely be refused with a 429. */
    public boolean isExhausted() {
        return remaining == 0;
    }
}
