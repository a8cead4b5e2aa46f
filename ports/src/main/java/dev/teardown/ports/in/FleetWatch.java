package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;
import java.util.Map;
import java.util.Set;

/**
 * A running watch of many teardowns: Droplets may be added, removed and prioritised from any thread
 * while one thread runs it; each change takes effect at the watch's next decision.
 */
public interface FleetWatch {

    /** Watches this Droplet until its teardown ends or the options' timeout passes; false when already watched. */
    boolean add(DropletId dropletId, AwaitOptions options);

    /** Stops watching this Droplet, without an end event or a result; false when it was not watched. */
    boolean remove(DropletId dropletId);

    /** A caller waits for this Droplet: when several polls are due, its goes first (every other turn at most, so others never starve); false when not watched. */
    boolean prioritise(DropletId dropletId);

    /** The Droplets watched now. */
    Set<DropletId> watching();

    /**
     * Polls within the rate budget until no Droplet is watched, and returns how each watch ended, in the
     * order they ended; a run may be started again after more are added. Interrupted, it ends every
     * remaining watch with {@link AwaitResult.StopReason#INTERRUPTED} and sets the interrupt flag again.
     *
     * <p>An exception other than {@code TeardownApiException} from a lookup, or any from the listener,
     * ends the run and reaches the caller; the Droplets stay watched, and the run may be started again.
     *
     * @throws IllegalStateException when another thread is running this watch
     */
    Map<DropletId, AwaitResult> runUntilIdle();
}
