package dev.teardown.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.ResourceKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The list of associated resources as the API would send it, for the tests' servers. */
final class ResourcesDocuments {

    /** The example of the OpenAPI description's 200 response, as it stands there. */
    static final String OPEN_API_EXAMPLE = """
            {
              "reserved_ips": [{"id": "6186916", "name": "45.55.96.47", "cost": "4.00"}],
              "floating_ips": [{"id": "6186916", "name": "45.55.96.47", "cost": "4.00"}],
              "snapshots": [{"id": "61486916", "name": "ubuntu-s-1vcpu-1gb-nyc1-01-1585758823330", "cost": "0.05"}],
              "volumes": [{"id": "ba49449a-7435-11ea-b89e-0a58ac14480f", "name": "volume-nyc1-01", "cost": "10.00"}],
              "volume_snapshots": [{"id": "edb0478d-7436-11ea-86e6-0a58ac144b91", "name": "volume-nyc1-01-1585758983629", "cost": "0.04"}]
            }
            """;

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<ResourceKind> LISTS = List.of(
            ResourceKind.RESERVED_IP, ResourceKind.FLOATING_IP, ResourceKind.SNAPSHOT,
            ResourceKind.VOLUME, ResourceKind.VOLUME_SNAPSHOT);

    private ResourcesDocuments() {
    }

    static byte[] openApiExample() {
        return OPEN_API_EXAMPLE.getBytes(StandardCharsets.UTF_8);
    }

    /** Every list, empty ones too; each cost as the API's string in its own scale. */
    static byte[] write(AssociatedResources resources) {
        Map<ResourceKind, List<AssociatedResource>> byKind = resources.byKind();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (ResourceKind kind : LISTS) {
                json.writeArrayFieldStart(kind.wireName());
                for (AssociatedResource resource : byKind.getOrDefault(kind, List.of())) {
                    json.writeStartObject();
                    json.writeStringField("id", resource.id());
                    json.writeStringField("name", resource.name());
                    json.writeStringField("cost", resource.monthlyCost().toPlainString());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
