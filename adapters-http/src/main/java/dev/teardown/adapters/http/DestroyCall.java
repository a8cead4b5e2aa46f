package dev.teardown.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.ports.out.TeardownApiException.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The two destroys. Everything: {@code DELETE …/destroy_with_associated_resources/dangerous} with
 * {@code X-Dangerous: true}. A selection: {@code DELETE …/destroy_with_associated_resources/selective}
 * with the ids to destroy per kind, {@code {"reserved_ips":["6186916"],"volumes":[…]}}; a kind with
 * nothing selected is left out, and {@code floating_ips} is sent only for IPs the caller selected by
 * that deprecated name.
 */
final class DestroyCall extends CommandCall {

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<ResourceKind> BODY_ORDER = List.of(ResourceKind.RESERVED_IP, ResourceKind.FLOATING_IP,
            ResourceKind.SNAPSHOT, ResourceKind.VOLUME, ResourceKind.VOLUME_SNAPSHOT);

    private final DestroyRequest request;
    private final Optional<byte[]> body;

    DestroyCall(DestroyRequest request) {
        this.request = Objects.requireNonNull(request, "request");
        this.body = request instanceof DestroyRequest.Selection selection
                ? Optional.of(selectionBody(selection))
                : Optional.empty();
    }

    @Override
    public Operation operation() {
        return request instanceof DestroyRequest.Everything ? Operation.DESTROY_EVERYTHING : Operation.DESTROY_SELECTED;
    }

    @Override
    public String method() {
        return "DELETE";
    }

    @Override
    public String path(DropletId dropletId) {
        return familyPath(dropletId, request instanceof DestroyRequest.Everything ? "dangerous" : "selective");
    }

    @Override
    public Map<String, String> extraHeaders() {
        return request instanceof DestroyRequest.Everything ? Map.of("X-Dangerous", "true") : Map.of();
    }

    @Override
    public Optional<byte[]> jsonBody() {
        return body.map(byte[]::clone);
    }

    private static byte[] selectionBody(DestroyRequest.Selection selection) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (ResourceKind kind : BODY_ORDER) {
                Set<String> ids = selection.ids(kind);
                if (ids.isEmpty()) {
                    continue;
                }
                json.writeArrayFieldStart(kind.wireName());
                for (String id : ids) {
                    json.writeString(id);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a selective destroy's body in memory", e);
        }
        return out.toByteArray();
    }
}
