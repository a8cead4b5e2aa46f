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

    TeardownApiException toException(
            DropletId dropletId, int attempts, Optional<Instant> retryAllowedAt, String afterword) {
        StringBuilder message = new StringBuilder(Operation.CHECK_STATUS.failureOf(dropletId))
                .append(": ").append(detail);
        requestId.ifPresent(id -> message.append(" [request id ").append(id).append(']'));
        message.append(attempts == 1 ? " (1 attempt" : " (" + attempts + " attempts");
        if (!afterword.isEmpty()) {
            message.append("; ").append(afterword);
        }
        message.append(')');
        TeardownApiException.Builder builder = TeardownApiException
                .builder(Operation.CHECK_STATUS, reason, dropletId, message.toString())
                .attempts(attempts)
                .httpStatus(httpStatus)
                .cause(cause);
        requestId.ifPresent(builder::requestId);
        retryAllowedAt.ifPresent(builder::retryAllowedAt);
        return builder.build();
    }
}
