package dev.teardown.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the API's status and error documents into the domain, leniently about what may be absent
 * and strictly about what is there: every field may be missing or null, unknown fields are ignored,
 * but a field of the wrong type makes the whole document malformed rather than half-read.
 */
final class StatusDocumentReader {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 100_000;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 1_000;

    private static final List<ResourceKind> ASSOCIATED = List.of(
            ResourceKind.RESERVED_IP, ResourceKind.FLOATING_IP, ResourceKind.SNAPSHOT,
            ResourceKind.VOLUME, ResourceKind.VOLUME_SNAPSHOT);

    private final ObjectMapper mapper;

    StatusDocumentReader(int maxDocumentBytes) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxDocumentLength(maxDocumentBytes)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                // Parse errors must not quote the body: it may echo what we sent.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    TeardownStatus read(DropletId dropletId, byte[] body) throws MalformedDocumentException {
        JsonNode root = tree(body);
        if (!root.isObject()) {
            throw new MalformedDocumentException("the body is JSON but not an object, it is " + describe(root));
        }
        Optional<Instant> completedAt = timestamp(root.get("completed_at"), "completed_at");
        Optional<JsonNode> dropletNode = optionalObject(root.get("droplet"), "droplet");
        Optional<ResourceTeardown> droplet = dropletNode.isEmpty()
                ? Optional.empty()
                : Optional.of(resource(ResourceKind.DROPLET, dropletNode.get(), "droplet"));
        OptionalInt failures = wholeNumber(root.get("failures"), "failures");
        List<ResourceTeardown> resources = new ArrayList<>();
        Optional<JsonNode> resourcesNode = optionalObject(root.get("resources"), "resources");
        if (resourcesNode.isPresent()) {
            for (ResourceKind kind : ASSOCIATED) {
                String path = "resources." + kind.wireName();
                JsonNode list = resourcesNode.get().get(kind.wireName());
                if (isAbsent(list)) {
                    continue;
                }
                if (!list.isArray()) {
                    throw new MalformedDocumentException(path + " must be a list, is " + describe(list));
                }
                for (int i = 0; i < list.size(); i++) {
                    JsonNode element = list.get(i);
                    if (element.isNull()) {
                        continue;
                    }
                    String elementPath = path + "[" + i + "]";
                    if (!element.isObject()) {
                        throw new MalformedDocumentException(elementPath + " must be an object, is " + describe(element));
                    }
                    resources.add(resource(kind, element, elementPath));
                }
            }
        }
        return new TeardownStatus(dropletId, completedAt, droplet, failures, resources);
    }

    /** The error body's parts, or all empty when the body is not a JSON object (an HTML page, say). */
    ErrorDocument readError(byte[] body) {
        JsonNode root;
        try {
            root = tree(body);
        } catch (MalformedDocumentException notJson) {
            return ErrorDocument.empty();
        }
        if (!root.isObject()) {
            return ErrorDocument.empty();
        }
        return new ErrorDocument(text(root.get("id")), text(root.get("message")), text(root.get("request_id")));
    }

    private JsonNode tree(byte[] body) throws MalformedDocumentException {
        if (body.length == 0) {
            throw new MalformedDocumentException("the body is empty");
        }
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new MalformedDocumentException("the body holds no JSON value");
            }
            return root;
        } catch (JacksonException e) {
            throw new MalformedDocumentException("the body is not valid JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new MalformedDocumentException("the body could not be read as JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static ResourceTeardown resource(ResourceKind kind, JsonNode node, String path)
            throws MalformedDocumentException {
        return new ResourceTeardown(
                kind,
                id(node.get("id"), path + ".id"),
                string(node.get("name"), path + ".name").orElse(""),
                timestamp(node.get("destroyed_at"), path + ".destroyed_at"),
                string(node.get("error_message"), path + ".error_message"));
    }

    private static Optional<JsonNode> optionalObject(JsonNode node, String path) throws MalformedDocumentException {
        if (isAbsent(node)) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new MalformedDocumentException(path + " must be an object, is " + describe(node));
        }
        return Optional.of(node);
    }

    private static String id(JsonNode node, String path) throws MalformedDocumentException {
        if (isAbsent(node)) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        throw new MalformedDocumentException(path + " must be a string or a whole number, is " + describe(node));
    }

    private static Optional<String> string(JsonNode node, String path) throws MalformedDocumentException {
        if (isAbsent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new MalformedDocumentException(path + " must be a string, is " + describe(node));
        }
        return Optional.of(node.textValue());
    }

    private static Optional<Instant> timestamp(JsonNode node, String path) throws MalformedDocumentException {
        Optional<String> text = string(node, path);
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get().strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedDocumentException(
                    path + " must be an ISO-8601 time with Z or an offset, is '" + Excerpts.abbreviate(text.get(), 40) + "'", e);
        }
    }

    private static OptionalInt wholeNumber(JsonNode node, String path) throws MalformedDocumentException {
        if (isAbsent(node)) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new MalformedDocumentException(path + " must be a whole number, is " + describe(node));
        }
        return OptionalInt.of(node.intValue());
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return Optional.empty();
        }
        String value = node.asText();
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "a whole number" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return Excerpts.abbreviate(newline < 0 ? message : message.substring(0, newline), 160);
    }
}
