package dev.teardown.testkit;

import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/** Builds a Droplet's associated resources for tests in a few readable lines, costs written as the API writes them. */
public final class AssociatedResourcesBuilder {

    private final DropletId dropletId;
    private final List<AssociatedResource> resources = new ArrayList<>();

    private AssociatedResourcesBuilder(DropletId dropletId) {
        this.dropletId = dropletId;
    }

    public static AssociatedResourcesBuilder associatedResources(long dropletId) {
        return new AssociatedResourcesBuilder(DropletId.of(dropletId));
    }

    public static AssociatedResourcesBuilder associatedResources(DropletId dropletId) {
        return new AssociatedResourcesBuilder(dropletId);
    }

    /**
     * The example of the OpenAPI description's list response for {@link ReferenceExamples#DROPLET_ID}: one IP
     * listed as both a reserved and a floating IP, a snapshot, a volume and a volume snapshot, 14.09 a month.
     */
    public static AssociatedResourcesBuilder openApiExample() {
        return associatedResources(ReferenceExamples.DROPLET_ID)
                .reservedIp("6186916", "45.55.96.47", "4.00")
                .floatingIp("6186916", "45.55.96.47", "4.00")
                .snapshot("61486916", "ubuntu-s-1vcpu-1gb-nyc1-01-1585758823330", "0.05")
                .volume("ba49449a-7435-11ea-b89e-0a58ac14480f", "volume-nyc1-01", "10.00")
                .volumeSnapshot("edb0478d-7436-11ea-86e6-0a58ac144b91", "volume-nyc1-01-1585758983629", "0.04");
    }

    public AssociatedResourcesBuilder resource(AssociatedResource resource) {
        resources.add(resource);
        return this;
    }

    /** A resource with its monthly cost as the API's string, such as {@code "4.00"}. */
    public AssociatedResourcesBuilder resource(ResourceKind kind, String id, String name, String monthlyCost) {
        return resource(AssociatedResource.of(kind, id, name, monthlyCost));
    }

    public AssociatedResourcesBuilder reservedIp(String id, String name, String monthlyCost) {
        return resource(ResourceKind.RESERVED_IP, id, name, monthlyCost);
    }

    /** A floating IP: the deprecated name under which the API lists a reserved IP a second time. */
    public AssociatedResourcesBuilder floatingIp(String id, String name, String monthlyCost) {
        return resource(ResourceKind.FLOATING_IP, id, name, monthlyCost);
    }

    public AssociatedResourcesBuilder snapshot(String id, String name, String monthlyCost) {
        return resource(ResourceKind.SNAPSHOT, id, name, monthlyCost);
    }

    public AssociatedResourcesBuilder volume(String id, String name, String monthlyCost) {
        return resource(ResourceKind.VOLUME, id, name, monthlyCost);
    }

    public AssociatedResourcesBuilder volumeSnapshot(String id, String name, String monthlyCost) {
        return resource(ResourceKind.VOLUME_SNAPSHOT, id, name, monthlyCost);
    }

    public AssociatedResources build() {
        return new AssociatedResources(dropletId, resources);
    }
}
