package dev.teardown.ports.out;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import java.util.Optional;

/** Where teardown statuses come from: the DigitalOcean API, a cache in front of it, or a test fake. */
@FunctionalInterface
public interface TeardownStatusSource {

    /**
     * The current status of the teardown of this Droplet, or empty when no teardown request is known for it.
     *
     * @throws TeardownApiException when no status could be had; its reason says why
     */
    Optional<TeardownStatus> statusOf(DropletId dropletId);
}
