package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;

/**
 * Hears a watch of many teardowns on the thread that runs it: every observation (each names its
 * Droplet) and the end of each Droplet's watch. An exception it throws ends the run and reaches the
 * caller of {@link FleetWatch#runUntilIdle()}.
 */
@FunctionalInterface
public interface WatchListener {

    void onObservation(AwaitObservation observation);

    /** The watch of one Droplet ended; it is no longer watched. A removed Droplet has no end. */
    default void onEnded(DropletId dropletId, AwaitResult result) {
    }

    static WatchListener ignoring() {
        return observation -> { };
    }
}
