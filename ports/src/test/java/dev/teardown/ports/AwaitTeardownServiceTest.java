package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    private final List<Instant> deadlines = new ArrayList<>();
    private final List<Instant> lookedUpAt = new ArrayList<>();
    private final TeardownStatusSource scripted = new TeardownStatusSource() {
        @Override
        public Optional<TeardownStatus> statusOf(DropletId dropletId) {
            throw new AssertionError("a wait must give each lookup its deadline");
        }

        @Override
        public Optional<TeardownStatus> statusOf(DropletId dropletId, Instant deadline) {
            deadlines.add(deadline);
            lookedUpAt.add(time.instant());
            return (answers.size() > 1 ? answers.removeFirst() : answers.getFirst()).get();
        }
    };
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
        assertThat(result.last()).isPresent();
        // 2 + 4 + 8 + 16 s, then the last pause ends the minimum interval before the deadline.
        assertThat(time.sleeps).containsExactly(seconds(2), seconds(4), seconds(8), seconds(16), seconds(28));
        assertThat(result.elapsed()).isEqualTo(seconds(58));
    }

    @Test
    void await_everyLookup_isGivenTheDeadlineOfTheWait() {
        answer(Statuses.inProgress(1));

        AwaitResult result = await(OPTIONS);

        assertThat(deadlines).hasSize(result.polls()).containsOnly(START.plusSeconds(60));
        assertThat(lookedUpAt).allSatisfy(at -> assertThat(at).isBefore(START.plusSeconds(60)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 500, 999, 1_000, 1_999, 2_000, 2_001, 3_999, 59_999})
    void await_lookupsThatTakeTime_neverStartWithoutTimeLeftNorGetALaterDeadline(long lookupMillis) {
        answers.add(() -> {
            time.advance(Duration.ofMillis(lookupMillis));
            return Optional.of(Statuses.inProgress(1));
        });

        AwaitResult result = await(OPTIONS);

        assertThat(result.reason()).isEqualTo(StopReason.DEADLINE);
        assertThat(deadlines).containsOnly(START.plusSeconds(60));
        assertThat(lookedUpAt).allSatisfy(at -> assertThat(at).isBefore(START.plusSeconds(60)));
        assertThat(time.sleeps).allSatisfy(pause -> assertThat(pause).isPositive());
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

    @ParameterizedTest
    @ValueSource(longs = {60, 61, 601, 3_600, 86_400})
    void await_rateLimitedUntilTheDeadlineOrLater_stopsAtOnceAsRateLimited(long retryAfterSeconds) {
        answer(Statuses.inProgress(1));
        TeardownApiException limited = TeardownApiException
                .builder(Operation.CHECK_STATUS, Reason.RATE_LIMITED, Statuses.ID, "slow down")
                .retryAllowedAt(START.plusSeconds(retryAfterSeconds)).build();
        fail(limited);

        AwaitResult result = await(OPTIONS.withTimeout(Duration.ofSeconds(60)));

        assertThat(result.reason()).isEqualTo(StopReason.RATE_LIMITED);
        assertThat(result.lastFailure()).containsSame(limited);
        assertThat(result.last()).isPresent();
        assertThat(result.polls()).isEqualTo(2);
        assertThat(time.sleeps).containsExactly(seconds(2));
    }

    @ParameterizedTest
    @MethodSource("reasonsWaitingCannotChange")
    void await_failureThatWaitingCannotChange_stopsAtTheFirstOne(Reason reason) {
        answer(Statuses.inProgress(1));
        TeardownApiException refused = Statuses.failure(reason);
        fail(refused);
        answer(Statuses.succeeded());

        AwaitResult result = await(OPTIONS.withFailureLimit(5));

        assertThat(result.reason()).isEqualTo(StopReason.PERMANENT_FAILURE);
        assertThat(result.lastFailure()).containsSame(refused);
        assertThat(result.polls()).isEqualTo(2);
        assertThat(time.sleeps).containsExactly(seconds(2));
    }

    static Stream<Reason> reasonsWaitingCannotChange() {
        return Arrays.stream(Reason.values()).filter(reason -> !reason.isTransient());
    }

    @ParameterizedTest
    @MethodSource("transientReasons")
    void await_failureThatMayPass_isRetried(Reason reason) {
        fail(Statuses.failure(reason));
        answer(Statuses.succeeded());

        AwaitResult result = await(OPTIONS);

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(result.polls()).isEqualTo(2);
    }

    static Stream<Reason> transientReasons() {
        return Arrays.stream(Reason.values()).filter(Reason::isTransient);
    }

    static Stream<Duration> absurdDurations() {
        return Stream.of(Duration.ofNanos(Long.MAX_VALUE), Duration.ofNanos(Long.MAX_VALUE).plusNanos(1),
                Duration.ofHours(3_000_000), Duration.ofDays(365L * 1_000_000), ChronoUnit.FOREVER.getDuration(),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
    }

    @ParameterizedTest
    @MethodSource("absurdDurations")
    void await_absurdlyLongTimeout_waitsWithoutOverflowing(Duration timeout) {
        answer(Statuses.inProgress(1));
        answer(Statuses.succeeded());

        AwaitResult result = await(OPTIONS.withTimeout(timeout));

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(deadlines).allSatisfy(deadline -> assertThat(deadline).isAfter(START));
    }

    @ParameterizedTest
    @MethodSource("absurdDurations")
    void await_absurdlyLongIntervals_waitsWithoutOverflowing(Duration interval) {
        answer(Statuses.inProgress(1));
        answer(Statuses.succeeded());

        AwaitResult result = await(OPTIONS.withTimeout(interval).withIntervals(interval, interval));

        assertThat(result.reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(time.sleeps).hasSize(1).allSatisfy(pause -> assertThat(pause).isPositive());
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
    void await_listenerThrows_endsTheWaitWithNoFurtherLookup() {
        answer(Statuses.inProgress(1));
        IllegalStateException gone = new IllegalStateException("output is gone");

        assertThatThrownBy(() -> service.await(Statuses.ID, OPTIONS, observation -> {
            if (observation instanceof AwaitObservation.Checked && deadlines.size() == 2) {
                throw gone;
            }
        })).isSameAs(gone);
        assertThat(deadlines).hasSize(2);
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
