package dev.teardown.adapters.http;

import java.util.Optional;

/**
 * The API's error body, {@code {"id", "message", "request_id"}}; each part may be missing.
 *
 * @param isJsonObject whether the body was a JSON object at all (not an HTML page, say)
 */
record ErrorDocument(Optional<String> id, Optional<String> message, Optional<String> requestId, boolean isJsonObject) {

    /** What a body that is not a JSON object says: nothing. */
    static ErrorDocument notJson() {
        return new ErrorDocument(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
}
