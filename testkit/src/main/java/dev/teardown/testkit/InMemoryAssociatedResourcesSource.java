package dev.teardown.testkit;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.TeardownApiException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AssociatedResourcesSource} held in memory and set up by a test: known Droplets' resources, or
 * failures; every other Droplet is unknown. Safe to share across threads.
 */
public final class InMemoryAssociatedResourcesSource implements AssociatedResourcesSource {

    private final Map<DropletId, AssociatedResources> listed = new ConcurrentHashMap<>();
    private final Map<DropletId, TeardownApiException> failures = new ConcurrentHashMap<>();
    private final Map<DropletId, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final AtomicInteger totalLookups = new AtomicInteger();

    public static InMemoryAssociatedResourcesSource of(AssociatedResources... resources) {
        InMemoryAssociatedResourcesSource source = new InMemoryAssociatedResourcesSource();
        for (AssociatedResources each : resources) {
            source.put(each);
        }
        return source;
    }

    /** From now on, lookups of these resources' Droplet answer them. */
    public InMemoryAssociatedResourcesSource put(AssociatedResources resources) {
        Objects.requireNonNull(resources, "resources");
        failures.remove(resources.dropletId());
        listed.put(resources.dropletId(), resources);
        return this;
    }

    /** From now on, lookups of the Droplet fail with this exception. */
    public InMemoryAssociatedResourcesSource failWith(DropletId dropletId, TeardownApiException failure) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(failure, "failure");
        listed.remove(dropletId);
        failures.put(dropletId, failure);
        return this;
    }

    /** Forgets the Droplet: lookups answer "no such Droplet". */
    public InMemoryAssociatedResourcesSource remove(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        listed.remove(dropletId);
        failures.remove(dropletId);
        return this;
    }

    @Override
    public Optional<AssociatedResources> resourcesOf(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        totalLookups.incrementAndGet();
        lookups.computeIfAbsent(dropletId, id -> new AtomicInteger()).incrementAndGet();
        TeardownApiException failure = failures.get(dropletId);
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(listed.get(dropletId));
    }

    /** How many lookups of this Droplet were made. */
    public int lookups(DropletId dropletId) {
        AtomicInteger count = lookups.get(dropletId);
        return count == null ? 0 : count.get();
    }

    /** How many lookups were made in all. */
    public int totalLookups() {
        return totalLookups.get();
    }
}
