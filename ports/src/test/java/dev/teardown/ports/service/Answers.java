package dev.teardown.ports.service;

import dev.teardown.ports.out.RateLimitFeedback;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds the rate-limit part of an answer, with only the headers a test names. */
final class Answers {

    private final Instant receivedAt;
    private OptionalLong limit = OptionalLong.empty();
    private OptionalLong remaining = OptionalLong.empty();
    private Optional<Instant> reset = Optional.empty();
    private Optional<Instant> retryAfter = Optional.empty();
    private boolean rateLimited;

    private Answers(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    static Answers at(Instant receivedAt) {
        return new Answers(receivedAt);
    }

    Answers limit(long limit) {
        this.limit = OptionalLong.of(limit);
        return this;
    }

    Answers remaining(long remaining) {
        this.remaining = OptionalLong.of(remaining);
        return this;
    }

    Answers reset(Instant reset) {
        this.reset = Optional.of(reset);
        return this;
    }

    Answers retryAfter(Instant retryAfter) {
        this.retryAfter = Optional.of(retryAfter);
        return this;
    }

    Answers tooManyRequests() {
        this.rateLimited = true;
        return this;
    }

    RateLimitFeedback build() {
        return new RateLimitFeedback(receivedAt, limit, remaining, reset, retryAfter, rateLimited);
    }
}
