package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;
import java.time.Instant;

/** Use case: look up once how the teardown of a Droplet is going. */
@FunctionalInterface
public interface CheckStatusUseCase {

    /** @throws dev.teardown.ports.out.TeardownApiException when no status could be had */
    StatusAnswer check(DropletId dropletId);

    /**
     * As {@link #check(DropletId)}, never running past {@code deadline}; this default ignores it.
     *
     * @throws dev.teardown.ports.out.TeardownApiException when no status could be had by the deadline
     */
    default StatusAnswer check(DropletId dropletId, Instant deadline) {
        return check(dropletId);
    }
}
