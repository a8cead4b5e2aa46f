package dev.teardown.ports.service;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.ListResourcesUseCase;
import dev.teardown.ports.in.ResourcesAnswer;
import dev.teardown.ports.out.AssociatedResourcesSource;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Lists a Droplet's associated resources with one lookup in an {@link AssociatedResourcesSource}. */
public final class ListResourcesService implements ListResourcesUseCase {

    private final AssociatedResourcesSource source;

    public ListResourcesService(AssociatedResourcesSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public ResourcesAnswer list(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        return answer(dropletId, source.resourcesOf(dropletId));
    }

    @Override
    public ResourcesAnswer list(DropletId dropletId, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(deadline, "deadline");
        return answer(dropletId, source.resourcesOf(dropletId, deadline));
    }

    private static ResourcesAnswer answer(DropletId dropletId, Optional<AssociatedResources> resources) {
        if (resources.isPresent() && !resources.get().dropletId().equals(dropletId)) {
            // A source answering for another Droplet is a defect; a list under the wrong id could be destroyed.
            throw new IllegalStateException("the source listed the resources of droplet " + resources.get().dropletId()
                    + " when asked for droplet " + dropletId);
        }
        return resources.<ResourcesAnswer>map(ResourcesAnswer.Listed::new)
                .orElseGet(() -> new ResourcesAnswer.UnknownDroplet(dropletId));
    }
}
