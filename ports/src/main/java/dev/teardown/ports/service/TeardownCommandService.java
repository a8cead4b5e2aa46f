package dev.teardown.ports.service;

import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.in.CommandAnswer.Confirmation;
import dev.teardown.ports.in.DestroyTeardownUseCase;
import dev.teardown.ports.in.RetryTeardownUseCase;
import dev.teardown.ports.out.CommandReceipt;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownCommands;
import dev.teardown.ports.out.TeardownStatusSource;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends destroys and retries through {@link TeardownCommands}, once each, and settles what an ambiguous
 * failure left open with one status lookup: a command whose request may have reached the API is never
 * sent again; the status of the teardown says whether it took effect, and when that cannot be had either
 * the command fails with {@link Reason#OUTCOME_UNKNOWN}.
 *
 * <p>After every command the status source {@linkplain TeardownStatusSource#forget forgets} the Droplet,
 * so that no lookup serves an answer kept from before it.
 */
public final class TeardownCommandService implements DestroyTeardownUseCase, RetryTeardownUseCase {

    private final TeardownCommands commands;
    private final TeardownStatusSource statuses;

    /**
     * @param statuses where the status is looked up after an ambiguous failure and forgotten after every
     *     command: the same source (and cache) the application's lookups use
     */
    public TeardownCommandService(TeardownCommands commands, TeardownStatusSource statuses) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
    }

    @Override
    public CommandAnswer destroy(DropletId dropletId, DestroyRequest request, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(deadline, "deadline");
        CommandReceipt receipt;
        try {
            receipt = commands.destroy(dropletId, request, deadline);
        } catch (TeardownApiException failure) {
            statuses.forget(dropletId);
            if (!failure.mayHaveTakenEffect()) {
                throw failure;
            }
            // Any teardown the status call knows now was started by this destroy or by one before it;
            // either way the Droplet is going, and sending it again could only be refused (404).
            Optional<TeardownStatus> status = lookUpAfter(failure, dropletId, deadline);
            if (status.isPresent()) {
                return new CommandAnswer.Accepted(dropletId, Confirmation.SEEN_IN_STATUS);
            }
            throw settled(failure, "the status call knows no teardown of droplet " + dropletId
                    + " after it, so the API did not start one");
        }
        statuses.forget(dropletId);
        return answer(dropletId, receipt);
    }

    @Override
    public CommandAnswer retry(DropletId dropletId, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(deadline, "deadline");
        CommandReceipt receipt;
        try {
            receipt = commands.retry(dropletId, deadline);
        } catch (TeardownApiException failure) {
            statuses.forget(dropletId);
            if (!failure.mayHaveTakenEffect()) {
                throw failure;
            }
            Optional<TeardownStatus> status = lookUpAfter(failure, dropletId, deadline);
            if (status.isEmpty()) {
                return new CommandAnswer.NotFound(dropletId);
            }
            if (status.get().outcome() == TeardownOutcome.COMPLETED_WITH_FAILURES) {
                // An accepted retry puts the failed resources back to pending until it completes again.
                throw settled(failure, "the teardown of droplet " + dropletId
                        + " still stands completed with failures after it, so the API did not start the retry");
            }
            return new CommandAnswer.Accepted(dropletId, Confirmation.SEEN_IN_STATUS);
        }
        statuses.forget(dropletId);
        return answer(dropletId, receipt);
    }

    private static CommandAnswer answer(DropletId dropletId, CommandReceipt receipt) {
        return switch (receipt) {
            case ACCEPTED -> new CommandAnswer.Accepted(dropletId, Confirmation.ANSWERED);
            case NOT_FOUND -> new CommandAnswer.NotFound(dropletId);
            case IN_PROGRESS -> new CommandAnswer.AlreadyInProgress(dropletId);
        };
    }

    private Optional<TeardownStatus> lookUpAfter(TeardownApiException failure, DropletId dropletId, Instant deadline) {
        try {
            return statuses.statusOf(dropletId, deadline);
        } catch (RuntimeException lookup) {
            // Whatever ended the lookup (a failure of the API, a source closed meanwhile), the command's own
            // failure must reach the caller with what it means: it may have been carried out.
            TeardownApiException unknown = builder(failure, Reason.OUTCOME_UNKNOWN,
                    failure.getMessage() + "; whether the API accepted it is unknown: the status lookup after it failed too: "
                            + lookup.getMessage())
                    .mayHaveTakenEffect(true)
                    .build();
            unknown.addSuppressed(lookup);
            throw unknown;
        }
    }

    /** The command's own failure, now known not to have taken effect. */
    private static TeardownApiException settled(TeardownApiException failure, String why) {
        return builder(failure, failure.reason(), failure.getMessage() + "; " + why).build();
    }

    private static TeardownApiException.Builder builder(TeardownApiException failure, Reason reason, String message) {
        TeardownApiException.Builder builder = TeardownApiException
                .builder(failure.operation(), reason, failure.dropletId(), message)
                .cause(failure)
                .attempts(failure.attempts())
                .httpStatus(failure.httpStatus().orElse(0));
        failure.requestId().ifPresent(builder::requestId);
        failure.retryAllowedAt().ifPresent(builder::retryAllowedAt);
        return builder;
    }
}
