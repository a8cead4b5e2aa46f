package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.in.CommandAnswer.Confirmation;
import dev.teardown.ports.out.CommandReceipt;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownCommands;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.TeardownCommandService;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The commands are sent once; an ambiguous failure is settled by one lookup of the status, and the status
 * source forgets the Droplet after every command.
 */
class TeardownCommandServiceTest {

    private static final DropletId ID = Statuses.ID;
    private static final Instant DEADLINE = Instant.parse("2026-11-29T10:05:00Z");
    private static final DestroyRequest SELECTION = DestroyRequest.selection()
            .add(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f").build();

    /** What the fakes were asked, in order, such as {@code destroy}, {@code forget}, {@code statusOf}. */
    private final List<String> events = new ArrayList<>();
    private final ScriptedCommands commands = new ScriptedCommands();
    private final RecordingStatuses statuses = new RecordingStatuses();
    private final TeardownCommandService service = new TeardownCommandService(commands, statuses);

    /** Answers every command with the next scripted outcome, and records what it was sent. */
    private final class ScriptedCommands implements TeardownCommands {
        Supplier<CommandReceipt> outcome = () -> CommandReceipt.ACCEPTED;
        final List<DestroyRequest> requests = new ArrayList<>();
        final List<Instant> deadlines = new ArrayList<>();

        @Override
        public CommandReceipt destroy(DropletId dropletId, DestroyRequest request, Instant deadline) {
            events.add("destroy " + dropletId);
            requests.add(request);
            deadlines.add(deadline);
            return outcome.get();
        }

        @Override
        public CommandReceipt retry(DropletId dropletId, Instant deadline) {
            events.add("retry " + dropletId);
            deadlines.add(deadline);
            return outcome.get();
        }
    }

    /** Answers every lookup as scripted; records lookups with their deadlines, and forgets. */
    private final class RecordingStatuses implements TeardownStatusSource {
        Supplier<Optional<TeardownStatus>> answer = Optional::empty;

        @Override
        public Optional<TeardownStatus> statusOf(DropletId dropletId) {
            throw new AssertionError("a lookup without the command's deadline");
        }

        @Override
        public Optional<TeardownStatus> statusOf(DropletId dropletId, Instant deadline) {
            events.add("statusOf " + dropletId + " by " + deadline);
            return answer.get();
        }

        @Override
        public void forget(DropletId dropletId) {
            events.add("forget " + dropletId);
        }
    }

    private static TeardownApiException ambiguous(Operation operation) {
        return TeardownApiException.builder(operation, Reason.SERVER_ERROR, ID,
                        operation.failureOf(ID) + ": the API failed with a server error (HTTP 503)"
                                + " (1 attempt; not sent again: the request may have reached the API)")
                .httpStatus(503).requestId("rid-503").attempts(1).cause(new IOException("upstream"))
                .mayHaveTakenEffect(true)
                .build();
    }

    private static TeardownApiException refused(Operation operation) {
        return TeardownApiException.builder(operation, Reason.PERMISSION, ID, operation.failureOf(ID) + ": HTTP 403")
                .httpStatus(403).attempts(1).build();
    }

    private static TeardownApiException lookupFailure() {
        return TeardownApiException.builder(Operation.CHECK_STATUS, Reason.NETWORK, ID,
                "no teardown status for droplet 61486916: could not connect").attempts(3).build();
    }

    private void failWith(TeardownApiException failure) {
        commands.outcome = () -> {
            throw failure;
        };
    }

    // Answered commands

    @Test
    void destroy_accepted_isAnsweredAndTheDropletForgottenAfterIt() {
        CommandAnswer answer = service.destroy(ID, SELECTION, DEADLINE);

        assertThat(answer).isEqualTo(new CommandAnswer.Accepted(ID, Confirmation.ANSWERED));
        assertThat(events).containsExactly("destroy 61486916", "forget 61486916");
    }

    @Test
    void destroy_givenRequestAndDeadline_reachTheCommandUnchanged() {
        service.destroy(ID, SELECTION, DEADLINE);
        service.destroy(ID, DestroyRequest.everything());

        assertThat(commands.requests).containsExactly(SELECTION, DestroyRequest.everything());
        assertThat(commands.deadlines).containsExactly(DEADLINE, Instant.MAX);
    }

    @Test
    void destroy_notFound_isNotFoundAndTheDropletForgotten() {
        commands.outcome = () -> CommandReceipt.NOT_FOUND;

        assertThat(service.destroy(ID, SELECTION, DEADLINE)).isEqualTo(new CommandAnswer.NotFound(ID));
        assertThat(events).containsExactly("destroy 61486916", "forget 61486916");
    }

    @Test
    void destroy_inProgress_isAlreadyInProgress() {
        commands.outcome = () -> CommandReceipt.IN_PROGRESS;

        assertThat(service.destroy(ID, SELECTION, DEADLINE)).isEqualTo(new CommandAnswer.AlreadyInProgress(ID));
    }

    @Test
    void retry_accepted_isAnsweredAndTheDropletForgottenAfterIt() {
        CommandAnswer answer = service.retry(ID, DEADLINE);

        assertThat(answer).isEqualTo(new CommandAnswer.Accepted(ID, Confirmation.ANSWERED));
        assertThat(events).containsExactly("retry 61486916", "forget 61486916");
        assertThat(commands.deadlines).containsExactly(DEADLINE);
    }

    @Test
    void retry_withoutDeadline_givesTheCommandNone() {
        service.retry(ID);

        assertThat(commands.deadlines).containsExactly(Instant.MAX);
    }

    @Test
    void retry_notFound_isNotFoundAndTheDropletForgotten() {
        commands.outcome = () -> CommandReceipt.NOT_FOUND;

        assertThat(service.retry(ID, DEADLINE)).isEqualTo(new CommandAnswer.NotFound(ID));
        assertThat(events).containsExactly("retry 61486916", "forget 61486916");
    }

    @Test
    void retry_inProgress_isAlreadyInProgressAndTheDropletForgotten() {
        commands.outcome = () -> CommandReceipt.IN_PROGRESS;

        assertThat(service.retry(ID, DEADLINE)).isEqualTo(new CommandAnswer.AlreadyInProgress(ID));
        assertThat(events).containsExactly("retry 61486916", "forget 61486916");
    }

    // Failures the API answered: nothing happened, nothing to settle

    @Test
    void destroy_refused_throwsTheSameFailureAfterForgettingWithoutALookup() {
        TeardownApiException failure = refused(Operation.DESTROY_SELECTED);
        failWith(failure);

        assertThatThrownBy(() -> service.destroy(ID, SELECTION, DEADLINE)).isSameAs(failure);
        assertThat(events).containsExactly("destroy 61486916", "forget 61486916");
    }

    @Test
    void retry_refused_throwsTheSameFailureAfterForgettingWithoutALookup() {
        TeardownApiException failure = refused(Operation.RETRY);
        failWith(failure);

        assertThatThrownBy(() -> service.retry(ID, DEADLINE)).isSameAs(failure);
        assertThat(events).containsExactly("retry 61486916", "forget 61486916");
    }

    // Ambiguous destroys: settled by the status, never sent again

    @Test
    void destroy_ambiguousFailureThenAStatus_isAcceptedAsSeenInTheStatus() {
        failWith(ambiguous(Operation.DESTROY_EVERYTHING));
        statuses.answer = () -> Optional.of(Statuses.inProgress(0));

        CommandAnswer answer = service.destroy(ID, DestroyRequest.everything(), DEADLINE);

        assertThat(answer).isEqualTo(new CommandAnswer.Accepted(ID, Confirmation.SEEN_IN_STATUS));
        assertThat(events).containsExactly("destroy 61486916", "forget 61486916", "statusOf 61486916 by " + DEADLINE);
    }

    @Test
    void destroy_ambiguousFailureThenNoStatus_throwsTheFailureSettledAsNotTakenEffect() {
        TeardownApiException failure = ambiguous(Operation.DESTROY_SELECTED);
        failWith(failure);
        statuses.answer = Optional::empty;

        assertThatThrownBy(() -> service.destroy(ID, SELECTION, DEADLINE))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(settled -> {
                    assertThat(settled.operation()).isEqualTo(Operation.DESTROY_SELECTED);
                    assertThat(settled.reason()).isEqualTo(Reason.SERVER_ERROR);
                    assertThat(settled.mayHaveTakenEffect()).isFalse();
                    assertThat(settled.getMessage()).startsWith(failure.getMessage())
                            .contains("the status call knows no teardown of droplet 61486916 after it",
                                    "the API did not start one");
                    assertThat(settled).hasCause(failure);
                    assertThat(settled.httpStatus()).hasValue(503);
                    assertThat(settled.requestId()).contains("rid-503");
                    assertThat(settled.attempts()).isEqualTo(1);
                });
        assertThat(events).containsExactly("destroy 61486916", "forget 61486916", "statusOf 61486916 by " + DEADLINE);
    }

    @Test
    void destroy_ambiguousFailureAndTheLookupFails_isOutcomeUnknownWithBothFailures() {
        TeardownApiException failure = ambiguous(Operation.DESTROY_EVERYTHING);
        TeardownApiException lookup = lookupFailure();
        failWith(failure);
        statuses.answer = () -> {
            throw lookup;
        };

        assertThatThrownBy(() -> service.destroy(ID, DestroyRequest.everything(), DEADLINE))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(unknown -> {
                    assertThat(unknown.operation()).isEqualTo(Operation.DESTROY_EVERYTHING);
                    assertThat(unknown.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
                    assertThat(unknown.reason().isTransient()).isFalse();
                    assertThat(unknown.mayHaveTakenEffect()).isTrue();
                    assertThat(unknown.dropletId()).isEqualTo(ID);
                    assertThat(unknown.getMessage()).contains(failure.getMessage(), lookup.getMessage(),
                            "whether the API accepted it is unknown");
                    assertThat(unknown).hasCause(failure);
                    assertThat(unknown.getSuppressed()).containsExactly(lookup);
                    assertThat(unknown.requestId()).contains("rid-503");
                });
        assertThat(events).filteredOn(event -> event.startsWith("destroy")).hasSize(1);
    }

    @Test
    void destroy_ambiguousFailureAndTheSourceClosedMeanwhile_isStillOutcomeUnknown() {
        failWith(ambiguous(Operation.DESTROY_SELECTED));
        IllegalStateException closed = new IllegalStateException("this HttpTransport is closed");
        statuses.answer = () -> {
            throw closed;
        };

        assertThatThrownBy(() -> service.destroy(ID, SELECTION, DEADLINE))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(unknown -> {
                    assertThat(unknown.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
                    assertThat(unknown.mayHaveTakenEffect()).isTrue();
                    assertThat(unknown.getMessage()).contains("this HttpTransport is closed");
                    assertThat(unknown.getSuppressed()).containsExactly(closed);
                });
    }

    // Ambiguous retries

    @Test
    void retry_ambiguousFailureThenInProgress_isAcceptedAsSeenInTheStatus() {
        failWith(ambiguous(Operation.RETRY));
        statuses.answer = () -> Optional.of(Statuses.inProgress(1));

        assertThat(service.retry(ID, DEADLINE)).isEqualTo(new CommandAnswer.Accepted(ID, Confirmation.SEEN_IN_STATUS));
        assertThat(events).containsExactly("retry 61486916", "forget 61486916", "statusOf 61486916 by " + DEADLINE);
    }

    @Test
    void retry_ambiguousFailureThenSucceeded_isAcceptedAsSeenInTheStatus() {
        failWith(ambiguous(Operation.RETRY));
        statuses.answer = () -> Optional.of(Statuses.succeeded());

        assertThat(service.retry(ID, DEADLINE)).isEqualTo(new CommandAnswer.Accepted(ID, Confirmation.SEEN_IN_STATUS));
    }

    @Test
    void retry_ambiguousFailureThenStillCompletedWithFailures_throwsTheFailureSettledAsNotTakenEffect() {
        TeardownApiException failure = ambiguous(Operation.RETRY);
        failWith(failure);
        statuses.answer = () -> Optional.of(Statuses.failed());

        assertThatThrownBy(() -> service.retry(ID, DEADLINE))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(settled -> {
                    assertThat(settled.operation()).isEqualTo(Operation.RETRY);
                    assertThat(settled.reason()).isEqualTo(Reason.SERVER_ERROR);
                    assertThat(settled.mayHaveTakenEffect()).isFalse();
                    assertThat(settled.getMessage()).startsWith(failure.getMessage())
                            .contains("still stands completed with failures", "did not start the retry");
                    assertThat(settled).hasCause(failure);
                });
        assertThat(events).filteredOn(event -> event.startsWith("retry")).hasSize(1);
    }

    @Test
    void retry_ambiguousFailureThenNoTeardown_isNotFound() {
        failWith(ambiguous(Operation.RETRY));
        statuses.answer = Optional::empty;

        assertThat(service.retry(ID, DEADLINE)).isEqualTo(new CommandAnswer.NotFound(ID));
    }

    @Test
    void retry_ambiguousFailureAndTheLookupFails_isOutcomeUnknownWithBothFailures() {
        TeardownApiException failure = ambiguous(Operation.RETRY);
        TeardownApiException lookup = lookupFailure();
        failWith(failure);
        statuses.answer = () -> {
            throw lookup;
        };

        assertThatThrownBy(() -> service.retry(ID, DEADLINE))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(unknown -> {
                    assertThat(unknown.operation()).isEqualTo(Operation.RETRY);
                    assertThat(unknown.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
                    assertThat(unknown.mayHaveTakenEffect()).isTrue();
                    assertThat(unknown.getMessage()).contains(failure.getMessage(), lookup.getMessage());
                    assertThat(unknown.getSuppressed()).containsExactly(lookup);
                });
        assertThat(events).containsExactly("retry 61486916", "forget 61486916", "statusOf 61486916 by " + DEADLINE);
    }

    @Test
    void retry_ambiguousFailureWithoutDeadline_looksUpWithoutOneEither() {
        failWith(ambiguous(Operation.RETRY));
        statuses.answer = () -> Optional.of(Statuses.inProgress(0));

        service.retry(ID);

        assertThat(events).contains("statusOf 61486916 by " + Instant.MAX);
    }

    // Arguments

    @Test
    void nullArguments_areRejectedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> new TeardownCommandService(null, statuses)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TeardownCommandService(commands, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> service.destroy(null, SELECTION, DEADLINE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> service.destroy(ID, null, DEADLINE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> service.destroy(ID, SELECTION, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> service.retry(null, DEADLINE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> service.retry(ID, null)).isInstanceOf(NullPointerException.class);
        assertThat(events).isEmpty();
    }
}
