package dev.teardown.adapters.http;

import java.util.Optional;

/** The API's error body, {@code {"id", "message", "request_id"}}; each part may be missing. */
record ErrorDocument(Optional<String> id, Optional<String> message, Optional<String> requestId) {

    static ErrorDocument empty() {
        return new ErrorDocument(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
