package dev.teardown.sandbox;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.ResourceRef;
import dev.teardown.domain.TeardownStatus;
import java.util.List;

/** What the sandbox's account answers one call, before it becomes an HTTP answer. */
sealed interface SandboxAnswer {

    /** The list call's resources: 200. */
    record Listed(AssociatedResources resources) implements SandboxAnswer {
    }

    /** The status call's status: 200. */
    record Reported(TeardownStatus status) implements SandboxAnswer {
    }

    /** A destroy or retry was accepted: 202, no body. */
    record Accepted() implements SandboxAnswer {
    }

    /** No such Droplet, or no teardown request for it: 404. */
    record NotFound() implements SandboxAnswer {
    }

    /** A retry while the teardown is in progress: 409. */
    record InProgress() implements SandboxAnswer {
    }

    /** A selective destroy naming resources that are not associated with the Droplet: 422, nothing started. */
    record NotAssociated(List<ResourceRef> resources) implements SandboxAnswer {
        public NotAssociated {
            resources = List.copyOf(resources);
        }
    }
}
