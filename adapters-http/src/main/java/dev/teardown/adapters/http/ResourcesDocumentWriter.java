package dev.teardown.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.ResourceKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a Droplet's associated resources as the API lists them, the mirror of
 * {@link ResourcesDocumentReader}: every list present, empty ones too, each cost as a decimal string in
 * its own scale, and every reserved IP under {@code floating_ips} as well, as the live API repeats it.
 */
final class ResourcesDocumentWriter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<ResourceKind> LISTS = List.of(
            ResourceKind.RESERVED_IP, ResourceKind.FLOATING_IP, ResourceKind.SNAPSHOT,
            ResourceKind.VOLUME, ResourceKind.VOLUME_SNAPSHOT);

    private ResourcesDocumentWriter() {
    }

    static byte[] write(AssociatedResources resources) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 120 * resources.resources().size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (ResourceKind list : LISTS) {
                json.writeArrayFieldStart(list.wireName());
                for (AssociatedResource resource : resources.resources()) {
                    if (belongsTo(resource, list)) {
                        writeResource(json, resource);
                    }
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a list of associated resources in memory", e);
        }
        return out.toByteArray();
    }

    private static boolean belongsTo(AssociatedResource resource, ResourceKind list) {
        return resource.kind() == list || list == ResourceKind.FLOATING_IP && resource.kind() == ResourceKind.RESERVED_IP;
    }

    private static void writeResource(JsonGenerator json, AssociatedResource resource) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", resource.id());
        json.writeStringField("name", resource.name());
        json.writeStringField("cost", resource.monthlyCost().toPlainString());
        json.writeEndObject();
    }
}
