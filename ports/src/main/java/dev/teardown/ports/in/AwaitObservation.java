package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException;
import java.time.Duration;
import java.time.Instant;

/**
 * Something a wait saw: a lookup's answer, a failed lookup, or the pause before the next one. Each
 * names its Droplet, so that one listener can hear the waits of many.
 */
public sealed interface AwaitObservation {

    /** The Droplet whose teardown is awaited. */
    DropletId dropletId();

    /** When it was seen, by the injected clock. */
    Instant at();

    /** The number of the lookup it belongs to, from 1. */
    int poll();

    /** A lookup answered. */
    record Checked(DropletId dropletId, Instant at, int poll, StatusAnswer check) implements AwaitObservation {}

    /** A lookup failed; {@code consecutiveFailures} counts those that count against the limit. */
    record Failed(DropletId dropletId, Instant at, int poll, TeardownApiException failure, int consecutiveFailures)
            implements AwaitObservation {}

    /** The wait pauses this long before the next lookup. */
    record Waiting(DropletId dropletId, Instant at, int poll, Duration pause) implements AwaitObservation {}
}
