package dev.teardown.domain;

import java.util.Optional;

/** The kinds of resource a Droplet teardown destroys, each with its name in the API's documents. */
public enum ResourceKind {
    DROPLET("droplet"),
    RESERVED_IP("reserved_ips"),
    /** The deprecated name of {@link #RESERVED_IP}; the API lists the same IPs under both. */
    FLOATING_IP("floating_ips"),
    SNAPSHOT("snapshots"),
    VOLUME("volumes"),
    VOLUME_SNAPSHOT("volume_snapshots");

    private static final ResourceKind[] ASSOCIATED = {RESERVED_IP, FLOATING_IP, SNAPSHOT, VOLUME, VOLUME_SNAPSHOT};

    private final String wireName;

    ResourceKind(String wireName) {
        this.wireName = wireName;
    }

    /** The field name in the status document: {@code droplet}, or a list under {@code resources}. */
    public String wireName() {
        return wireName;
    }

    /** The kind listed under {@code resources.<wireName>}; empty for {@code droplet} and unknown names. */
    public static Optional<ResourceKind> associatedByWireName(String wireName) {
        // A plain loop: parsers call this for every list of every status document.
        for (ResourceKind kind : ASSOCIATED) {
            if (kind.wireName.equals(wireName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
