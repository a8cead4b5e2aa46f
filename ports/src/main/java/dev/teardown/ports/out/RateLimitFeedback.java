package dev.teardown.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one answer of the API said about the rate limit, for {@link RateBudget#onAnswer}.
 *
 * <p>The transport reads the headers and leaves out what is missing or unreadable; a value present
 * here is a value the server sent.
 *
 * @param receivedAt when the answer arrived, on the caller's clock
 * @param limit {@code ratelimit-limit}: requests the token may make in an hour
 * @param remaining {@code ratelimit-remaining}: requests the token has left, counting every user of it
 * @param reset {@code ratelimit-reset}: when the oldest counted request stops counting
 * @param retryAfter {@code Retry-After} as an instant ({@code receivedAt} plus its seconds)
 * @param rateLimited whether the answer was a 429
 */
public record RateLimitFeedback(
        Instant receivedAt,
        OptionalLong limit,
        OptionalLong remaining,
        Optional<Instant> reset,
        Optional<Instant> retryAfter,
        boolean rateLimited) {

    public RateLimitFeedback {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (limit.isPresent() && limit.getAsLong() < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit.getAsLong());
        }
        if (remaining.isPresent() && remaining.getAsLong() < 0) {
            throw new IllegalArgumentException("remaining must be >= 0, was " + remaining.getAsLong());
        }
    }

    /** An answer that said nothing about the rate limit. */
    public static RateLimitFeedback silent(Instant receivedAt, boolean rateLimited) {
        return new RateLimitFeedback(
                receivedAt, OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), rateLimited);
    }
}
