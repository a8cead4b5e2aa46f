package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.AwaitListener;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.AwaitTeardownService;
import dev.teardown.ports.service.CheckStatusService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwaitTeardownServiceTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final AwaitOptions OPTIONS = AwaitOptions.defaults()
            .withTimeout(Duration.ofMinutes(1))
            .withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(30))
            .withFailureLimit(3);

    private final FakeTime time = new FakeTime(START);
    private final Deque<Supplier<Optional<TeardownStatus>>> answers = new ArrayDeque<>();
    private final List<AwaitObservation> observations = new ArrayList<>();
    private double jitter = 1.0;

    private final TeardownStatusSource scripted = id -> (answers.size() > 1 ? answers.removeFirst() : answers.getFirst()).get();
    private final AwaitTeardownService service =
            new AwaitTeardownService(new CheckStatusService(scripted), time, time.sleeper(), () -> jitter);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private void answer(TeardownStatus status) {
        answers.add(() -> Optional.of(status));
    }

    private void answerNotFound() {
        answers.add(Optional::empty);
    }

    private void fail(TeardownApiException failure) {
        answers.add(() -> {
            throw failure;
        });
    }

    private AwaitResult await(AwaitOptions options) {
        return service.await(Statuses.ID, options, observations::add);
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void await_teardownSucceedsAfterTwoPolls_stopsAsTerminalWithTheLastReport() {
        answer(Statuses.inProgress(0));
        answer(Statuses.inProgress(2));
        answer(Statuses.succeeded());

        AwaitResult result = await(OPTIONS);

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(result.polls()).isEqualTo(3);
        assertThat(result.last()).get().isInstanceOfSatisfying(StatusAnswer.Reported.class,
                reported -> assertThat(reported.report().outcome()).isEqualTo(TeardownOutcome.SUCCEEDED));
        assertThat(result.lastFailure()).isEmpty();
        assertThat(result.elapsed()).isEqualTo(seconds(4));
        assertThat(observations).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Checked", "Waiting", "Checked", "Waiting", "Checked");
    }

    @Test
    void await_completedWithFailures_isTerminal() {
        answer(Statuses.failed());

        AwaitResult result = await(OPTIONS);

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(result.polls()).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void await_notFoundAndAskedToStopOnIt_stopsAtOnce() {
        answerNotFound();

        AwaitResult result = await(OPTIONS.withStopWhenNotFound(true));

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(result.last()).contains(new StatusAnswer.NotFound(Statuses.ID));
    }

    @Test
    void await_notFoundAndAskedToWaitForIt_pollsUntilTheTeardownAppears() {
        answerNotFound();
        answerNotFound();
        answer(Statuses.succeeded());

        AwaitResult result = await(OPTIONS.withStopWhenNotFound(false));

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(result.polls()).isEqualTo(3);
    }

    @Test
    void await_neverEnding_stopsAtTheDeadlineWithoutSleepingPastIt() {
        answer(Statuses.inProgress(1));

        AwaitResult result = await(OPTIONS);

        assertThat(result.reason()).isEqualTo(StopReason.DEADLINE);
        assertThat(result.elapsed()).isEqualTo(seconds(60));
        assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(seconds(60));
        assertThat(time.instant()).isEqualTo(START.plusSeconds(60));
        assertThat(result.last()).isPresent();
    }

    @Test
    void await_unchangedStatus_doublesThePauseUpToTheMaximum() {
        answer(Statuses.inProgress(1));

        await(OPTIONS.withTimeout(Duration.ofMinutes(2)));

        assertThat(time.sleeps).startsWith(seconds(2), seconds(4), seconds(8), seconds(16), seconds(30), seconds(30));
    }

    @Test
    void await_statusChanges_fallsBackToTheMinimumPause() {
        answer(Statuses.inProgress(0));
        answer(Statuses.inProgress(0));
        answer(Statuses.inProgress(0));
        answer(Statuses.inProgress(1));
        answer(Statuses.succeeded());

        await(OPTIONS);

        assertThat(time.sleeps).containsExactly(seconds(2), seconds(4), seconds(8), seconds(2));
    }

    @Test
    void await_jitter_keepsEachPauseBetweenHalfTheIntervalAndTheMinimum() {
        jitter = 0.0;
        answer(Statuses.inProgress(1));

        await(OPTIONS);

        assertThat(time.sleeps).startsWith(seconds(2), seconds(2), seconds(4), seconds(8), seconds(15));
    }

    @Test
    void await_rateLimited_waitsUntilTheRetryInstantWithoutCountingAFailure() {
        fail(TeardownApiException.builder(Operation.CHECK_STATUS, Reason.RATE_LIMITED, Statuses.ID, "slow down")
                .retryAllowedAt(START.plusSeconds(45)).build());
        answer(Statuses.succeeded());

        AwaitResult result = await(OPTIONS.withFailureLimit(1));

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(time.sleeps).containsExactly(seconds(45));
        assertThat(observations.get(0)).isInstanceOfSatisfying(AwaitObservation.Failed.class,
                failed -> assertThat(failed.consecutiveFailures()).isZero());
    }

    @Test
    void await_rateLimitedUntilAfterTheDeadline_stopsAtOnceWithTheFailure() {
        TeardownApiException limited = TeardownApiException
                .builder(Operation.CHECK_STATUS, Reason.RATE_LIMITED, Statuses.ID, "slow down").retryAllowedAt(START.plusSeconds(3600)).build();
        fail(limited);

        AwaitResult result = await(OPTIONS);

        assertThat(result.reason()).isEqualTo(StopReason.DEADLINE);
        assertThat(result.lastFailure()).containsSame(limited);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void await_failuresBelowTheLimit_areTolerated() {
        fail(Statuses.failure(Reason.SERVER_ERROR));
        fail(Statuses.failure(Reason.NETWORK));
        answer(Statuses.succeeded());

        AwaitResult result = await(OPTIONS);

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(result.lastFailure()).isEmpty();
        assertThat(observations).filteredOn(AwaitObservation.Failed.class::isInstance)
                .extracting(o -> ((AwaitObservation.Failed) o).consecutiveFailures())
                .containsExactly(1, 2);
    }

    @Test
    void await_failuresReachingTheLimit_stopsWithTheLastFailureAndTheLastReport() {
        answer(Statuses.inProgress(1));
        TeardownApiException last = Statuses.failure(Reason.TIMEOUT);
        fail(Statuses.failure(Reason.SERVER_ERROR));
        fail(Statuses.failure(Reason.NETWORK));
        fail(last);

        AwaitResult result = await(OPTIONS);

        assertThat(result.reason()).isEqualTo(StopReason.FAILURES);
        assertThat(result.polls()).isEqualTo(4);
        assertThat(result.lastFailure()).containsSame(last);
        assertThat(result.last()).get().extracting(StatusAnswer::dropletId).isEqualTo(Statuses.ID);
    }

    @Test
    void await_successBetweenFailures_resetsTheCount() {
        fail(Statuses.failure(Reason.SERVER_ERROR));
        fail(Statuses.failure(Reason.SERVER_ERROR));
        answer(Statuses.inProgress(1));
        fail(Statuses.failure(Reason.SERVER_ERROR));
        fail(Statuses.failure(Reason.SERVER_ERROR));
        answer(Statuses.succeeded());

        assertThat(await(OPTIONS).reason()).isEqualTo(StopReason.TERMINAL);
    }

    @Test
    void await_interruptedWhileWaiting_stopsAndKeepsTheInterrupt() {
        answer(Statuses.inProgress(1));
        AwaitTeardownService interrupted = new AwaitTeardownService(new CheckStatusService(scripted), time,
                duration -> {
                    throw new InterruptedException("test");
                }, () -> jitter);

        AwaitResult result = interrupted.await(Statuses.ID, OPTIONS, AwaitListener.ignoring());

        assertThat(result.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
