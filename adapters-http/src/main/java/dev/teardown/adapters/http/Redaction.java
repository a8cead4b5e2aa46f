package dev.teardown.adapters.http;

import java.io.IOException;

/** Keeps the token out of everything a failure shows: its messages and the causes it carries. */
final class Redaction {

    private final ApiToken token;

    Redaction(ApiToken token) {
        this.token = token;
    }

    /** Text fit to show: one printable line without the token. */
    String shown(String text) {
        return token.redact(Excerpts.printable(text));
    }

    /** The cause itself, unless a message in its chain quotes the token: then a redacted stand-in. */
    Throwable safe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (token.appearsIn(t.getMessage())) {
                return new RedactedCause(cause, token);
            }
        }
        return cause;
    }

    /** A failure's cause whose messages quoted the token: same type name, stack and chain shape, redacted text. */
    private static final class RedactedCause extends IOException {
        private static final long serialVersionUID = 1L;

        RedactedCause(Throwable original, ApiToken token) {
            super(original.getClass().getName() + ": " + token.redact(original.getMessage()),
                    original.getCause() == null ? null : new RedactedCause(original.getCause(), token));
            setStackTrace(original.getStackTrace());
        }
    }
}
