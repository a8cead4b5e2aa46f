package dev.teardown.testkit;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.util.List;

/** The in-memory family lists resources as every {@link AssociatedResourcesSource} must. */
class InMemoryTeardownFamilyListContractTest extends AssociatedResourcesSourceContract {

    @Override
    protected AssociatedResourcesSource sourceKnowing(List<AssociatedResources> resources) {
        InMemoryTeardownFamily family = InMemoryTeardownFamily.on(ManualClock.at("2026-11-29T10:00:00Z"));
        resources.forEach(family::droplet);
        return family;
    }

    @Override
    protected AssociatedResourcesSource sourceFailingFor(DropletId dropletId) {
        return InMemoryTeardownFamily.on(ManualClock.at("2026-11-29T10:00:00Z"))
                .failNextListing(TeardownApiException.builder(Operation.LIST_RESOURCES, Reason.SERVER_ERROR, dropletId,
                        Operation.LIST_RESOURCES.failureOf(dropletId) + ": the API failed with a server error (HTTP 503)")
                        .build());
    }
}
