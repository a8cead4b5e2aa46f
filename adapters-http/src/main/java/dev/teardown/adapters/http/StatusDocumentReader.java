package dev.teardown.adapters.http;

import static dev.teardown.adapters.http.JsonFields.describe;
import static dev.teardown.adapters.http.JsonFields.id;
import static dev.teardown.adapters.http.JsonFields.isAbsent;
import static dev.teardown.adapters.http.JsonFields.startsList;
import static dev.teardown.adapters.http.JsonFields.startsObject;
import static dev.teardown.adapters.http.JsonFields.string;
import static dev.teardown.adapters.http.JsonFields.timestamp;
import static dev.teardown.adapters.http.JsonFields.wholeNumber;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the API's status and error documents into the domain, leniently about what may be absent
 * and strictly about what is there: every field may be missing or null, unknown fields are ignored,
 * but a field of the wrong type makes the whole document malformed rather than half-read.
 */
final class StatusDocumentReader {

    static final int MAX_NESTING_DEPTH = JsonFields.MAX_NESTING_DEPTH;
    static final int MAX_STRING_LENGTH = JsonFields.MAX_STRING_LENGTH;
    static final int MAX_NUMBER_LENGTH = JsonFields.MAX_NUMBER_LENGTH;
    static final int MAX_NAME_LENGTH = JsonFields.MAX_NAME_LENGTH;

    private final JsonFields json;

    StatusDocumentReader(int maxDocumentBytes) {
        this.json = new JsonFields(maxDocumentBytes);
    }

    TeardownStatus read(DropletId dropletId, byte[] body) throws MalformedDocumentException {
        // Streamed straight into the domain, without a tree: this is the adapter's hot path.
        return json.readObject(body, parser -> status(dropletId, parser));
    }

    /** The error body's parts, or all empty when the body is not a JSON object (an HTML page, say). */
    ErrorDocument readError(byte[] body) {
        return json.readError(body);
    }

    private static TeardownStatus status(DropletId dropletId, JsonParser parser)
            throws IOException, MalformedDocumentException {
        Optional<Instant> completedAt = Optional.empty();
        Optional<ResourceTeardown> droplet = Optional.empty();
        OptionalInt failures = OptionalInt.empty();
        Map<ResourceKind, List<ResourceTeardown>> lists = new EnumMap<>(ResourceKind.class);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "completed_at" -> completedAt = timestamp(parser, value, "completed_at");
                case "droplet" -> droplet = isAbsent(value)
                        ? Optional.empty()
                        : Optional.of(resource(parser, value, ResourceKind.DROPLET, "droplet"));
                case "failures" -> failures = wholeNumber(parser, value, "failures");
                case "resources" -> resources(parser, value, lists);
                default -> parser.skipChildren();
            }
        }
        List<ResourceTeardown> resources = new ArrayList<>();
        lists.values().forEach(resources::addAll);
        return new TeardownStatus(dropletId, completedAt, droplet, failures, resources);
    }

    /** Reads {@code resources}; a list named twice counts as its last naming, as in a JSON object. */
    private static void resources(JsonParser parser, JsonToken value, Map<ResourceKind, List<ResourceTeardown>> lists)
            throws IOException, MalformedDocumentException {
        lists.clear();
        if (!startsObject(parser, value, "resources")) {
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Optional<ResourceKind> kind = ResourceKind.associatedByWireName(parser.currentName());
            JsonToken list = parser.nextToken();
            if (kind.isEmpty()) {
                parser.skipChildren();
                continue;
            }
            String path = "resources." + kind.get().wireName();
            lists.remove(kind.get());
            if (!startsList(parser, list, path)) {
                continue;
            }
            List<ResourceTeardown> read = new ArrayList<>();
            int index = 0;
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                String elementPath = path + "[" + index++ + "]";
                if (isAbsent(element)) {
                    continue;
                }
                read.add(resource(parser, element, kind.get(), elementPath));
            }
            lists.put(kind.get(), read);
        }
    }

    /** One resource; {@code value} is not null. */
    private static ResourceTeardown resource(JsonParser parser, JsonToken value, ResourceKind kind, String path)
            throws IOException, MalformedDocumentException {
        if (value != JsonToken.START_OBJECT) {
            throw new MalformedDocumentException(path + " must be an object, is " + describe(parser, value));
        }
        String id = "";
        Optional<String> name = Optional.empty();
        Optional<Instant> destroyedAt = Optional.empty();
        Optional<String> errorMessage = Optional.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "id" -> id = id(parser, token, path + ".id");
                case "name" -> name = string(parser, token, path + ".name");
                case "destroyed_at" -> destroyedAt = timestamp(parser, token, path + ".destroyed_at");
                case "error_message" -> errorMessage = string(parser, token, path + ".error_message");
                default -> parser.skipChildren();
            }
        }
        return new ResourceTeardown(kind, id, name.orElse(""), destroyedAt, errorMessage);
    }
}
