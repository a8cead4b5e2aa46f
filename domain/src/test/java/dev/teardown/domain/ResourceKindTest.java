package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceKindTest {

    @Test
    void wireName_matchesTheApiFieldNames() {
        assertThat(ResourceKind.RESERVED_IP.wireName()).isEqualTo("reserved_ips");
        assertThat(ResourceKind.FLOATING_IP.wireName()).isEqualTo("floating_ips");
        assertThat(ResourceKind.SNAPSHOT.wireName()).isEqualTo("snapshots");
        assertThat(ResourceKind.VOLUME.wireName()).isEqualTo("volumes");
        assertThat(ResourceKind.VOLUME_SNAPSHOT.wireName()).isEqualTo("volume_snapshots");
        assertThat(ResourceKind.DROPLET.wireName()).isEqualTo("droplet");
    }

    @Test
    void associatedByWireName_knownList_findsTheKind() {
        assertThat(ResourceKind.associatedByWireName("volume_snapshots")).contains(ResourceKind.VOLUME_SNAPSHOT);
    }

    @Test
    void associatedByWireName_dropletOrUnknown_isEmpty() {
        assertThat(ResourceKind.associatedByWireName("droplet")).isEmpty();
        assertThat(ResourceKind.associatedByWireName("load_balancers")).isEmpty();
    }
}
