package dev.teardown.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The API's wire format for the family's documents: writes a status and a list of associated
 * resources as the DigitalOcean API would send them, and an error body; reads a status, a list and
 * the body of a selective destroy. For servers (the sandbox) and benchmarks that must speak the API's
 * JSON without depending on Jackson themselves.
 */
public final class StatusDocuments {

    private static final JsonFactory JSON = new JsonFactory();
    private static final StatusDocumentReader READER = new StatusDocumentReader(HttpClientConfig.DEFAULT_MAX_BODY_BYTES);
    private static final ResourcesDocumentReader RESOURCES_READER =
            new ResourcesDocumentReader(HttpClientConfig.DEFAULT_MAX_BODY_BYTES);
    private static final SelectionDocumentReader SELECTION_READER =
            new SelectionDocumentReader(HttpClientConfig.DEFAULT_MAX_BODY_BYTES);
    private static final List<ResourceKind> LISTS = List.of(
            ResourceKind.RESERVED_IP, ResourceKind.FLOATING_IP, ResourceKind.SNAPSHOT,
            ResourceKind.VOLUME, ResourceKind.VOLUME_SNAPSHOT);

    private StatusDocuments() {
    }

    /**
     * The status as UTF-8 JSON in the API's shape: {@code completed_at}, {@code droplet},
     * {@code failures} and {@code resources} with its five lists. Like the live API, every reserved IP
     * is listed under {@code floating_ips} as well (with the entry it overruled, when the two disagreed,
     * under the name that entry had); absent values are written as {@code null}, and a
     * resource without error carries {@code error_message: " "}. Reading it back gives an equal status.
     */
    public static byte[] write(TeardownStatus status) {
        Objects.requireNonNull(status, "status");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 160 * status.resources().size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("completed_at", status.completedAt().map(Object::toString).orElse(null));
            json.writeFieldName("droplet");
            if (status.droplet().isPresent()) {
                writeResource(json, status.droplet().get());
            } else {
                json.writeNull();
            }
            json.writeFieldName("failures");
            if (status.reportedFailures().isPresent()) {
                json.writeNumber(status.reportedFailures().getAsInt());
            } else {
                json.writeNull();
            }
            json.writeObjectFieldStart("resources");
            for (ResourceKind list : LISTS) {
                json.writeArrayFieldStart(list.wireName());
                for (ResourceTeardown resource : listed(status, list)) {
                    writeResource(json, resource);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a status document in memory", e);
        }
        return out.toByteArray();
    }

    /** The API's error body, {@code {"id": ..., "message": ..., "request_id": ...}}; a null part is written as null. */
    public static byte[] writeError(String id, String message, String requestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("message", message);
            json.writeStringField("request_id", requestId);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write an error document in memory", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a status document as the API sends it, for the given Droplet, within the default limits
     * (1 MiB, nesting depth {@value StatusDocumentReader#MAX_NESTING_DEPTH}).
     *
     * @throws IllegalArgumentException when the bytes are not a status document; the message says why
     */
    public static TeardownStatus read(DropletId dropletId, byte[] document) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(document, "document");
        try {
            return READER.read(dropletId, document);
        } catch (MalformedDocumentException e) {
            throw new IllegalArgumentException("not a status document: " + e.getMessage(), e);
        }
    }

    /**
     * The Droplet's associated resources as UTF-8 JSON in the shape of the list call's answer: the five
     * lists {@code reserved_ips}, {@code floating_ips}, {@code snapshots}, {@code volumes} and
     * {@code volume_snapshots}, empty ones too, each resource {@code {"id", "name", "cost"}} with its cost
     * as a decimal string in its own scale ({@code "4.00"}). Like the live API, every reserved IP is listed
     * under {@code floating_ips} as well. Reading it back gives equal resources.
     */
    public static byte[] writeAssociatedResources(AssociatedResources resources) {
        Objects.requireNonNull(resources, "resources");
        return ResourcesDocumentWriter.write(resources);
    }

    /**
     * Reads the list call's answer for the given Droplet, as the HTTP adapter reads it, within 1 MiB.
     *
     * @throws IllegalArgumentException when the bytes are not such a list; the message says why
     */
    public static AssociatedResources readAssociatedResources(DropletId dropletId, byte[] document) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(document, "document");
        try {
            return RESOURCES_READER.read(dropletId, document);
        } catch (MalformedDocumentException e) {
            throw new IllegalArgumentException("not a list of associated resources: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the body of a selective destroy as the API receives it, within 1 MiB: a JSON object whose
     * optional lists {@code reserved_ips}, {@code floating_ips}, {@code snapshots}, {@code volumes} and
     * {@code volume_snapshots} hold the ids to destroy (strings, or whole numbers); a missing or null list
     * selects nothing of its kind and other fields are ignored.
     *
     * @throws IllegalArgumentException when the body is not such an object, or an id is null, blank or
     *     not a string; the message names the field and never quotes the body
     */
    public static DestroyRequest.Selection readDestroySelection(byte[] body) {
        Objects.requireNonNull(body, "body");
        try {
            return SELECTION_READER.read(body);
        } catch (MalformedDocumentException e) {
            throw new IllegalArgumentException("not a selective destroy body: " + e.getMessage(), e);
        }
    }

    /**
     * The entries of one list. An IP whose two entries disagreed is written as it was read: the entry
     * that counts under its own name, and the one it overruled under the other.
     */
    private static List<ResourceTeardown> listed(TeardownStatus status, ResourceKind list) {
        List<ResourceTeardown> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ResourceTeardown resource : status.resources()) {
            if (!belongsTo(resource, list)) {
                continue;
            }
            boolean firstOfItsIp = resource.kind() == ResourceKind.RESERVED_IP && !resource.id().isEmpty()
                    && seen.add(resource.id());
            List<ResourceTeardown> overruled = firstOfItsIp ? overruled(status, resource.id()) : List.of();
            if (list == ResourceKind.RESERVED_IP) {
                entries.add(overruled.stream().filter(e -> e.kind() == ResourceKind.RESERVED_IP).findFirst().orElse(resource));
            } else {
                entries.add(resource);
                overruled.stream().filter(e -> e.kind() == list).forEach(entries::add);
            }
        }
        return entries;
    }

    private static List<ResourceTeardown> overruled(TeardownStatus status, String id) {
        return status.overruledIpEntries().stream().filter(e -> e.id().equals(id)).toList();
    }

    private static boolean belongsTo(ResourceTeardown resource, ResourceKind list) {
        if (resource.kind() == list) {
            return true;
        }
        // The live API repeats reserved IPs under their deprecated name; one without an id could not be
        // recognised as the same address when read back, so it is listed once.
        return list == ResourceKind.FLOATING_IP && resource.kind() == ResourceKind.RESERVED_IP && !resource.id().isEmpty();
    }

    private static void writeResource(JsonGenerator json, ResourceTeardown resource) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", resource.id());
        json.writeStringField("name", resource.name());
        json.writeStringField("destroyed_at", resource.destroyedAt().map(Object::toString).orElse(null));
        json.writeStringField("error_message", resource.errorMessage().orElse(" "));
        json.writeEndObject();
    }
}
