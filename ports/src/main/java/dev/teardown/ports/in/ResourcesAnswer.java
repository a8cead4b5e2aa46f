package dev.teardown.ports.in;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import java.util.Objects;

/** The answer to one listing: the Droplet's associated resources, or no such Droplet. */
public sealed interface ResourcesAnswer {

    DropletId dropletId();

    /** The Droplet exists; these are the associated resources the token may see (possibly none). */
    record Listed(AssociatedResources resources) implements ResourcesAnswer {
        public Listed {
            Objects.requireNonNull(resources, "resources");
        }

        @Override
        public DropletId dropletId() {
            return resources.dropletId();
        }
    }

    /** The API knows no such Droplet (it answered 404). */
    record UnknownDroplet(DropletId dropletId) implements ResourcesAnswer {
        public UnknownDroplet {
            Objects.requireNonNull(dropletId, "dropletId");
        }
    }
}
