package dev.teardown.adapters.http;

import static dev.teardown.adapters.http.JsonFields.describe;
import static dev.teardown.adapters.http.JsonFields.isAbsent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.teardown.domain.DestroyRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the body of a selective destroy, {@code {"reserved_ips": [...], "floating_ips": [...],
 * "snapshots": [...], "volumes": [...], "volume_snapshots": [...]}}, as a server receives it: every list
 * is optional and may be null, other fields are ignored, but each id must be a non-blank string or a
 * whole number, since a half-read selection would destroy something other than what was asked.
 */
final class SelectionDocumentReader {

    private final JsonFields json;

    SelectionDocumentReader(int maxDocumentBytes) {
        this.json = new JsonFields(maxDocumentBytes);
    }

    DestroyRequest.Selection read(byte[] body) throws MalformedDocumentException {
        return json.readObject(body, SelectionDocumentReader::selection);
    }

    private static DestroyRequest.Selection selection(JsonParser parser) throws IOException, MalformedDocumentException {
        return DestroyRequest.Selection.of(JsonFields.listsByKind(parser,
                (element, token, kind, path) -> Optional.of(id(element, token, path))));
    }

    private static String id(JsonParser parser, JsonToken token, String path) throws IOException, MalformedDocumentException {
        if (isAbsent(token)) {
            throw new MalformedDocumentException(path + " must be an id, is null");
        }
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedDocumentException(path + " must be an id (a string), is " + describe(parser, token));
        }
        String id = JsonFields.id(parser, token, path);
        if (id.isBlank()) {
            throw new MalformedDocumentException(path + " must not be blank");
        }
        return id;
    }
}
