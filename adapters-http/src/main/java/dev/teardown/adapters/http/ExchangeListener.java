package dev.teardown.adapters.http;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Hears of every request the transport sends and how it ended, for request logs and metrics. Called on
 * the calling thread after each attempt; never given the token.
 */
@FunctionalInterface
public interface ExchangeListener {

    void onExchange(Exchange exchange);

    /** The listener that hears nothing; a transport given it describes no exchanges at all. */
    static ExchangeListener ignoring() {
        return Ignoring.INSTANCE;
    }

    /**
     * One request and its answer.
     *
     * @param method the HTTP method
     * @param path the request path, without host or query
     * @param status the HTTP status, empty when no answer came (connection failure, timeout)
     * @param attempt the attempt's number within the call, from 1
     * @param elapsed how long the attempt took
     * @param rateLimitRemaining the {@code ratelimit-remaining} the API last reported, when known
     * @param failure what went wrong, empty when the attempt got an answer its call reads
     * @param budgetRemaining the permits the transport's rate budget had left after the attempt; empty
     *     for {@link dev.teardown.ports.out.RateBudget#unlimited()}
     */
    record Exchange(
            String method, String path, OptionalInt status, int attempt, Duration elapsed,
            OptionalInt rateLimitRemaining, Optional<String> failure, OptionalLong budgetRemaining) {

        /** An exchange of a transport without a rate budget. */
        public Exchange(String method, String path, OptionalInt status, int attempt, Duration elapsed,
                OptionalInt rateLimitRemaining, Optional<String> failure) {
            this(method, path, status, attempt, elapsed, rateLimitRemaining, failure, OptionalLong.empty());
        }
    }

    /** Holds the one ignoring listener, so that a transport can recognise it. */
    final class Ignoring {
        static final ExchangeListener INSTANCE = exchange -> { };

        private Ignoring() {
        }
    }
}
