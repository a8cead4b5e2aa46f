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
import dev.teardown.domain.ResourceKind;
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
 * The API's documents read strictly, for every call's reader: a bounded parser (depth, string, number
 * and name lengths, document size), one JSON object per body with nothing after it, and fields that
 * may be missing or null but never of the wrong type. Error messages name the field's path and what
 * it was, never quote the body: it may echo what we sent.
 */
final class JsonFields {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 100_000;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 1_000;

    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

    /** Reads one JSON object, its first token already consumed, into what the document means. */
    @FunctionalInterface
    interface ObjectReader<T> {
        T read(JsonParser parser) throws IOException, MalformedDocumentException;
    }

    private final JsonFactory factory;
    // Made at the first error body: data binding's set-up is a cost a command that only reads answers
    // should not pay at start-up (docs/benchmarks.md, "Start-up"); answers stream through the factory.
    private volatile ObjectMapper mapper;

    JsonFields(int maxDocumentBytes) {
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
    }

    private ObjectMapper mapper() {
        ObjectMapper made = mapper;
        if (made == null) {
            synchronized (this) {
                made = mapper;
                if (made == null) {
                    made = JsonMapper.builder(factory)
                            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .build();
                    mapper = made;
                }
            }
        }
        return made;
    }

    /**
     * The body as one JSON object, streamed through {@code reader}, which sees the parser positioned on
     * the object's start; an empty body, a body of another JSON value, and a body with more after the
     * object are malformed.
     */
    <T> T readObject(byte[] body, ObjectReader<T> reader) throws MalformedDocumentException {
        if (body.length == 0) {
            throw new MalformedDocumentException("the body is empty");
        }
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedDocumentException("the body holds no JSON value");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedDocumentException("the body is JSON but not an object, it is " + describe(parser, first));
            }
            T document = reader.read(parser);
            if (parser.nextToken() != null) {
                throw new MalformedDocumentException("the body is not valid JSON: more follows the document");
            }
            return document;
        } catch (JacksonException e) {
            throw new MalformedDocumentException("the body is not valid JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new MalformedDocumentException("the body could not be read as JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** The API's error body's parts, or all empty when the body is not a JSON object (an HTML page, say). */
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
            JsonNode root = mapper().readTree(body);
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

    /** True when the value is JSON {@code null}, which every field may be: it counts as absent. */
    static boolean isAbsent(JsonToken token) {
        return token == JsonToken.VALUE_NULL;
    }

    /** Whether an object starts here: false for null; any other value is malformed. */
    static boolean startsObject(JsonParser parser, JsonToken token, String path)
            throws IOException, MalformedDocumentException {
        if (isAbsent(token)) {
            return false;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedDocumentException(path + " must be an object, is " + describe(parser, token));
        }
        return true;
    }

    /** Reads one element of a list named by an associated kind; empty to leave it out. */
    @FunctionalInterface
    interface ElementReader<T> {
        Optional<T> read(JsonParser parser, JsonToken element, ResourceKind kind, String path)
                throws IOException, MalformedDocumentException;
    }

    /**
     * The rest of an object of lists named by associated kinds, {@code {"reserved_ips": [...], "volumes":
     * [...]}}, as its elements read them, in kind order: other fields are skipped, a null list is none, and
     * a list named twice counts as its last naming, as in a JSON object.
     */
    static <T> Map<ResourceKind, List<T>> listsByKind(JsonParser parser, ElementReader<T> elements)
            throws IOException, MalformedDocumentException {
        Map<ResourceKind, List<T>> lists = new EnumMap<>(ResourceKind.class);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Optional<ResourceKind> kind = ResourceKind.associatedByWireName(parser.currentName());
            JsonToken value = parser.nextToken();
            if (kind.isEmpty()) {
                parser.skipChildren();
                continue;
            }
            lists.remove(kind.get());
            String path = kind.get().wireName();
            if (!startsList(parser, value, path)) {
                continue;
            }
            List<T> read = new ArrayList<>();
            int index = 0;
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                elements.read(parser, element, kind.get(), path + "[" + index++ + "]").ifPresent(read::add);
            }
            lists.put(kind.get(), read);
        }
        return lists;
    }

    /** Whether a list starts here: false for null; any other value is malformed. */
    static boolean startsList(JsonParser parser, JsonToken token, String path)
            throws IOException, MalformedDocumentException {
        if (isAbsent(token)) {
            return false;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new MalformedDocumentException(path + " must be a list, is " + describe(parser, token));
        }
        return true;
    }

    /** An id as the API writes them, a string or a whole number; empty text when null. */
    static String id(JsonParser parser, JsonToken token, String path)
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

    static Optional<String> string(JsonParser parser, JsonToken token, String path)
            throws IOException, MalformedDocumentException {
        if (isAbsent(token)) {
            return Optional.empty();
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedDocumentException(path + " must be a string, is " + describe(parser, token));
        }
        return Optional.of(parser.getText());
    }

    /** An ISO-8601 time with Z or an offset; a null, empty or blank one is absent. */
    static Optional<Instant> timestamp(JsonParser parser, JsonToken token, String path)
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
     * never wrapped; a negative one stays negative, for the domain to judge.
     */
    static OptionalInt wholeNumber(JsonParser parser, JsonToken token, String path)
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

    /** Says what a value is, and steps over it so that an error message never needs more of the body. */
    static String describe(JsonParser parser, JsonToken token) throws IOException {
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
