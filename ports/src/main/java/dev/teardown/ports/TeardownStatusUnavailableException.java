package dev.teardown.ports;

import dev.teardown.domain.DropletId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * No status could be had for a Droplet. Every {@link TeardownStatusSource} fails with this one
 * exception family; {@link #reason()} says why and what to do about it.
 */
public class TeardownStatusUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no status could be had. */
    public enum Reason {
        /** The token is missing, wrong or revoked. */
        AUTHENTICATION(false),
        /** The token lacks a scope the call needs ({@code droplet:delete}). */
        PERMISSION(false),
        /** Too many requests; {@link #retryAllowedAt()} says when to try again, when known. */
        RATE_LIMITED(true),
        /** The API answered with a server error (5xx). */
        SERVER_ERROR(true),
        /** The connection could not be made or was lost. */
        NETWORK(true),
        /** No answer came in time. */
        TIMEOUT(true),
        /** An answer came but was not a status document (HTML, truncated, wrong types, too large). */
        BAD_RESPONSE(false),
        /** An HTTP status the API does not document for this call. */
        UNEXPECTED_RESPONSE(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** True when the same request may succeed later without anyone changing anything. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Reason reason;
    private final transient DropletId dropletId;
    private final transient Instant retryAllowedAt;
    private final int httpStatus;
    private final String requestId;
    private final int attempts;

    private TeardownStatusUnavailableException(Builder builder) {
        super(builder.message, builder.cause);
        this.reason = builder.reason;
        this.dropletId = builder.dropletId;
        this.retryAllowedAt = builder.retryAllowedAt;
        this.httpStatus = builder.httpStatus;
        this.requestId = builder.requestId;
        this.attempts = builder.attempts;
    }

    public static Builder builder(Reason reason, DropletId dropletId, String message) {
        return new Builder(reason, dropletId, message);
    }

    public Reason reason() {
        return reason;
    }

    public DropletId dropletId() {
        return dropletId;
    }

    /** For {@link Reason#RATE_LIMITED}: the earliest instant a retry is allowed, when the API said. */
    public Optional<Instant> retryAllowedAt() {
        return Optional.ofNullable(retryAllowedAt);
    }

    /** The HTTP status of the last answer, when there was one. */
    public OptionalInt httpStatus() {
        return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    /** The API's request id, to quote to DigitalOcean support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** How many requests were made before giving up; 0 when none was sent. */
    public int attempts() {
        return attempts;
    }

    /** Builds the exception; adapters fill in what they know. */
    public static final class Builder {
        private final Reason reason;
        private final DropletId dropletId;
        private final String message;
        private Throwable cause;
        private Instant retryAllowedAt;
        private int httpStatus;
        private String requestId;
        private int attempts;

        private Builder(Reason reason, DropletId dropletId, String message) {
            this.reason = Objects.requireNonNull(reason, "reason");
            this.dropletId = Objects.requireNonNull(dropletId, "dropletId");
            this.message = Objects.requireNonNull(message, "message");
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public Builder retryAllowedAt(Instant retryAllowedAt) {
            this.retryAllowedAt = retryAllowedAt;
            return this;
        }

        public Builder httpStatus(int httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public TeardownStatusUnavailableException build() {
            return new TeardownStatusUnavailableException(this);
        }
    }
}
