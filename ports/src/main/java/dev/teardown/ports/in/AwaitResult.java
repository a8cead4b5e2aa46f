package dev.teardown.ports.in;

import dev.teardown.ports.out.TeardownApiException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a wait ended.
 *
 * @param reason why polling stopped
 * @param last the last successful lookup, if any succeeded
 * @param lastFailure the failure of the last lookup, when the last lookup failed
 * @param polls how many lookups were made
 * @param elapsed time from the first lookup to the end, by the injected clock
 */
public record AwaitResult(
        StopReason reason,
        Optional<StatusAnswer> last,
        Optional<TeardownApiException> lastFailure,
        int polls,
        Duration elapsed) {

    /** Why a wait stopped. */
    public enum StopReason {
        /** The teardown ended (or is unknown, when that was asked to end the wait). */
        TERMINAL,
        /** The timeout passed first (or so nearly that no lookup had time left). */
        DEADLINE,
        /** Too many lookups in a row failed. */
        FAILURES,
        /**
         * A lookup failed in a way that waiting cannot change (a refused token, a missing scope, an
         * answer that is not the API's); {@code lastFailure} says which.
         */
        PERMANENT_FAILURE,
        /** The API allows the next lookup only at or after the deadline; {@code lastFailure} says when. */
        RATE_LIMITED,
        /** The waiting thread was interrupted; its interrupt flag is set again. */
        INTERRUPTED
    }

    public AwaitResult {
        Objects.requireNonNull(reason, "reason");
        last = Objects.requireNonNullElse(last, Optional.empty());
        lastFailure = Objects.requireNonNullElse(lastFailure, Optional.empty());
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
