package dev.teardown.ports.out;

import dev.teardown.domain.DropletId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call of the DigitalOcean API for a Droplet's teardown failed. Every outbound port fails with this
 * one exception family; {@link #operation()} says which call, {@link #reason()} why and what to do.
 */
public class TeardownApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The call of the family that failed. */
    public enum Operation {
        /** Check the status of a teardown. */
        CHECK_STATUS("no teardown status for droplet %s", "read this status", "droplet:delete"),
        /** List the resources associated with a Droplet. */
        LIST_RESOURCES("no list of associated resources for droplet %s", "list these resources", "droplet:read"),
        /** Destroy a Droplet with a selection of its associated resources. */
        DESTROY_SELECTED("the selective destroy of droplet %s failed", "destroy this droplet",
                "droplet:delete and block_storage:delete"),
        /** Destroy a Droplet with all of its associated resources. */
        DESTROY_EVERYTHING("the destroy of droplet %s with all its resources failed", "destroy this droplet",
                "droplet:delete and block_storage:delete"),
        /** Retry the teardown of a Droplet that completed with failures. */
        RETRY("the retry of the teardown of droplet %s failed", "retry this teardown",
                "droplet:delete and block_storage:delete");

        /** True for the calls that change something (the destroys and the retry), false for lookups. */
        public boolean isCommand() {
            return this != CHECK_STATUS && this != LIST_RESOURCES;
        }

        private final String failurePrefix;
        private final String permissionObject;
        private final String requiredScopes;

        Operation(String failurePrefix, String permissionObject, String requiredScopes) {
            this.failurePrefix = failurePrefix;
            this.permissionObject = permissionObject;
            this.requiredScopes = requiredScopes;
        }

        /** How a failure of this call begins, naming the Droplet: {@code no teardown status for droplet 7}. */
        public String failureOf(DropletId dropletId) {
            return String.format(failurePrefix, dropletId);
        }

        /** What the token may not do when the API refuses it (HTTP 403): {@code read this status}. */
        public String permissionObject() {
            return permissionObject;
        }

        /** The token scopes the call needs, as the API's description lists them: {@code droplet:delete}. */
        public String requiredScopes() {
            return requiredScopes;
        }
    }

    /** Why the call failed. */
    public enum Reason {
        /** The token is missing, wrong or revoked. */
        AUTHENTICATION(false),
        /** The token lacks a scope the call needs ({@code droplet:delete}). */
        PERMISSION(false),
        /** Too many requests; {@link #retryAllowedAt()} says when to try again, when known. */
        RATE_LIMITED(true),
        /** The API refused the call as in conflict with one under way (HTTP 409: a destroy is already in progress). */
        CONFLICT(false),
        /** The API answered with a server error (5xx). */
        SERVER_ERROR(true),
        /** The connection could not be made or was lost. */
        NETWORK(true),
        /** No answer came in time. */
        TIMEOUT(true),
        /** An answer came but was not the document the call expects (HTML, truncated, wrong types, too large). */
        BAD_RESPONSE(false),
        /** An HTTP status the API does not document for this call. */
        UNEXPECTED_RESPONSE(false),
        /**
         * The API refused a command as invalid (HTTP 400 or 422), such as a selected id that is not
         * associated with the Droplet; nothing was done, and the message says what the API objected to.
         */
        REJECTED(false),
        /**
         * A command (a destroy or a retry) was sent and it cannot be known whether the API accepted it: no
         * answer said so, and the status could not tell. Check the status before sending it again.
         */
        OUTCOME_UNKNOWN(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** True when the same request may succeed later without anyone changing anything. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Operation operation;
    private final Reason reason;
    private final transient DropletId dropletId;
    private final transient Instant retryAllowedAt;
    private final int httpStatus;
    private final String requestId;
    private final int attempts;
    private final boolean mayHaveTakenEffect;

    private TeardownApiException(Builder builder) {
        super(builder.message, builder.cause);
        this.operation = builder.operation;
        this.reason = builder.reason;
        this.dropletId = builder.dropletId;
        this.retryAllowedAt = builder.retryAllowedAt;
        this.httpStatus = builder.httpStatus;
        this.requestId = builder.requestId;
        this.attempts = builder.attempts;
        this.mayHaveTakenEffect = builder.mayHaveTakenEffect;
    }

    public static Builder builder(Operation operation, Reason reason, DropletId dropletId, String message) {
        return new Builder(operation, reason, dropletId, message);
    }

    /** Which call of the family failed. */
    public Operation operation() {
        return operation;
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

    /**
     * True when a command (a destroy or a retry) failed after a request that may have reached the API
     * and been carried out: a timeout after sending, a cut connection, a server error. It is never sent
     * again by itself; the status of the teardown tells whether it took effect. False for lookups, and
     * for every failure the API answered with a refusal or that came before anything was sent.
     */
    public boolean mayHaveTakenEffect() {
        return mayHaveTakenEffect;
    }

    /** Builds the exception; adapters fill in what they know. */
    public static final class Builder {
        private final Operation operation;
        private final Reason reason;
        private final DropletId dropletId;
        private final String message;
        private Throwable cause;
        private Instant retryAllowedAt;
        private int httpStatus;
        private String requestId;
        private int attempts;
        private boolean mayHaveTakenEffect;

        private Builder(Operation operation, Reason reason, DropletId dropletId, String message) {
            this.operation = Objects.requireNonNull(operation, "operation");
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

        /** Marks a command whose request may have been carried out; see {@link TeardownApiException#mayHaveTakenEffect()}. */
        public Builder mayHaveTakenEffect(boolean mayHaveTakenEffect) {
            this.mayHaveTakenEffect = mayHaveTakenEffect;
            return this;
        }

        public TeardownApiException build() {
            return new TeardownApiException(this);
        }
    }
}
