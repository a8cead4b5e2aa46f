package dev.teardown.ports.in;

import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import java.time.Instant;

/**
 * Use case: destroy a Droplet with its associated resources, all of them or a selection. It cannot be
 * undone; list the resources first ({@link ListResourcesUseCase}) to see what it would take along, and
 * check a selection with {@link DestroyRequest.Selection#unknownIn}.
 */
public interface DestroyTeardownUseCase {

    /**
     * Sends the destroy once. Never sent twice: when no answer says whether the API accepted it, the
     * status call is asked, and when that cannot tell either, this fails with
     * {@link dev.teardown.ports.out.TeardownApiException.Reason#OUTCOME_UNKNOWN}.
     *
     * @param deadline neither the command nor the status lookup after it run past it
     * @throws dev.teardown.ports.out.TeardownApiException when the destroy failed or its outcome is unknown
     */
    CommandAnswer destroy(DropletId dropletId, DestroyRequest request, Instant deadline);

    /** As {@link #destroy(DropletId, DestroyRequest, Instant)}, within the adapter's own call deadline. */
    default CommandAnswer destroy(DropletId dropletId, DestroyRequest request) {
        return destroy(dropletId, request, Instant.MAX);
    }
}
