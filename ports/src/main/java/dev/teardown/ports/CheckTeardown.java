package dev.teardown.ports;

import dev.teardown.domain.DropletId;
import java.time.Instant;

/** Use case: look up once how the teardown of a Droplet is going. */
@FunctionalInterface
public interface CheckTeardown {

    /** @throws TeardownStatusUnavailableException when no status could be had */
    TeardownCheck check(DropletId dropletId);

    /**
     * As {@link #check(DropletId)}, never running past {@code deadline}; this default ignores it.
     *
     * @throws TeardownStatusUnavailableException when no status could be had by the deadline
     */
    default TeardownCheck check(DropletId dropletId, Instant deadline) {
        return check(dropletId);
    }
}
