package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;
import java.time.Instant;

/** Use case: retry the teardown of a Droplet that completed with failures. */
public interface RetryTeardownUseCase {

    /**
     * Sends the retry once. {@link CommandAnswer.AlreadyInProgress} while a destroy is still running,
     * {@link CommandAnswer.NotFound} when no teardown request is known. Never sent twice: when no answer
     * says whether the API accepted it, the status call is asked, and when that cannot tell either, this
     * fails with {@link dev.teardown.ports.out.TeardownApiException.Reason#OUTCOME_UNKNOWN}.
     *
     * @param deadline neither the command nor the status lookup after it run past it
     * @throws dev.teardown.ports.out.TeardownApiException when the retry failed or its outcome is unknown
     */
    CommandAnswer retry(DropletId dropletId, Instant deadline);

    /** As {@link #retry(DropletId, Instant)}, within the adapter's own call deadline. */
    default CommandAnswer retry(DropletId dropletId) {
        return retry(dropletId, Instant.MAX);
    }
}
