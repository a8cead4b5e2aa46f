package dev.teardown.adapters.http;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.TeardownStatusUnavailableException;
import dev.teardown.ports.TeardownStatusUnavailableException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt's failure, before it is known whether it will be retried.
 *
 * @param detail what went wrong, already free of the token
 * @param serverAskedWait how long the server asked us to wait before retrying, when it said
 */
record Failure(
        Reason reason,
        String detail,
        boolean retryable,
        int httpStatus,
        Optional<String> requestId,
        Optional<Duration> serverAskedWait,
        Throwable cause) {

    static Failure of(Reason reason, String detail, boolean retryable, Throwable cause) {
        return new Failure(reason, detail, retryable, 0, Optional.empty(), Optional.empty(), cause);
    }

    TeardownStatusUnavailableException toException(
            DropletId dropletId, int attempts, Optional<Instant> retryAllowedAt, String afterword) {
        StringBuilder message = new StringBuilder("no teardown status for droplet ")
                .append(dropletId).append(": ").append(detail);
        requestId.ifPresent(id -> message.append(" [request id ").append(id).append(']'));
        message.append(attempts == 1 ? " (1 attempt" : " (" + attempts + " attempts");
        if (!afterword.isEmpty()) {
            message.append("; ").append(afterword);
        }
        message.append(')');
        TeardownStatusUnavailableException.Builder builder = TeardownStatusUnavailableException
                .builder(reason, dropletId, message.toString())
                .attempts(attempts)
                .httpStatus(httpStatus)
                .cause(cause);
        requestId.ifPresent(builder::requestId);
        retryAllowedAt.ifPresent(builder::retryAllowedAt);
        return builder.build();
    }
}
