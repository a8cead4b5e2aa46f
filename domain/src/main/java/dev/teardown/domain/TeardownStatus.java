package dev.teardown.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The status of a request to destroy a Droplet with its associated resources, as the API reported it.
 *
 * <p>The associated resources are kept in kind order. A floating IP whose id is also listed as a
 * reserved IP is the same address under its deprecated name, so only the reserved IP entry is kept.
 * A status that contradicts itself is kept as it is; {@link #inconsistencies()} names each contradiction.
 */
public record TeardownStatus(
        DropletId dropletId,
        Optional<Instant> completedAt,
        Optional<ResourceTeardown> droplet,
        OptionalInt reportedFailures,
        List<ResourceTeardown> resources) {

    public TeardownStatus {
        Objects.requireNonNull(dropletId, "dropletId");
        completedAt = Objects.requireNonNullElse(completedAt, Optional.empty());
        droplet = Objects.requireNonNullElse(droplet, Optional.empty());
        reportedFailures = Objects.requireNonNullElse(reportedFailures, OptionalInt.empty());
        droplet.ifPresent(TeardownStatus::requireDropletKind);
        resources = distinctAssociated(Objects.requireNonNullElse(resources, List.of()));
    }

    private static void requireDropletKind(ResourceTeardown droplet) {
        if (droplet.kind() != ResourceKind.DROPLET) {
            throw new IllegalArgumentException("the droplet entry must be of kind DROPLET, was " + droplet.kind());
        }
    }

    private static List<ResourceTeardown> distinctAssociated(List<ResourceTeardown> given) {
        Set<String> reservedIpIds = new HashSet<>();
        for (ResourceTeardown resource : given) {
            Objects.requireNonNull(resource, "resources must not contain null");
            if (resource.kind() == ResourceKind.DROPLET) {
                throw new IllegalArgumentException("the droplet belongs in the droplet entry, not among the associated resources");
            }
            if (resource.kind() == ResourceKind.RESERVED_IP && !resource.id().isEmpty()) {
                reservedIpIds.add(resource.id());
            }
        }
        List<ResourceTeardown> kept = new ArrayList<>(given.size());
        for (ResourceTeardown resource : given) {
            boolean alsoReserved = resource.kind() == ResourceKind.FLOATING_IP && reservedIpIds.contains(resource.id());
            if (!alsoReserved) {
                kept.add(resource);
            }
        }
        kept.sort(Comparator.comparing(ResourceTeardown::kind));
        return List.copyOf(kept);
    }

    /** In progress while there is no completion time; then succeeded, or completed with failures. */
    public TeardownOutcome outcome() {
        if (completedAt.isEmpty()) {
            return TeardownOutcome.IN_PROGRESS;
        }
        boolean anyFailed = reportedFailures.orElse(0) > 0 || !failedResources().isEmpty();
        return anyFailed ? TeardownOutcome.COMPLETED_WITH_FAILURES : TeardownOutcome.SUCCEEDED;
    }

    /** The droplet (when reported) followed by the distinct associated resources. */
    public List<ResourceTeardown> allResources() {
        return droplet.isEmpty() ? resources : Stream.concat(droplet.stream(), resources.stream()).toList();
    }

    public TeardownProgress progress() {
        int destroyed = 0;
        int failed = 0;
        int pending = 0;
        for (ResourceTeardown resource : allResources()) {
            switch (resource.state()) {
                case DESTROYED -> destroyed++;
                case FAILED -> failed++;
                case PENDING -> pending++;
            }
        }
        return new TeardownProgress(destroyed, failed, pending);
    }

    /** The resources that carry an error message, the droplet first when it failed. */
    public List<ResourceTeardown> failedResources() {
        return inState(ResourceState.FAILED);
    }

    private List<ResourceTeardown> inState(ResourceState state) {
        return allResources().stream().filter(r -> r.state() == state).toList();
    }

    /** Every way this status contradicts itself; empty for a coherent status. */
    public List<Inconsistency> inconsistencies() {
        List<Inconsistency> found = new ArrayList<>();
        int failedCount = failedResources().size();
        if (reportedFailures.isPresent()) {
            int reported = reportedFailures.getAsInt();
            if (reported < 0) {
                found.add(new Inconsistency.NegativeFailureCount(reported));
            }
            if (reported != failedCount) {
                found.add(new Inconsistency.FailureCountMismatch(reported, failedCount));
            }
        }
        completedAt.ifPresent(completed -> {
            List<ResourceTeardown> pending = inState(ResourceState.PENDING);
            if (!pending.isEmpty()) {
                found.add(new Inconsistency.PendingAfterCompletion(completed, pending));
            }
            allResources().stream()
                    .filter(r -> r.destroyedAt().filter(destroyed -> destroyed.isAfter(completed)).isPresent())
                    .forEach(r -> found.add(new Inconsistency.DestroyedAfterCompletion(r, completed)));
        });
        return List.copyOf(found);
    }
}
