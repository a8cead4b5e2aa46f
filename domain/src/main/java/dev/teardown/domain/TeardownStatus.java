package dev.teardown.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The status of a request to destroy a Droplet with its associated resources, as the API reported it.
 *
 * <p>The associated resources are kept in kind order. A floating IP whose id is also listed as a
 * reserved IP is the same address under its deprecated name, so it is one resource, listed as the
 * reserved IP. When the two entries disagree, the one in the worse state counts (failed, then pending,
 * then destroyed), so that a failure reported under one name only is never lost; the entry it
 * overruled is kept in {@link #overruledIpEntries()} and {@link #inconsistencies()} names the
 * disagreement. A status that contradicts itself is kept as it is; {@link #inconsistencies()} names
 * each contradiction.
 *
 * @param overruledIpEntries the reserved or floating IP entries that another entry of the same IP, in a
 *     worse state, overruled; those found among the given resources are added to those given here,
 *     each of which needs a reserved IP of its id among the resources in a worse state
 */
public record TeardownStatus(
        DropletId dropletId,
        Optional<Instant> completedAt,
        Optional<ResourceTeardown> droplet,
        OptionalInt reportedFailures,
        List<ResourceTeardown> resources,
        List<ResourceTeardown> overruledIpEntries) {

    /** A status as listed by the API: any floating IP also listed as a reserved IP is merged into it. */
    public TeardownStatus(DropletId dropletId, Optional<Instant> completedAt, Optional<ResourceTeardown> droplet,
            OptionalInt reportedFailures, List<ResourceTeardown> resources) {
        this(dropletId, completedAt, droplet, reportedFailures, resources, List.of());
    }

    public TeardownStatus {
        Objects.requireNonNull(dropletId, "dropletId");
        completedAt = Objects.requireNonNullElse(completedAt, Optional.empty());
        droplet = Objects.requireNonNullElse(droplet, Optional.empty());
        reportedFailures = Objects.requireNonNullElse(reportedFailures, OptionalInt.empty());
        droplet.ifPresent(TeardownStatus::requireDropletKind);
        DistinctResources distinct = DistinctResources.of(Objects.requireNonNullElse(resources, List.of()),
                Objects.requireNonNullElse(overruledIpEntries, List.of()));
        resources = distinct.resources();
        overruledIpEntries = distinct.overruled();
    }

    private static void requireDropletKind(ResourceTeardown droplet) {
        if (droplet.kind() != ResourceKind.DROPLET) {
            throw new IllegalArgumentException("the droplet entry must be of kind DROPLET, was " + droplet.kind());
        }
    }

    /**
     * In progress while there is no completion time; then succeeded when the droplet and every resource
     * were destroyed and no failure is counted, else completed with failures.
     */
    public TeardownOutcome outcome() {
        if (completedAt.isEmpty()) {
            return TeardownOutcome.IN_PROGRESS;
        }
        boolean allDestroyed = allResources().stream().allMatch(r -> r.state() == ResourceState.DESTROYED);
        return allDestroyed && reportedFailures.orElse(0) <= 0
                ? TeardownOutcome.SUCCEEDED
                : TeardownOutcome.COMPLETED_WITH_FAILURES;
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

    /**
     * What the teardown did not destroy, in the order of {@link #allResources()}: the failed resources
     * and, once it is reported completed, those still pending as well.
     */
    public List<ResourceTeardown> notDestroyedResources() {
        if (completedAt.isEmpty()) {
            return failedResources();
        }
        return allResources().stream().filter(r -> r.state() != ResourceState.DESTROYED).toList();
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
        found.addAll(reservedAndFloatingIpDisagreements());
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

    private List<Inconsistency.ReservedAndFloatingIpDisagree> reservedAndFloatingIpDisagreements() {
        if (overruledIpEntries.isEmpty()) {
            return List.of();
        }
        Set<Inconsistency.ReservedAndFloatingIpDisagree> found = new LinkedHashSet<>();
        Map<String, ResourceTeardown> counted = DistinctResources.firstReservedIps(resources);
        for (String id : overruledIpEntries.stream().map(ResourceTeardown::id).distinct().toList()) {
            ResourceTeardown listed = counted.get(id);
            Optional<ResourceTeardown> overruledReserved = overruledIpEntries.stream()
                    .filter(e -> e.id().equals(id) && e.kind() == ResourceKind.RESERVED_IP).findFirst();
            ResourceState reservedState = overruledReserved.map(ResourceTeardown::state).orElse(listed.state());
            // The entry listed is the floating IP's when it overruled the reserved IP's.
            Stream<ResourceState> floatingStates = Stream.concat(
                    overruledReserved.map(overruled -> listed.state()).stream(),
                    overruledIpEntries.stream()
                            .filter(e -> e.id().equals(id) && e.kind() == ResourceKind.FLOATING_IP)
                            .map(ResourceTeardown::state));
            floatingStates.filter(state -> state != reservedState).forEach(floatingState -> found.add(
                    new Inconsistency.ReservedAndFloatingIpDisagree(id, reservedState, floatingState)));
        }
        return List.copyOf(found);
    }

    /** The associated resources with each floating IP merged into the reserved IP of the same id. */
    private record DistinctResources(List<ResourceTeardown> resources, List<ResourceTeardown> overruled) {

        static DistinctResources of(List<ResourceTeardown> given, List<ResourceTeardown> givenOverruled) {
            Map<String, Set<ResourceState>> reservedStates = new HashMap<>();
            // Per id, the entry that counts so far: the first reserved IP's, until a worse floating IP's.
            Map<String, ResourceTeardown> counting = new HashMap<>();
            for (ResourceTeardown resource : given) {
                Objects.requireNonNull(resource, "resources must not contain null");
                if (resource.kind() == ResourceKind.DROPLET) {
                    throw new IllegalArgumentException(
                            "the droplet belongs in the droplet entry, not among the associated resources");
                }
                if (resource.kind() == ResourceKind.RESERVED_IP && !resource.id().isEmpty()) {
                    reservedStates.computeIfAbsent(resource.id(), id -> EnumSet.noneOf(ResourceState.class))
                            .add(resource.state());
                    counting.putIfAbsent(resource.id(), resource);
                }
            }
            List<ResourceTeardown> overruled = new ArrayList<>();
            for (ResourceTeardown floating : given) {
                Set<ResourceState> states = floating.kind() == ResourceKind.FLOATING_IP
                        ? reservedStates.get(floating.id()) : null;
                if (states == null || states.contains(floating.state())) {
                    continue;
                }
                ResourceTeardown current = counting.get(floating.id());
                if (isWorse(floating.state(), current.state())) {
                    overruled.add(current);
                    counting.put(floating.id(), floating);
                } else if (isWorse(current.state(), floating.state())) {
                    overruled.add(floating);
                }
            }
            List<ResourceTeardown> kept = new ArrayList<>(given.size());
            Set<String> placed = new HashSet<>();
            for (ResourceTeardown resource : given) {
                if (resource.kind() == ResourceKind.FLOATING_IP && reservedStates.containsKey(resource.id())) {
                    continue;
                }
                boolean counts = resource.kind() == ResourceKind.RESERVED_IP && !resource.id().isEmpty()
                        && placed.add(resource.id());
                kept.add(counts ? asReservedIp(counting.get(resource.id())) : resource);
            }
            kept.sort(Comparator.comparing(ResourceTeardown::kind));
            Map<String, ResourceTeardown> listed = firstReservedIps(kept);
            for (ResourceTeardown entry : givenOverruled) {
                requireOverruled(Objects.requireNonNull(entry, "overruledIpEntries must not contain null"), listed);
                overruled.add(entry);
            }
            // One order whatever order the entries were found in, so that equal statuses are equal.
            List<String> order = List.copyOf(listed.keySet());
            overruled.sort(Comparator.<ResourceTeardown>comparingInt(e -> order.indexOf(e.id()))
                    .thenComparing(ResourceTeardown::kind));
            return new DistinctResources(List.copyOf(kept), List.copyOf(overruled));
        }

        /** The first reserved IP of each id, in the order listed. */
        static Map<String, ResourceTeardown> firstReservedIps(List<ResourceTeardown> resources) {
            Map<String, ResourceTeardown> first = new LinkedHashMap<>();
            for (ResourceTeardown resource : resources) {
                if (resource.kind() == ResourceKind.RESERVED_IP && !resource.id().isEmpty()) {
                    first.putIfAbsent(resource.id(), resource);
                }
            }
            return first;
        }

        private static boolean isWorse(ResourceState state, ResourceState than) {
            return state != than && ResourceState.worse(state, than) == state;
        }

        private static ResourceTeardown asReservedIp(ResourceTeardown entry) {
            return entry.kind() == ResourceKind.RESERVED_IP ? entry : new ResourceTeardown(
                    ResourceKind.RESERVED_IP, entry.id(), entry.name(), entry.destroyedAt(), entry.errorMessage());
        }

        private static void requireOverruled(ResourceTeardown entry, Map<String, ResourceTeardown> listed) {
            if (entry.kind() != ResourceKind.RESERVED_IP && entry.kind() != ResourceKind.FLOATING_IP) {
                throw new IllegalArgumentException("an overruled IP entry must be a reserved or a floating IP, was "
                        + entry.kind());
            }
            ResourceTeardown reserved = listed.get(entry.id());
            if (reserved == null || !isWorse(reserved.state(), entry.state())) {
                throw new IllegalArgumentException("the overruled entry of IP '" + entry.id() + "' ("
                        + lower(entry.state()) + ") needs a reserved IP of that id in a worse state among the resources; "
                        + (reserved == null ? "there is none" : "it is " + lower(reserved.state())));
            }
        }

        private static String lower(ResourceState state) {
            return state.name().toLowerCase(Locale.ROOT);
        }
    }
}
