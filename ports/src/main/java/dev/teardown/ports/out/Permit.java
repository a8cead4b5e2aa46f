package dev.teardown.ports.out;

import java.time.Instant;
import java.util.Objects;

/** The rate budget's answer to "may I send a request now?": granted, or not before a given instant. */
public sealed interface Permit {

    /** Send the request; the permit was counted at {@code at}. */
    record Granted(Instant at) implements Permit {
        public Granted {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Do not send: no permit is free before {@code nextFreeAt}. */
    record Denied(Instant nextFreeAt) implements Permit {
        public Denied {
            Objects.requireNonNull(nextFreeAt, "nextFreeAt");
        }
    }
}
