package dev.teardown.adapters.http;

import dev.teardown.ports.out.TeardownApiException.Operation;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Hears of every call of the API as a whole, for metrics and tracing: when it starts, how each attempt
 * ended, and how the call ended. It is told which call of the family it is, never the Droplet, the path
 * or the token. Everything about one call is told on the thread that makes it, in order, and
 * {@link CallTrace#callEnded} exactly once, whatever happens.
 *
 * <p>A listener must not throw: what it throws ends the call with that exception, even after the API
 * answered. The default, {@link #ignoring()}, costs a transport nothing.
 */
@FunctionalInterface
public interface CallListener {

    /**
     * A call starts, before its first permit of the rate budget is taken.
     *
     * @return what hears the rest of this call
     */
    CallTrace callStarted(Operation operation);

    /** The listener that hears nothing; a transport given it describes no call at all. */
    static CallListener ignoring() {
        return Ignoring.INSTANCE;
    }

    /** Hears the attempts and the end of one call. */
    interface CallTrace {

        /** An attempt got an answer or failed; not told of attempts that were never sent. */
        default void attemptEnded(Attempt attempt) {
            // a trace that counts no attempts
        }

        /** The call ended: told once, last. */
        void callEnded(CallEnd end);
    }

    /**
     * One attempt of a call.
     *
     * @param operation which call of the family
     * @param number the attempt's number within the call, from 1
     * @param outcome how the attempt ended
     * @param status the HTTP status of its answer, empty when none came
     * @param elapsed how long the attempt took, from sending to the answer read
     */
    record Attempt(Operation operation, int number, CallOutcome outcome, OptionalInt status, Duration elapsed) {

        public Attempt {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(elapsed, "elapsed");
            if (number < 1) {
                throw new IllegalArgumentException("attempt number must be >= 1, was " + number);
            }
        }
    }

    /**
     * How a call ended.
     *
     * @param operation which call of the family
     * @param outcome what it came to
     * @param status the HTTP status of the last answer, empty when none came or the failure came after it
     *     (a deadline that passed while waiting to retry)
     * @param attempts how many requests were sent; 0 when none was (no permit before the deadline)
     * @param elapsed how long the call took, waits included
     * @param failure what the call threw, for a call that did not end with an answer
     */
    record CallEnd(Operation operation, CallOutcome outcome, OptionalInt status, int attempts, Duration elapsed,
            Optional<Throwable> failure) {

        public CallEnd {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(elapsed, "elapsed");
            Objects.requireNonNull(failure, "failure");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
            }
        }
    }

    /** Holds the one ignoring listener, so that a transport can recognise it. */
    final class Ignoring {
        static final CallListener INSTANCE = operation -> end -> { };

        private Ignoring() {
        }
    }
}
