package dev.teardown.testkit;

import dev.teardown.ports.out.RateLimitFeedback;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds the rate-limit part of an answer for tests, with only the headers a test names. */
public final class RateLimitFeedbackBuilder {

    private final Instant receivedAt;
    private OptionalLong limit = OptionalLong.empty();
    private OptionalLong remaining = OptionalLong.empty();
    private Optional<Instant> reset = Optional.empty();
    private Optional<Instant> retryAfter = Optional.empty();
    private boolean rateLimited;

    private RateLimitFeedbackBuilder(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    /** An answer that arrived at this instant. */
    public static RateLimitFeedbackBuilder answerAt(Instant receivedAt) {
        return new RateLimitFeedbackBuilder(receivedAt);
    }

    public RateLimitFeedbackBuilder limit(long limit) {
        this.limit = OptionalLong.of(limit);
        return this;
    }

    public RateLimitFeedbackBuilder remaining(long remaining) {
        this.remaining = OptionalLong.of(remaining);
        return this;
    }

    public RateLimitFeedbackBuilder reset(Instant reset) {
        this.reset = Optional.of(reset);
        return this;
    }

    public RateLimitFeedbackBuilder retryAfter(Instant retryAfter) {
        this.retryAfter = Optional.of(retryAfter);
        return this;
    }

    /** A 429. */
    public RateLimitFeedbackBuilder tooManyRequests() {
        this.rateLimited = true;
        return this;
    }

    public RateLimitFeedback build() {
        return new RateLimitFeedback(receivedAt, limit, remaining, reset, retryAfter, rateLimited);
    }
}
