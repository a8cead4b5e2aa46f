package dev.teardown.testkit;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds teardown statuses for tests in a few readable lines. */
public final class TeardownStatusBuilder {

    private final DropletId dropletId;
    private Instant completedAt;
    private ResourceTeardown droplet;
    private Integer failures;
    private final List<ResourceTeardown> resources = new ArrayList<>();

    private TeardownStatusBuilder(DropletId dropletId) {
        this.dropletId = dropletId;
    }

    public static TeardownStatusBuilder status(long dropletId) {
        return new TeardownStatusBuilder(DropletId.of(dropletId));
    }

    public static TeardownStatusBuilder status(DropletId dropletId) {
        return new TeardownStatusBuilder(dropletId);
    }

    public TeardownStatusBuilder completedAt(Instant completedAt) {
        this.completedAt = completedAt;
        return this;
    }

    public TeardownStatusBuilder completedAt(String isoInstant) {
        return completedAt(Instant.parse(isoInstant));
    }

    /** The reported failures count; absent unless set. */
    public TeardownStatusBuilder failures(int failures) {
        this.failures = failures;
        return this;
    }

    public TeardownStatusBuilder droplet(ResourceTeardown droplet) {
        this.droplet = droplet;
        return this;
    }

    public TeardownStatusBuilder dropletDestroyedAt(String name, String isoInstant) {
        return droplet(ResourceTeardown.destroyed(ResourceKind.DROPLET, dropletId.toString(), name, Instant.parse(isoInstant)));
    }

    public TeardownStatusBuilder dropletPending(String name) {
        return droplet(ResourceTeardown.pending(ResourceKind.DROPLET, dropletId.toString(), name));
    }

    public TeardownStatusBuilder resource(ResourceTeardown resource) {
        resources.add(resource);
        return this;
    }

    public TeardownStatusBuilder destroyed(ResourceKind kind, String id, String name, String isoInstant) {
        return resource(ResourceTeardown.destroyed(kind, id, name, Instant.parse(isoInstant)));
    }

    public TeardownStatusBuilder failed(ResourceKind kind, String id, String name, String errorMessage) {
        return resource(ResourceTeardown.failed(kind, id, name, errorMessage));
    }

    public TeardownStatusBuilder pending(ResourceKind kind, String id, String name) {
        return resource(ResourceTeardown.pending(kind, id, name));
    }

    public TeardownStatus build() {
        return new TeardownStatus(
                dropletId,
                Optional.ofNullable(completedAt),
                Optional.ofNullable(droplet),
                failures == null ? OptionalInt.empty() : OptionalInt.of(failures),
                resources);
    }
}
