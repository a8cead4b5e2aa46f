package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;

/** Use case: look up once how the teardown of a Droplet is going. */
@FunctionalInterface
public interface CheckStatusUseCase {

    /** @throws TeardownApiException when no status could be had */
    StatusAnswer check(DropletId dropletId);
}
