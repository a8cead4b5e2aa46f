package dev.teardown.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

    private final JsonFactory factory;
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
        this.factory = factory;
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    TeardownStatus read(DropletId dropletId, byte[] body) throws MalformedDocumentException {
        if (body.length == 0) {
            throw new MalformedDocumentException("the body is empty");
        }
        // Streamed straight into the domain, without a tree: this is the adapter's hot path.
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedDocumentException("the body holds no JSON value");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedDocumentException("the body is JSON but not an object, it is " + describe(parser, first));
            }
            TeardownStatus status = status(dropletId, parser);
            if (parser.nextToken() != null) {
                throw new MalformedDocumentException("the body is not valid JSON: more follows the document");
            }
            return status;
        } catch (JacksonException e) {
            throw new MalformedDocumentException("the body is not valid JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new MalformedDocumentException("the body could not be read as JSON: " + firstLine(e.getMessage()), e);
        }
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
        if (isAbsent(value)) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new MalformedDocumentException("resources must be an object, is " + describe(parser, value));
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
            if (isAbsent(list)) {
                continue;
            }
            if (list != JsonToken.START_ARRAY) {
                throw new MalformedDocumentException(path + " must be a list, is " + describe(parser, list));
            }
            List<ResourceTeardown> read = new ArrayList<>();
            int index = 0;
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                String elementPath = path + "[" + index++ + "]";
                if (element == JsonToken.VALUE_NULL) {
                    continue;
                }
                read.add(resource(parser, element, kind.get(), elementPath));
            }
            lists.put(kind.get(), read);
        }
    }

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

    /** The error body's parts, or all empty when the body is not a JSON object (an HTML page, say). */
    ErrorDocument readError(byte[] body) {
        JsonNode root;
        try {
            root = tree(body);
        } catch (MalformedDocumentException notJson) {
            return ErrorDocument.notJson();
        }
        if (!root.isObject()) {
            return ErrorDocument.notJson();
        }
        return new ErrorDocument(text(root.get("id")), text(root.get("message")), text(root.get("request_id")), true);
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

    private static String id(JsonParser parser, JsonToken token, String path)
            throws IOException, MalformedDocumentException {
        if (isAbsent(token)) {
            return "";
        }
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getBigIntegerValue().toString();
        }
        throw new MalformedDocumentException(path + " must be a string or a whole number, is " + describe(parser, token));
    }

    private static Optional<String> string(JsonParser parser, JsonToken token, String path)
            throws IOException, MalformedDocumentException {
        if (isAbsent(token)) {
            return Optional.empty();
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedDocumentException(path + " must be a string, is " + describe(parser, token));
        }
        return Optional.of(parser.getText());
    }

    private static Optional<Instant> timestamp(JsonParser parser, JsonToken token, String path)
            throws IOException, MalformedDocumentException {
        Optional<String> text = string(parser, token, path);
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        String time = text.get().strip();
        try {
            return Optional.of(UtcTimestamps.parse(time));
        } catch (DateTimeException e) {
            throw new MalformedDocumentException(
                    path + " must be an ISO-8601 time with Z or an offset, is '" + Excerpts.abbreviate(text.get(), 40) + "'", e);
        }
    }

    /**
     * A count as the specification types it: an integer, with no bound and in any JSON spelling
     * ({@code 3}, {@code 3.0}, {@code 3e0}). One beyond the domain's int is clamped to its nearest end,
     * never wrapped; a negative one stays negative, which the domain reports as an inconsistency.
     */
    private static OptionalInt wholeNumber(JsonParser parser, JsonToken token, String path)
            throws IOException, MalformedDocumentException {
        if (isAbsent(token)) {
            return OptionalInt.empty();
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return switch (parser.getNumberType()) {
                case INT -> OptionalInt.of(parser.getIntValue());
                case LONG -> OptionalInt.of(clamped(parser.getLongValue()));
                // Beyond a long, so beyond an int: only the sign matters.
                default -> OptionalInt.of(parser.getBigIntegerValue().signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE);
            };
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            // Exact, from the text: a double would call 1.0000000000000001 whole. The number's text is at most
            // MAX_NUMBER_LENGTH characters, but its exponent may be huge: nothing here scales by it.
            BigDecimal value = parser.getDecimalValue();
            if (value.signum() == 0) {
                return OptionalInt.of(0);
            }
            if (value.stripTrailingZeros().scale() > 0) {
                throw new MalformedDocumentException(path + " must be a whole number, is " + parser.getText());
            }
            if (value.compareTo(INT_MAX) > 0) {
                return OptionalInt.of(Integer.MAX_VALUE);
            }
            if (value.compareTo(INT_MIN) < 0) {
                return OptionalInt.of(Integer.MIN_VALUE);
            }
            return OptionalInt.of(value.intValue());
        }
        throw new MalformedDocumentException(path + " must be a whole number, is " + describe(parser, token));
    }

    private static int clamped(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static boolean isAbsent(JsonToken token) {
        return token == JsonToken.VALUE_NULL;
    }

    /** Says what a value is, and steps over it so that an error message never needs more of the body. */
    private static String describe(JsonParser parser, JsonToken token) throws IOException {
        String description = switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
        parser.skipChildren();
        return description;
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return Optional.empty();
        }
        String value = node.asText();
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return Excerpts.abbreviate(newline < 0 ? message : message.substring(0, newline), 160);
    }
}
