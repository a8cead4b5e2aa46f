package dev.teardown.testkit;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.ResourceRef;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The commands' contract, held against the in-memory family on a manual clock. */
class InMemoryTeardownFamilyContractTest extends TeardownCommandsContract {

    @Override
    protected Family familyKnowing(List<AssociatedResources> droplets, Set<ResourceRef> failingOnce) {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        InMemoryTeardownFamily family = InMemoryTeardownFamily.on(clock).takes(Duration.ofSeconds(30));
        for (AssociatedResources droplet : droplets) {
            family.droplet(droplet);
            for (ResourceRef failing : failingOnce) {
                if (droplet.contains(failing)) {
                    family.failsOnce(droplet.dropletId(), failing, FAILURE_MESSAGE);
                }
            }
        }
        return new Family(family, family, family, () -> clock.advance(Duration.ofHours(1)));
    }
}
