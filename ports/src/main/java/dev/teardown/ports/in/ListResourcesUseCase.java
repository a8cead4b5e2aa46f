package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;
import java.time.Instant;

/** Use case: list what a teardown of a Droplet could take along, and what it costs a month if kept. */
@FunctionalInterface
public interface ListResourcesUseCase {

    /** @throws dev.teardown.ports.out.TeardownApiException when no list could be had */
    ResourcesAnswer list(DropletId dropletId);

    /**
     * As {@link #list(DropletId)}, never running past {@code deadline}; this default ignores it.
     *
     * @throws dev.teardown.ports.out.TeardownApiException when no list could be had by the deadline
     */
    default ResourcesAnswer list(DropletId dropletId, Instant deadline) {
        return list(dropletId);
    }
}
