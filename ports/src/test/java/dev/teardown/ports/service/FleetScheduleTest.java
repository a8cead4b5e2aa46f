package dev.teardown.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FleetScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final DropletId A = DropletId.of(1);
    private static final DropletId B = DropletId.of(2);
    private static final DropletId C = DropletId.of(3);
    private static final AwaitOptions OPTIONS = AwaitOptions.defaults()
            .withTimeout(Duration.ofHours(1))
            .withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(30));

    private final CompletionEstimate estimate = new CompletionEstimate();
    private final FleetSchedule schedule = new FleetSchedule(() -> 1.0, estimate);

    private static StatusAnswer status(DropletId id, int pending, int destroyed, Optional<Instant> completedAt) {
        List<ResourceTeardown> resources = IntStream.range(0, pending + destroyed)
                .mapToObj(i -> i < destroyed
                        ? ResourceTeardown.destroyed(ResourceKind.VOLUME, "v" + i, "v" + i, T0)
                        : ResourceTeardown.pending(ResourceKind.VOLUME, "v" + i, "v" + i))
                .toList();
        return new StatusAnswer.Reported(TeardownReport.of(
                new TeardownStatus(id, completedAt, Optional.empty(), OptionalInt.of(0), resources)));
    }

    private static Duration waitingPause(List<FleetSchedule.Event> events) {
        return events.stream()
                .filter(FleetSchedule.Observed.class::isInstance)
                .map(event -> ((FleetSchedule.Observed) event).observation())
                .filter(AwaitObservation.Waiting.class::isInstance)
                .map(observation -> ((AwaitObservation.Waiting) observation).pause())
                .findFirst().orElseThrow();
    }

    private DropletId takeAt(Instant now) {
        return schedule.take(now).orElseThrow().dropletId();
    }

    @Test
    void take_severalDue_oldestDueFirst() {
        schedule.add(A, OPTIONS, T0.plusSeconds(2));
        schedule.add(B, OPTIONS, T0);
        schedule.add(C, OPTIONS, T0.plusSeconds(1));

        assertThat(List.of(takeAt(T0.plusSeconds(5)), takeAt(T0.plusSeconds(5)), takeAt(T0.plusSeconds(5))))
                .containsExactly(B, C, A);
    }

    @Test
    void take_nothingDue_isEmptyAndNextDecisionIsTheEarliestDue() {
        schedule.add(A, OPTIONS, T0.plusSeconds(10));

        assertThat(schedule.take(T0)).isEmpty();
        assertThat(schedule.nextDecision()).contains(T0.plusSeconds(10));
    }

    @Test
    void take_prioritisedDue_goesBeforeOlderOthers() {
        schedule.add(A, OPTIONS, T0);
        schedule.add(B, OPTIONS, T0.plusSeconds(1));
        schedule.prioritise(B);

        assertThat(takeAt(T0.plusSeconds(1))).isEqualTo(B);
    }

    @Test
    void take_prioritisedNotYetDue_othersGoFirst() {
        schedule.add(A, OPTIONS, T0);
        schedule.add(B, OPTIONS, T0.plusSeconds(5));
        schedule.prioritise(B);

        assertThat(takeAt(T0)).isEqualTo(A);
    }

    @Test
    void putBack_pollNotMade_keepsItsPlace() {
        schedule.add(A, OPTIONS, T0);
        schedule.add(B, OPTIONS, T0.plusSeconds(1));
        FleetSchedule.Poll poll = schedule.take(T0.plusSeconds(1)).orElseThrow();

        schedule.putBack(poll);

        assertThat(schedule.take(T0.plusSeconds(1))).contains(poll);
    }

    @Test
    void answered_terminal_endsAndLearnsSecondsPerResource() {
        schedule.add(A, OPTIONS, T0);
        FleetSchedule.Poll poll = schedule.take(T0.plusSeconds(40)).orElseThrow();

        List<FleetSchedule.Event> events = schedule.answered(poll, status(A, 0, 4, Optional.of(T0.plusSeconds(40))),
                T0.plusSeconds(41));

        assertThat(events).last().isInstanceOfSatisfying(FleetSchedule.Ended.class,
                ended -> assertThat(ended.result().reason()).isEqualTo(StopReason.TERMINAL));
        assertThat(estimate.secondsPerResource()).hasValue(10.0);
        assertThat(schedule.isEmpty()).isTrue();
    }

    @Test
    void answered_expectedEndBeforeThePause_pullsThePollForwardToIt() {
        estimate.ended(T0, T0.plusSeconds(10), 1); // 10 s a resource
        schedule.add(A, OPTIONS, T0);
        // unchanged answers back the schedule off to 30 s; A has one resource left since T0 + 20 s
        FleetSchedule.Poll first = schedule.take(T0).orElseThrow();
        schedule.answered(first, status(A, 3, 0, Optional.empty()), T0);
        FleetSchedule.Poll second = schedule.take(T0.plusSeconds(20)).orElseThrow();

        Duration pause = waitingPause(schedule.answered(second, status(A, 1, 2, Optional.empty()), T0.plusSeconds(20)));

        assertThat(pause).isEqualTo(Duration.ofSeconds(2)); // the schedule's minimum after a change
        FleetSchedule.Poll third = schedule.take(T0.plusSeconds(22)).orElseThrow();
        for (int i = 0; i < 4; i++) {
            schedule.answered(third, status(A, 1, 2, Optional.empty()), T0.plusSeconds(22 + i));
            third = schedule.take(Instant.MAX.minusSeconds(1)).orElseThrow();
        }
        // after backing off, the next pause would overshoot the end expected at T0 + 32.5 s (a quarter past 30 s)
        Duration pulled = waitingPause(schedule.answered(third, status(A, 1, 2, Optional.empty()), T0.plusSeconds(26)));
        assertThat(pulled).isEqualTo(Duration.ofMillis(6_500));
    }

    @Test
    void answered_confidentAndEndFarOff_holdsThePollBackToTheMaximumInterval() {
        for (int i = 0; i < CompletionEstimate.CONFIDENT_AFTER; i++) {
            estimate.ended(T0, T0.plusSeconds(60), 1); // a minute a resource
        }
        schedule.add(A, OPTIONS, T0);
        FleetSchedule.Poll poll = schedule.take(T0.plusSeconds(30)).orElseThrow();

        Duration pause = waitingPause(schedule.answered(poll, status(A, 5, 0, Optional.empty()), T0.plusSeconds(30)));

        assertThat(pause).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void add_confidentEstimate_holdsTheFirstLookForHalfATypicalTeardown() {
        for (int i = 0; i < CompletionEstimate.CONFIDENT_AFTER; i++) {
            estimate.ended(T0, T0.plusSeconds(20), 2); // typically 20 s
        }
        schedule.add(A, OPTIONS, T0);

        assertThat(schedule.take(T0.plusSeconds(9))).isEmpty();
        assertThat(schedule.nextDecision()).contains(T0.plusSeconds(10));
        assertThat(schedule.take(T0.plusSeconds(10))).isPresent();
    }

    @Test
    void add_estimateNotYetConfident_looksAtOnce() {
        estimate.ended(T0, T0.plusSeconds(20), 2);
        schedule.add(A, OPTIONS, T0);

        assertThat(schedule.take(T0)).isPresent();
    }

    @Test
    void prioritise_beforeTheFirstLook_looksAtOnce() {
        for (int i = 0; i < CompletionEstimate.CONFIDENT_AFTER; i++) {
            estimate.ended(T0, T0.plusSeconds(20), 2);
        }
        schedule.add(A, OPTIONS, T0);
        schedule.prioritise(A);

        assertThat(schedule.take(T0)).map(FleetSchedule.Poll::dropletId).contains(A);
    }

    @Test
    void answered_pastTheExpectedEnd_waitsAFifthOfTheTeardownsAge() {
        for (int i = 0; i < CompletionEstimate.CONFIDENT_AFTER; i++) {
            estimate.ended(T0, T0.plusSeconds(8), 1); // 8 s a resource: one resource ends by T0 + 10 s
        }
        schedule.add(A, OPTIONS, T0);
        schedule.prioritise(A);
        FleetSchedule.Poll first = schedule.take(T0).orElseThrow();
        schedule.answered(first, status(A, 1, 0, Optional.empty()), T0);
        FleetSchedule.Poll late = schedule.take(T0.plusSeconds(100)).orElseThrow();

        Duration pause = waitingPause(schedule.answered(late, status(A, 1, 0, Optional.empty()), T0.plusSeconds(100)));

        assertThat(pause).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void answered_estimateNotYetConfident_keepsTheSchedulesPause() {
        estimate.ended(T0, T0.plusSeconds(60), 1);
        schedule.add(A, OPTIONS, T0);
        FleetSchedule.Poll poll = schedule.take(T0).orElseThrow();

        Duration pause = waitingPause(schedule.answered(poll, status(A, 5, 0, Optional.empty()), T0));

        assertThat(pause).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void failed_rateLimited_pausesEveryPollUntilItAllows() {
        schedule.add(A, OPTIONS, T0);
        schedule.add(B, OPTIONS, T0);
        FleetSchedule.Poll poll = schedule.take(T0).orElseThrow();
        TeardownApiException limited = TeardownApiException.builder(Operation.CHECK_STATUS, Reason.RATE_LIMITED, A, "429")
                .retryAllowedAt(T0.plusSeconds(30)).build();

        schedule.failed(poll, limited, T0);

        assertThat(schedule.take(T0.plusSeconds(29))).isEmpty();
        assertThat(schedule.nextDecision()).contains(T0.plusSeconds(30));
        assertThat(schedule.take(T0.plusSeconds(30))).map(FleetSchedule.Poll::dropletId).contains(B);
    }

    @Test
    void expire_deadlinePassedWhileQueued_endsWithDeadline() {
        schedule.add(A, OPTIONS.withTimeout(Duration.ofMinutes(1)), T0);
        schedule.add(B, OPTIONS, T0);

        List<FleetSchedule.Event> events = schedule.expire(T0.plusSeconds(60));

        assertThat(events).singleElement().isInstanceOfSatisfying(FleetSchedule.Ended.class, ended -> {
            assertThat(ended.dropletId()).isEqualTo(A);
            assertThat(ended.result().reason()).isEqualTo(StopReason.DEADLINE);
        });
        assertThat(schedule.watching()).containsExactly(B);
    }

    @Test
    void answered_afterRemove_reportsNothing() {
        schedule.add(A, OPTIONS, T0);
        FleetSchedule.Poll poll = schedule.take(T0).orElseThrow();
        schedule.remove(A);

        assertThat(schedule.answered(poll, status(A, 1, 0, Optional.empty()), T0)).isEmpty();
        assertThat(schedule.nextDecision()).isEmpty();
    }

    @Test
    void add_alreadyWatched_isRefused() {
        assertThat(schedule.add(A, OPTIONS, T0)).isTrue();
        assertThat(schedule.add(A, OPTIONS, T0)).isFalse();
        assertThat(schedule.prioritise(B)).isFalse();
        assertThat(schedule.remove(B)).isFalse();
    }
}
