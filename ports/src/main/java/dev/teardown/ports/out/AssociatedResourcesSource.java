package dev.teardown.ports.out;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a Droplet's associated resources are listed: what a teardown of it could take along, with what
 * each costs a month if kept. The DigitalOcean API, or a test fake.
 */
@FunctionalInterface
public interface AssociatedResourcesSource {

    /**
     * The resources associated with this Droplet that the token may see, or empty when the Droplet is
     * unknown.
     *
     * @throws TeardownApiException with {@link TeardownApiException.Operation#LIST_RESOURCES} when no list
     *     could be had; its reason says why
     */
    Optional<AssociatedResources> resourcesOf(DropletId dropletId);

    /**
     * As {@link #resourcesOf(DropletId)}, but the lookup never runs past {@code deadline} (by the source's
     * clock), even when the source would allow itself longer. Sources that answer at once may keep this
     * default, which ignores the deadline.
     *
     * @throws TeardownApiException when no list could be had by the deadline
     */
    default Optional<AssociatedResources> resourcesOf(DropletId dropletId, Instant deadline) {
        return resourcesOf(dropletId);
    }
}
