package dev.teardown.ports.in;

import dev.teardown.ports.out.TeardownApiException;
import java.time.Duration;
import java.time.Instant;

/** Something a wait saw: a lookup's answer, a failed lookup, or the pause before the next one. */
public sealed interface AwaitObservation {

    /** When it was seen, by the injected clock. */
    Instant at();

    /** The number of the lookup it belongs to, from 1. */
    int poll();

    /** A lookup answered. */
    record Checked(Instant at, int poll, StatusAnswer check) implements AwaitObservation {}

    /** A lookup failed; {@code consecutiveFailures} counts those that count against the limit. */
    record Failed(Instant at, int poll, TeardownApiException failure, int consecutiveFailures)
            implements AwaitObservation {}

    /** The wait pauses this long before the next lookup. */
    record Waiting(Instant at, int poll, Duration pause) implements AwaitObservation {}
}
