package dev.teardown.adapters.http;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt's failure, before it is known whether it will be retried.
 *
 * @param detail what went wrong, already free of the token
 * @param serverAskedWait how long the server asked us to wait before retrying, when it said
 * @param unsent whether the request surely did not reach the API (no connection, or refused unread
 *     with a 429 or a 408), so that even a call that is not safe to repeat may be sent again
 */
record Failure(
        Reason reason,
        String detail,
        boolean retryable,
        int httpStatus,
        Optional<String> requestId,
        Optional<Duration> serverAskedWait,
        Throwable cause,
        boolean unsent) {

    static Failure of(Reason reason, String detail, boolean retryable, Throwable cause) {
        return new Failure(reason, detail, retryable, 0, Optional.empty(), Optional.empty(), cause, false);
    }

    /** A failure before the request reached the API: repeating it cannot do anything twice. */
    static Failure unsent(Reason reason, String detail, boolean retryable, Throwable cause) {
        return new Failure(reason, detail, retryable, 0, Optional.empty(), Optional.empty(), cause, true);
    }

    /**
     * Whether the request may have reached the API and been carried out: it was not surely unsent, and
     * the API did not refuse it with a 4xx status. A timeout, a cut connection, a 5xx, a 2xx or 3xx that
     * could not be read may all come after the API acted.
     */
    boolean mayHaveReachedApi() {
        return !unsent && !(httpStatus >= 400 && httpStatus <= 499);
    }

    TeardownApiException toException(Operation operation, DropletId dropletId, int attempts,
            Optional<Instant> retryAllowedAt, String afterword) {
        return toException(operation, dropletId, attempts, retryAllowedAt, afterword, false);
    }

    /** @param effectUnknown whether a command not safe to repeat may have been carried out by this attempt */
    TeardownApiException toException(Operation operation, DropletId dropletId, int attempts,
            Optional<Instant> retryAllowedAt, String afterword, boolean effectUnknown) {
        StringBuilder message = new StringBuilder(operation.failureOf(dropletId))
                .append(": ").append(detail);
        requestId.ifPresent(id -> message.append(" [request id ").append(id).append(']'));
        message.append(attempts == 1 ? " (1 attempt" : " (" + attempts + " attempts");
        if (!afterword.isEmpty()) {
            message.append("; ").append(afterword);
        }
        message.append(')');
        TeardownApiException.Builder builder = TeardownApiException
                .builder(operation, reason, dropletId, message.toString())
                .attempts(attempts)
                .httpStatus(httpStatus)
                .cause(cause)
                .mayHaveTakenEffect(effectUnknown);
        requestId.ifPresent(builder::requestId);
        retryAllowedAt.ifPresent(builder::retryAllowedAt);
        return builder.build();
    }
}
