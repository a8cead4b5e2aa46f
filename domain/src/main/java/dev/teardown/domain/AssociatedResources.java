package dev.teardown.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The resources a Droplet can be destroyed with, as the API listed them, each resource once.
 *
 * <p>The API lists only what the token may read (reserved IPs need the {@code reserved_ip:read} scope,
 * for instance), so a resource missing here may still exist, and {@link DestroyRequest#everything()}
 * would still destroy it. A floating IP whose id is also listed as a reserved IP is the same address
 * under its deprecated name: only the reserved IP entry is kept. Resources are kept in kind order, then
 * in the order listed. Sums of costs are exact, in the largest scale of what they add.
 */
public record AssociatedResources(DropletId dropletId, List<AssociatedResource> resources) {

    public AssociatedResources {
        Objects.requireNonNull(dropletId, "dropletId");
        resources = distinct(Objects.requireNonNullElse(resources, List.of()));
    }

    private static List<AssociatedResource> distinct(List<AssociatedResource> listed) {
        // Keyed by the reserved IP name for both IP kinds, so the two names of one address meet.
        Map<ResourceRef, AssociatedResource> byResource = new LinkedHashMap<>();
        for (AssociatedResource resource : listed) {
            Objects.requireNonNull(resource, "resources must not contain null");
            ResourceKind keyKind = AssociatedKinds.isIp(resource.kind()) ? ResourceKind.RESERVED_IP : resource.kind();
            byResource.merge(new ResourceRef(keyKind, resource.id()), resource, AssociatedResources::merge);
        }
        List<AssociatedResource> kept = new ArrayList<>(byResource.values());
        kept.sort(Comparator.comparing(AssociatedResource::kind));
        return List.copyOf(kept);
    }

    /**
     * One entry for a resource listed twice: the reserved IP entry when there is one, else the first. When
     * the costs differ, one of them is stale or wrong, and the larger is kept because a total that
     * understates what keeps costing money could lead someone to keep a resource they thought was cheap.
     */
    private static AssociatedResource merge(AssociatedResource first, AssociatedResource second) {
        AssociatedResource kept = second.kind() == ResourceKind.RESERVED_IP && first.kind() != ResourceKind.RESERVED_IP
                ? second
                : first;
        AssociatedResource other = kept == first ? second : first;
        if (other.monthlyCost().compareTo(kept.monthlyCost()) <= 0) {
            return kept;
        }
        return new AssociatedResource(kept.kind(), kept.id(), kept.name(), other.monthlyCost());
    }

    /** True when the Droplet has no associated resource that this token may see. */
    public boolean isEmpty() {
        return resources.isEmpty();
    }

    /** The resources of each kind present, in kind order. */
    public Map<ResourceKind, List<AssociatedResource>> byKind() {
        Map<ResourceKind, List<AssociatedResource>> byKind = new EnumMap<>(ResourceKind.class);
        for (AssociatedResource resource : resources) {
            byKind.computeIfAbsent(resource.kind(), kind -> new ArrayList<>()).add(resource);
        }
        byKind.replaceAll((kind, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(byKind);
    }

    /**
     * How many resources of this kind there are; floating IPs count only those not also listed as
     * reserved IPs, which is normally none.
     */
    public int count(ResourceKind kind) {
        Objects.requireNonNull(kind, "kind");
        int count = 0;
        for (AssociatedResource resource : resources) {
            if (resource.kind() == kind) {
                count++;
            }
        }
        return count;
    }

    /** What the associated resources cost per month if they are kept after the Droplet is destroyed. */
    public BigDecimal monthlyCostTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (AssociatedResource resource : resources) {
            total = total.add(resource.monthlyCost());
        }
        return total;
    }

    /** The monthly cost of each kind present, in kind order. */
    public Map<ResourceKind, BigDecimal> monthlyCostByKind() {
        Map<ResourceKind, BigDecimal> byKind = new EnumMap<>(ResourceKind.class);
        for (AssociatedResource resource : resources) {
            byKind.merge(resource.kind(), resource.monthlyCost(), BigDecimal::add);
        }
        return Collections.unmodifiableMap(byKind);
    }

    /**
     * What keeps costing money per month after this request is carried out: the listed resources it does
     * not destroy. Zero for {@link DestroyRequest.Everything}.
     */
    public BigDecimal monthlyCostRetainedAfter(DestroyRequest request) {
        Objects.requireNonNull(request, "request");
        BigDecimal retained = BigDecimal.ZERO;
        for (AssociatedResource resource : resources) {
            if (!request.destroys(resource.ref())) {
                retained = retained.add(resource.monthlyCost());
            }
        }
        return retained;
    }

    /**
     * The listed resource of this kind and id; a reserved IP id finds a listed floating IP and the other
     * way round, as both name one address. Empty for the droplet kind and for ids not listed.
     */
    public Optional<AssociatedResource> find(ResourceKind kind, String id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        for (AssociatedResource resource : resources) {
            if (AssociatedKinds.sameResourceKind(kind, resource.kind()) && id.equals(resource.id())) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }

    public Optional<AssociatedResource> find(ResourceRef ref) {
        Objects.requireNonNull(ref, "ref");
        return find(ref.kind(), ref.id());
    }

    /** Whether {@link #find(ResourceKind, String)} finds a resource. */
    public boolean contains(ResourceKind kind, String id) {
        return find(kind, id).isPresent();
    }

    public boolean contains(ResourceRef ref) {
        return find(ref).isPresent();
    }
}
