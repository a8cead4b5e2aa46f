package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.testkit.AssociatedResourcesBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The list document as {@link StatusDocuments} writes and reads it, for servers such as the sandbox. */
class AssociatedResourcesDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DropletId ID = DropletId.of(61486916);

    @Test
    void write_openApiExample_isTheDocumentedAnswer() throws Exception {
        byte[] written = StatusDocuments.writeAssociatedResources(AssociatedResourcesBuilder.openApiExample().build());

        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(ResourcesDocuments.openApiExample()));
    }

    @Test
    void write_thenRead_givesEqualResourcesCostsInTheirScale() {
        AssociatedResources resources = AssociatedResourcesBuilder.associatedResources(ID)
                .reservedIp("6186916", "45.55.96.47", "4.00")
                .floatingIp("7001", "45.55.96.48", "4")
                .snapshot("61486916", "nightly", "0.050")
                .volume("ba49449a", "data", "10.00")
                .build();

        AssociatedResources read = StatusDocuments.readAssociatedResources(ID,
                StatusDocuments.writeAssociatedResources(resources));

        assertThat(read).isEqualTo(resources);
        assertThat(read.monthlyCostTotal()).hasToString("18.050");
    }

    @Test
    void write_floatingIpOnly_isListedUnderFloatingIpsAlone() throws Exception {
        AssociatedResources resources = AssociatedResourcesBuilder.associatedResources(ID)
                .floatingIp("7001", "45.55.96.48", "4.00").build();

        JsonNode document = JSON.readTree(StatusDocuments.writeAssociatedResources(resources));

        assertThat(document.get("reserved_ips")).isEmpty();
        assertThat(document.get("floating_ips")).hasSize(1);
    }

    @Test
    void write_noResources_writesEveryListEmpty() throws Exception {
        JsonNode document = JSON.readTree(StatusDocuments.writeAssociatedResources(
                AssociatedResourcesBuilder.associatedResources(ID).build()));

        assertThat(document.fieldNames()).toIterable()
                .containsExactly("reserved_ips", "floating_ips", "snapshots", "volumes", "volume_snapshots");
        document.forEach(list -> assertThat(list).isEmpty());
    }

    @Test
    void read_notAList_isRejectedSayingWhy() {
        byte[] document = "{\"volumes\": [{\"id\": \"v-1\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> StatusDocuments.readAssociatedResources(ID, document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a list of associated resources: volumes[0].cost is missing");
    }
}
