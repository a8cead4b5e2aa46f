package dev.teardown.ports.out;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import java.time.Instant;
import java.util.Objects;
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

    /**
     * As {@link #statusOf(DropletId)}, but the lookup never runs past {@code deadline} (by the source's
     * clock), even when the source would allow itself longer. A waiter passes the end of its wait.
     * Sources that answer at once may keep this default, which ignores the deadline.
     *
     * @throws TeardownApiException when no status could be had by the deadline
     */
    default Optional<TeardownStatus> statusOf(DropletId dropletId, Instant deadline) {
        return statusOf(dropletId);
    }

    /**
     * As {@link #statusOf(DropletId)}, with how much longer the answer may be served when this source
     * answered from a copy it keeps for others too (a shared cache); a cache in front keeps the answer
     * no longer than that. Sources that ask the origin keep this default: the answer is new.
     *
     * @throws TeardownApiException when no status could be had; its reason says why
     */
    default StatusLookup lookUp(DropletId dropletId) {
        return StatusLookup.fromOrigin(answered(dropletId, statusOf(dropletId)));
    }

    /**
     * As {@link #lookUp(DropletId)}, never running past {@code deadline}, as
     * {@link #statusOf(DropletId, Instant)} does.
     *
     * @throws TeardownApiException when no status could be had by the deadline
     */
    default StatusLookup lookUp(DropletId dropletId, Instant deadline) {
        return StatusLookup.fromOrigin(answered(dropletId, statusOf(dropletId, deadline)));
    }

    private static Optional<TeardownStatus> answered(DropletId dropletId, Optional<TeardownStatus> answer) {
        return Objects.requireNonNull(answer,
                () -> "the source answered null for droplet " + dropletId + " instead of an Optional");
    }

    /**
     * Drops whatever this source keeps about the Droplet's teardown, so that the next lookup of it asks
     * the origin: called after a command (a destroy or a retry) changed what the status will be. A
     * source that keeps a copy of the answers of another (a cache) forgets its own and tells the other;
     * sources that keep nothing keep this default, which does nothing.
     *
     * <p>It does not fail for a store that cannot be reached (what is kept there then expires by itself):
     * it is called after a command that was already answered, and that answer must reach the caller.
     */
    default void forget(DropletId dropletId) {
    }
}
