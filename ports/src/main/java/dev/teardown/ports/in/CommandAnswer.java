package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;
import java.util.Objects;

/**
 * The answer to a command (a destroy or a retry): accepted, nothing known to act on, or a destroy
 * already in progress. A command that failed, or whose effect cannot be known, throws instead.
 */
public sealed interface CommandAnswer {

    DropletId dropletId();

    /**
     * The API accepted the command; follow the teardown with the status call or {@link AwaitTeardownUseCase}.
     *
     * @param confirmation how it is known
     */
    record Accepted(DropletId dropletId, Confirmation confirmation) implements CommandAnswer {
        public Accepted {
            Objects.requireNonNull(dropletId, "dropletId");
            Objects.requireNonNull(confirmation, "confirmation");
        }
    }

    /**
     * Nothing to act on: a destroy found no such Droplet (destroyed before, or never there), a retry found
     * no teardown request for it. The API answered 404; nothing was changed.
     */
    record NotFound(DropletId dropletId) implements CommandAnswer {
        public NotFound {
            Objects.requireNonNull(dropletId, "dropletId");
        }
    }

    /**
     * A destroy of this Droplet is still in progress (the API answered 409), so a retry cannot start; wait
     * for it to end, then retry what failed.
     */
    record AlreadyInProgress(DropletId dropletId) implements CommandAnswer {
        public AlreadyInProgress {
            Objects.requireNonNull(dropletId, "dropletId");
        }
    }

    /** How an accepted command is known to be accepted. */
    enum Confirmation {
        /** The API answered 202 Accepted. */
        ANSWERED,
        /**
         * No answer came (a timeout after sending, a cut connection, a server error), and the status call
         * then showed a teardown of the Droplet under way or done: the one the command started, or, when a
         * teardown had been started before, that one, which an accepted command would not have changed.
         * The command was not sent again.
         */
        SEEN_IN_STATUS
    }
}
