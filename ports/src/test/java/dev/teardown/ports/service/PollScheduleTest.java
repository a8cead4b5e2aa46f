package dev.teardown.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PollScheduleTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final DropletId ID = DropletId.of(61486916);
    /** 10 minutes, 2 s to 30 s, five failures; a jitter of 1 takes the whole interval. */
    private static final AwaitOptions OPTIONS = AwaitOptions.defaults();

    private final PollSchedule schedule = PollSchedule.startingAt(START, OPTIONS, () -> 0.999_999_999);

    @Test
    void deadline_isTheTimeoutAfterTheStart() {
        assertThat(schedule.deadline()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void next_answerUnchanged_doublesThePauseUpToTheMaximum() {
        List<Duration> pauses = new ArrayList<>();
        schedule.answered(true);
        pauses.add(pause(schedule.next(START)));
        for (int i = 0; i < 6; i++) {
            schedule.answered(false);
            pauses.add(pause(schedule.next(START)));
        }

        assertThat(pauses).extracting(Duration::toSeconds).containsExactly(2L, 3L, 7L, 15L, 29L, 29L, 29L);
    }

    @Test
    void next_answerChanged_fallsBackToTheMinimum() {
        for (int i = 0; i < 4; i++) {
            schedule.answered(false);
        }
        schedule.answered(true);

        assertThat(pause(schedule.next(START))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void next_jitterZero_pausesHalfTheIntervalButNeverBelowTheMinimum() {
        PollSchedule noJitter = PollSchedule.startingAt(START, OPTIONS, () -> 0);
        noJitter.answered(true);
        Duration first = pause(noJitter.next(START));
        noJitter.answered(false);
        noJitter.answered(false);
        Duration third = pause(noJitter.next(START));

        assertThat(first).isEqualTo(Duration.ofSeconds(2));
        assertThat(third).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void next_rateLimited_waitsUntilTheApiAllowsWithoutCountingAFailure() {
        Instant allowed = START.plusSeconds(45);

        int counted = schedule.failed(rateLimited(allowed));

        assertThat(counted).isZero();
        assertThat(pause(schedule.next(START))).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void next_rateLimitedUntilTheDeadlineOrLater_stopsAsRateLimited() {
        schedule.failed(rateLimited(schedule.deadline()));

        assertThat(schedule.next(START)).isEqualTo(new PollSchedule.Next.Stop(StopReason.RATE_LIMITED));
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = {"AUTHENTICATION", "PERMISSION", "CONFLICT", "BAD_RESPONSE", "UNEXPECTED_RESPONSE"})
    void next_failureThatWaitingCannotChange_stopsAtOnce(Reason reason) {
        schedule.failed(failure(reason));

        assertThat(schedule.next(START)).isEqualTo(new PollSchedule.Next.Stop(StopReason.PERMANENT_FAILURE));
    }

    @ParameterizedTest
    @EnumSource(value = Reason.class, names = {"SERVER_ERROR", "NETWORK", "TIMEOUT"})
    void next_transientFailuresUpToTheLimit_backOffThenStop(Reason reason) {
        for (int i = 1; i < OPTIONS.failureLimit(); i++) {
            assertThat(schedule.failed(failure(reason))).isEqualTo(i);
            assertThat(schedule.next(START)).isInstanceOf(PollSchedule.Next.Pause.class);
        }
        schedule.failed(failure(reason));

        assertThat(schedule.next(START)).isEqualTo(new PollSchedule.Next.Stop(StopReason.FAILURES));
    }

    @Test
    void failed_thenAnswered_startsCountingFailuresAgain() {
        schedule.failed(failure(Reason.NETWORK));
        schedule.failed(failure(Reason.NETWORK));
        schedule.answered(true);

        assertThat(schedule.consecutiveFailures()).isZero();
        assertThat(schedule.failed(failure(Reason.NETWORK))).isEqualTo(1);
    }

    @Test
    void next_pauseThatWouldReachTheDeadline_endsBeforeItAsTheLastLookupThenStops() {
        Instant nearTheEnd = schedule.deadline().minusSeconds(5);
        schedule.answered(true);
        for (int i = 0; i < 5; i++) {
            schedule.answered(false);
        }

        PollSchedule.Next last = schedule.next(nearTheEnd);
        Instant lookedUpAt = nearTheEnd.plus(pause(last));
        schedule.answered(false);

        assertThat(last).isEqualTo(new PollSchedule.Next.Pause(Duration.ofSeconds(3), true));
        assertThat(lookedUpAt).isBefore(schedule.deadline());
        assertThat(schedule.next(lookedUpAt)).isEqualTo(new PollSchedule.Next.Stop(StopReason.DEADLINE));
    }

    @Test
    void next_atOrAfterTheDeadline_stops() {
        schedule.answered(true);

        assertThat(schedule.next(schedule.deadline())).isEqualTo(new PollSchedule.Next.Stop(StopReason.DEADLINE));
    }

    @Test
    void startingAt_absurdTimeout_saturatesInsteadOfOverflowing() {
        PollSchedule forever = PollSchedule.startingAt(START,
                OPTIONS.withTimeout(Duration.ofSeconds(Long.MAX_VALUE)), () -> 0.5);

        assertThat(forever.deadline()).isEqualTo(Instant.MAX);
    }

    private static Duration pause(PollSchedule.Next next) {
        assertThat(next).isInstanceOf(PollSchedule.Next.Pause.class);
        return ((PollSchedule.Next.Pause) next).pause();
    }

    private static TeardownApiException failure(Reason reason) {
        return TeardownApiException.builder(Operation.CHECK_STATUS, reason, ID, "scripted " + reason).build();
    }

    private static TeardownApiException rateLimited(Instant allowed) {
        return TeardownApiException.builder(Operation.CHECK_STATUS, Reason.RATE_LIMITED, ID, "slow down")
                .retryAllowedAt(allowed).build();
    }
}
