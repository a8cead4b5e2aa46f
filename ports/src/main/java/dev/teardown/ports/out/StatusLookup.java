package dev.teardown.ports.out;

import dev.teardown.domain.TeardownStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a status lookup found, and how much longer it may be served when it came from a copy kept for
 * others too (a cache shared by many instances): a cache in front of such a source keeps the answer no
 * longer than that, so that two caches in a row never serve an answer past the freshness it had when it
 * came from the origin.
 *
 * @param status the status, or empty when no teardown request is known for the Droplet
 * @param freshFor how much longer the answer may be served again; empty for an answer new from the origin
 */
public record StatusLookup(Optional<TeardownStatus> status, Optional<Duration> freshFor) {

    public StatusLookup {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(freshFor, "freshFor");
        freshFor.ifPresent(duration -> {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("freshFor must be zero or positive, was " + duration);
            }
        });
    }

    /** An answer new from the origin: a cache keeps it as long as its own policy says. */
    public static StatusLookup fromOrigin(Optional<TeardownStatus> status) {
        return new StatusLookup(status, Optional.empty());
    }

    /** An answer from a kept copy that may be served for this much longer. */
    public static StatusLookup kept(Optional<TeardownStatus> status, Duration freshFor) {
        return new StatusLookup(status, Optional.of(Objects.requireNonNull(freshFor, "freshFor")));
    }

    /** The shorter of the policy's freshness and what is left of this answer's. */
    public Duration keepAtMost(Duration policy) {
        Objects.requireNonNull(policy, "policy");
        return freshFor.filter(left -> left.compareTo(policy) < 0).orElse(policy);
    }
}
