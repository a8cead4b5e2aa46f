package dev.teardown.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The list of a droplet's associated resources as the API sends it, built for a test's server. */
final class ResourceList {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LISTS = List.of("reserved_ips", "floating_ips", "snapshots", "volumes",
            "volume_snapshots");

    static final String RESERVED_IP = "6186916";
    static final String SNAPSHOT = "61486916";
    static final String VOLUME = "ba49449a-7435-11ea-b89e-0a58ac14480f";
    static final String VOLUME_SNAPSHOT = "edb0478d-7436-11ea-86e6-0a58ac144b91";

    private final ObjectNode document = JSON.createObjectNode();

    private ResourceList() {
        LISTS.forEach(document::putArray);
    }

    /** Every list empty. */
    static ResourceList empty() {
        return new ResourceList();
    }

    /**
     * The example of the OpenAPI description: one IP listed both as a reserved and as a floating IP
     * (4.00), a snapshot (0.05), a volume (10.00), a volume snapshot (0.04); 14.09 a month in all.
     */
    static ResourceList openApiExample() {
        return empty()
                .add("reserved_ips", RESERVED_IP, "45.55.96.47", "4.00")
                .add("floating_ips", RESERVED_IP, "45.55.96.47", "4.00")
                .add("snapshots", SNAPSHOT, "ubuntu-s-1vcpu-1gb-nyc1-01-1585758823330", "0.05")
                .add("volumes", VOLUME, "volume-nyc1-01", "10.00")
                .add("volume_snapshots", VOLUME_SNAPSHOT, "volume-nyc1-01-1585758983629", "0.04");
    }

    /** Adds an entry to a list, such as {@code add("volumes", "ba49…", "data", "10.00")}. */
    ResourceList add(String list, String id, String name, String cost) {
        ObjectNode entry = document.withArray(list).addObject();
        entry.put("id", id);
        entry.put("name", name);
        entry.put("cost", cost);
        return this;
    }

    String json() {
        return document.toString();
    }
}
