package dev.teardown.ports;

import dev.teardown.domain.DropletId;

/** Use case: look up once how the teardown of a Droplet is going. */
@FunctionalInterface
public interface CheckTeardown {

    /** @throws TeardownStatusUnavailableException when no status could be had */
    TeardownCheck check(DropletId dropletId);
}
