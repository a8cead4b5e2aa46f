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
        /** The timeout passed first. */
        DEADLINE,
        /** Too many lookups in a row failed. */
        FAILURES,
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
