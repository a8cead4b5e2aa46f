package dev.teardown.adapters.http;

/** A body that is not the document its call expects: not JSON, truncated, too deep, or of the wrong shape. */
final class MalformedDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedDocumentException(String message) {
        super(message);
    }

    MalformedDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
