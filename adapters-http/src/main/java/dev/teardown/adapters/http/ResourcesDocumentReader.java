package dev.teardown.adapters.http;

import static dev.teardown.adapters.http.JsonFields.describe;
import static dev.teardown.adapters.http.JsonFields.id;
import static dev.teardown.adapters.http.JsonFields.isAbsent;
import static dev.teardown.adapters.http.JsonFields.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the API's list of a Droplet's associated resources into the domain. A missing or null list is
 * an empty one and unknown lists are ignored, but every listed resource needs a non-blank id and a cost
 * that is an exact decimal within the domain's bounds: the list is what a user decides to keep or
 * destroy by, and a resource half-read or a cost guessed would mislead that decision.
 */
final class ResourcesDocumentReader {

    private final JsonFields json;

    ResourcesDocumentReader(int maxDocumentBytes) {
        this.json = new JsonFields(maxDocumentBytes);
    }

    AssociatedResources read(DropletId dropletId, byte[] body) throws MalformedDocumentException {
        return json.readObject(body, parser -> resources(dropletId, parser));
    }

    private static AssociatedResources resources(DropletId dropletId, JsonParser parser)
            throws IOException, MalformedDocumentException {
        Map<ResourceKind, List<AssociatedResource>> lists = JsonFields.listsByKind(parser, (element, token, kind, path) ->
                isAbsent(token) ? Optional.empty() : Optional.of(resource(element, token, kind, path)));
        List<AssociatedResource> resources = new ArrayList<>();
        lists.values().forEach(resources::addAll);
        return new AssociatedResources(dropletId, resources);
    }

    /** One resource; {@code value} is not null. */
    private static AssociatedResource resource(JsonParser parser, JsonToken value, ResourceKind kind, String path)
            throws IOException, MalformedDocumentException {
        if (value != JsonToken.START_OBJECT) {
            throw new MalformedDocumentException(path + " must be an object, is " + describe(parser, value));
        }
        String id = "";
        Optional<String> name = Optional.empty();
        Optional<BigDecimal> cost = Optional.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "id" -> id = id(parser, token, path + ".id");
                case "name" -> name = string(parser, token, path + ".name");
                case "cost" -> cost = cost(parser, token, path + ".cost");
                default -> parser.skipChildren();
            }
        }
        if (id.isBlank()) {
            throw new MalformedDocumentException(path + ".id is missing or blank");
        }
        if (cost.isEmpty()) {
            // Zero would understate what keeping the resource costs; no cost is no answer.
            throw new MalformedDocumentException(path + ".cost is missing");
        }
        return new AssociatedResource(kind, id, name.orElse(""), cost.get());
    }

    /**
     * A monthly cost as the API writes it, a decimal string such as {@code "4.00"}, read exactly in its
     * scale; a JSON number is read from its text, never through a double.
     */
    private static Optional<BigDecimal> cost(JsonParser parser, JsonToken token, String path)
            throws IOException, MalformedDocumentException {
        if (isAbsent(token)) {
            return Optional.empty();
        }
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new MalformedDocumentException(path + " must be a decimal string such as \"4.00\", is " + describe(parser, token));
        }
        try {
            return Optional.of(AssociatedResource.parseMonthlyCost(parser.getText()));
        } catch (IllegalArgumentException e) {
            throw new MalformedDocumentException(path + ": " + e.getMessage(), e);
        }
    }
}
