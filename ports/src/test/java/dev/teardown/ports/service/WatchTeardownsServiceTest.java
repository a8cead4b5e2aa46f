package dev.teardown.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.FleetWatch;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.WatchListener;
import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.RateLimitFeedback;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchTeardownsServiceTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final DropletId A = DropletId.of(1);
    private static final DropletId B = DropletId.of(2);
    private static final DropletId C = DropletId.of(3);
    private static final AwaitOptions OPTIONS = AwaitOptions.defaults()
            .withTimeout(Duration.ofMinutes(10))
            .withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(30));

    private final ManualTime time = new ManualTime(START);
    private final SimulatedTeardowns api = new SimulatedTeardowns(time);
    private final List<AwaitObservation> observations = new ArrayList<>();
    private final Map<DropletId, AwaitResult> ended = new HashMap<>();
    private final WatchListener listener = new WatchListener() {
        @Override
        public void onObservation(AwaitObservation observation) {
            observations.add(observation);
        }

        @Override
        public void onEnded(DropletId dropletId, AwaitResult result) {
            ended.put(dropletId, result);
        }
    };

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private WatchTeardownsService service(RateBudget budget) {
        return new WatchTeardownsService(api, budget, time, time.sleeper(), () -> 1.0, Duration.ofSeconds(1));
    }

    private static RateBudget perMinute(int permits) {
        return SlidingLogRateBudget.of(new RateBudgetConfig(permits * 60, permits, 1.0));
    }

    @Test
    void runUntilIdle_teardownEnds_endsThatDropletAsTerminal() {
        api.teardown(A, Duration.ofSeconds(20), 4).endless(B);
        FleetWatch watch = service(RateBudget.unlimited()).watch(listener);
        watch.add(A, OPTIONS);
        watch.add(B, OPTIONS.withTimeout(Duration.ofMinutes(1)));

        Map<DropletId, AwaitResult> results = watch.runUntilIdle();

        assertThat(results.get(A).reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(results.get(A).last()).get().isInstanceOf(StatusAnswer.Reported.class);
        assertThat(results.get(B).reason()).isEqualTo(StopReason.DEADLINE);
        assertThat(results.keySet()).containsExactly(A, B);
        assertThat(ended).isEqualTo(results);
    }

    @Test
    void runUntilIdle_deadlinesDiffer_eachDropletEndsAtItsOwn() {
        api.endless(A).endless(B);
        FleetWatch watch = service(RateBudget.unlimited()).watch(listener);
        watch.add(A, OPTIONS.withTimeout(Duration.ofMinutes(1)));
        watch.add(B, OPTIONS.withTimeout(Duration.ofMinutes(3)));

        Map<DropletId, AwaitResult> results = watch.runUntilIdle();

        assertThat(results.get(A).reason()).isEqualTo(StopReason.DEADLINE);
        assertThat(results.get(A).elapsed()).isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(results.get(B).reason()).isEqualTo(StopReason.DEADLINE);
        assertThat(results.get(B).elapsed()).isGreaterThan(Duration.ofMinutes(2)).isLessThanOrEqualTo(Duration.ofMinutes(3));
        assertThat(api.lookupsOf(A)).allMatch(at -> at.isBefore(START.plus(Duration.ofMinutes(1))));
        assertThat(api.lookupsOf(B)).allMatch(at -> at.isBefore(START.plus(Duration.ofMinutes(3))));
    }

    @Test
    void add_whileRunning_isWatchedFromTheNextDecision() {
        api.teardown(A, Duration.ofSeconds(30), 2).teardown(B, Duration.ofSeconds(10), 1);
        FleetWatch watch = service(RateBudget.unlimited()).watch(listener);
        watch.add(A, OPTIONS);
        time.onSleep(() -> {
            if (!time.instant().isBefore(START.plusSeconds(5))) {
                watch.add(B, OPTIONS);
            }
        });

        Map<DropletId, AwaitResult> results = watch.runUntilIdle();

        assertThat(api.lookupsOf(B)).isNotEmpty().allMatch(at -> !at.isBefore(START.plusSeconds(5)));
        assertThat(results.get(B).reason()).isEqualTo(StopReason.TERMINAL);
        assertThat(results.get(A).reason()).isEqualTo(StopReason.TERMINAL);
    }

    @Test
    void remove_whileRunning_stopsPollingThatDropletWithoutAResult() {
        api.teardown(A, Duration.ofSeconds(60), 2).endless(B);
        FleetWatch watch = service(RateBudget.unlimited()).watch(listener);
        watch.add(A, OPTIONS);
        watch.add(B, OPTIONS);
        Instant removedAt = START.plusSeconds(10);
        time.onSleep(() -> {
            if (!time.instant().isBefore(removedAt)) {
                watch.remove(B);
            }
        });

        Map<DropletId, AwaitResult> results = watch.runUntilIdle();

        assertThat(api.lookupsOf(B)).isNotEmpty().allMatch(at -> !at.isAfter(removedAt));
        assertThat(results).containsOnlyKeys(A);
        assertThat(ended).containsOnlyKeys(A);
        assertThat(watch.watching()).isEmpty();
    }

    @Test
    void prioritise_severalDueWithinASmallBudget_thePrioritisedGoesFirstAndEveryOtherTurn() {
        api.endless(A).endless(B).endless(C);
        FleetWatch watch = service(perMinute(1)).watch(listener);
        watch.add(A, OPTIONS.withTimeout(Duration.ofMinutes(4)));
        watch.add(B, OPTIONS.withTimeout(Duration.ofMinutes(4)));
        watch.add(C, OPTIONS.withTimeout(Duration.ofMinutes(4)));
        watch.prioritise(C);

        watch.runUntilIdle();

        assertThat(api.lookups).extracting(SimulatedTeardowns.Lookup::dropletId).containsExactly(C, A, C, B);
        assertThat(api.lookups.get(1).at()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void runUntilIdle_smallBudget_neverAsksMoreThanItGrants() {
        IntStream.rangeClosed(1, 40).forEach(i -> api.endless(DropletId.of(i)));
        CountingBudget budget = new CountingBudget(perMinute(10));
        FleetWatch watch = service(budget).watch(listener);
        IntStream.rangeClosed(1, 40).forEach(i -> watch.add(DropletId.of(i), OPTIONS.withTimeout(Duration.ofMinutes(15))));

        watch.runUntilIdle();

        assertThat(api.lookups).hasSize(budget.granted.get());
        for (SimulatedTeardowns.Lookup lookup : api.lookups) {
            Instant from = lookup.at();
            long inMinute = api.lookups.stream()
                    .filter(other -> !other.at().isBefore(from) && other.at().isBefore(from.plusSeconds(60)))
                    .count();
            assertThat(inMinute).isLessThanOrEqualTo(10);
        }
        assertThat(api.lookups.size()).isGreaterThanOrEqualTo(140);
    }

    @Test
    void runUntilIdle_300DropletsAndTenPermitsAMinute_everyIntervalStretchesAndNoneStarves() {
        int droplets = 300;
        IntStream.rangeClosed(1, droplets).forEach(i -> api.endless(DropletId.of(i)));
        FleetWatch watch = service(perMinute(10)).watch(listener);
        IntStream.rangeClosed(1, droplets).forEach(i -> watch.add(DropletId.of(i), OPTIONS.withTimeout(Duration.ofHours(3))));

        watch.runUntilIdle();

        Duration cycle = Duration.ofMinutes(droplets / 10);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i <= droplets; i++) {
            List<Instant> polls = api.lookupsOf(DropletId.of(i));
            assertThat(polls.get(0)).isBefore(START.plus(cycle).plusSeconds(120));
            for (int p = 1; p < polls.size(); p++) {
                gaps.add(Duration.between(polls.get(p - 1), polls.get(p)).toSeconds());
            }
        }
        double mean = gaps.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(gaps).isNotEmpty().allMatch(gap -> gap <= 2 * mean);
        assertThat(mean).isGreaterThan(cycle.toSeconds() * 0.9);
    }

    @Test
    void runUntilIdle_everyObservation_namesItsDroplet() {
        api.teardown(A, Duration.ofSeconds(40), 4).teardown(B, Duration.ofSeconds(25), 3);
        FleetWatch watch = service(RateBudget.unlimited()).watch(listener);
        watch.add(A, OPTIONS);
        watch.add(B, OPTIONS);

        watch.runUntilIdle();

        assertThat(observations).filteredOn(AwaitObservation.Checked.class::isInstance)
                .allMatch(o -> ((AwaitObservation.Checked) o).check().dropletId().equals(o.dropletId()));
        assertThat(observations).filteredOn(AwaitObservation.Checked.class::isInstance).hasSize(api.lookups.size());
        // every change of A's pending count is reported: 4 resources, one at a time, then the end
        assertThat(observations).filteredOn(o -> o.dropletId().equals(A) && o instanceof AwaitObservation.Checked)
                .extracting(o -> ((StatusAnswer.Reported) ((AwaitObservation.Checked) o).check()).report().progress().pending())
                .containsSubsequence(4, 3, 2, 1, 0);
    }

    @Test
    void runUntilIdle_401OnOneDroplet_endsThatDropletOnly() {
        api.teardown(A, Duration.ofSeconds(20), 2).endless(B).failNext(B, Reason.AUTHENTICATION, Optional.empty());
        FleetWatch watch = service(RateBudget.unlimited()).watch(listener);
        watch.add(A, OPTIONS);
        watch.add(B, OPTIONS);

        Map<DropletId, AwaitResult> results = watch.runUntilIdle();

        assertThat(results.get(B).reason()).isEqualTo(StopReason.PERMANENT_FAILURE);
        assertThat(results.get(B).lastFailure()).get().extracting(f -> f.reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(api.lookupsOf(B)).hasSize(1);
        assertThat(results.get(A).reason()).isEqualTo(StopReason.TERMINAL);
    }

    @Test
    void runUntilIdle_429_nobodyIsAskedBeforeItsRetryAllowedAt() {
        Instant allowed = START.plusSeconds(45);
        api.endless(A).endless(B).failNext(A, Reason.RATE_LIMITED, Optional.of(allowed));
        FleetWatch watch = service(RateBudget.unlimited()).watch(listener);
        watch.add(A, OPTIONS.withTimeout(Duration.ofMinutes(2)));
        watch.add(B, OPTIONS.withTimeout(Duration.ofMinutes(2)));

        Map<DropletId, AwaitResult> results = watch.runUntilIdle();

        assertThat(api.lookups.get(0).dropletId()).isEqualTo(A);
        assertThat(api.lookups.subList(1, api.lookups.size())).allMatch(lookup -> !lookup.at().isBefore(allowed));
        assertThat(observations).filteredOn(AwaitObservation.Failed.class::isInstance).singleElement()
                .matches(o -> o.dropletId().equals(A) && ((AwaitObservation.Failed) o).consecutiveFailures() == 0);
        assertThat(results.get(A).reason()).isEqualTo(StopReason.DEADLINE);
    }

    @Test
    void runUntilIdle_interrupted_endsEveryDropletAsInterrupted() {
        api.endless(A).endless(B);
        WatchTeardownsService service = new WatchTeardownsService(api, RateBudget.unlimited(), time, duration -> {
            throw new InterruptedException();
        }, () -> 1.0, Duration.ofSeconds(1));
        FleetWatch watch = service.watch(listener);
        watch.add(A, OPTIONS);
        watch.add(B, OPTIONS);

        Map<DropletId, AwaitResult> results = watch.runUntilIdle();

        assertThat(results.values()).extracting(AwaitResult::reason).containsOnly(StopReason.INTERRUPTED);
        assertThat(results).containsOnlyKeys(A, B);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void runUntilIdle_learnedDurations_pullThePollTowardTheExpectedEnd() {
        // four teardowns of 4 resources taking 40 s teach 10 s a resource; the fifth is asked near its end
        FleetWatch watch = service(RateBudget.unlimited()).watch(listener);
        Instant fifthStarted = null;
        for (int i = 1; i <= 5; i++) {
            fifthStarted = time.instant();
            api.teardown(DropletId.of(i), Duration.ofSeconds(40), 4);
            watch.add(DropletId.of(i), OPTIONS.withIntervals(Duration.ofSeconds(2), Duration.ofMinutes(5)));
            watch.runUntilIdle();
        }

        List<Instant> lastPolls = api.lookupsOf(DropletId.of(5));
        Instant teardownEnd = fifthStarted.plusSeconds(40);
        // the estimate is confident: the first look waits half a typical teardown, the last comes a quarter
        // past the expected end, and nothing in between is wasted
        assertThat(lastPolls.get(0)).isEqualTo(fifthStarted.plusSeconds(20));
        assertThat(lastPolls.get(lastPolls.size() - 1)).isBetween(teardownEnd, teardownEnd.plusSeconds(11));
        assertThat(lastPolls).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void runUntilIdle_lookupThrowsADefect_reachesTheCallerAndTheDropletStaysWatched() {
        api.teardown(A, Duration.ofSeconds(10), 1);
        AtomicInteger calls = new AtomicInteger();
        CheckStatusUseCase flaky = new CheckStatusUseCase() {
            @Override
            public StatusAnswer check(DropletId dropletId) {
                throw new AssertionError("a watch must give each lookup its deadline");
            }

            @Override
            public StatusAnswer check(DropletId dropletId, Instant deadline) {
                if (calls.getAndIncrement() == 0) {
                    throw new IllegalStateException("a defect in the lookup");
                }
                return api.check(dropletId, deadline);
            }
        };
        FleetWatch watch = new WatchTeardownsService(flaky, RateBudget.unlimited(), time, time.sleeper(), () -> 1.0,
                Duration.ofSeconds(1)).watch(listener);
        watch.add(A, OPTIONS);

        assertThatThrownBy(watch::runUntilIdle).isInstanceOf(IllegalStateException.class);
        assertThat(watch.watching()).containsExactly(A);
        assertThat(watch.runUntilIdle().get(A).reason()).isEqualTo(StopReason.TERMINAL);
    }

    @Test
    void add_fromAnotherThreadWhileRunning_isWatched() throws Exception {
        api.endless(A).teardown(B, Duration.ofSeconds(5), 1);
        FleetWatch watch = new WatchTeardownsService(api, RateBudget.unlimited(), time, duration -> {
            synchronized (time) {
                time.advance(duration);
            }
        }, () -> 1.0, Duration.ofSeconds(1)).watch(listener);
        watch.add(A, OPTIONS.withTimeout(Duration.ofHours(1)));
        Thread runner = new Thread(watch::runUntilIdle);
        runner.start();

        watch.add(B, OPTIONS);
        watch.remove(A);
        runner.join(10_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(ended).containsOnlyKeys(B);
        assertThat(ended.get(B).reason()).isEqualTo(StopReason.TERMINAL);
    }

    /** Counts the permits a budget granted. */
    private static final class CountingBudget implements RateBudget {
        private final RateBudget delegate;
        final AtomicInteger granted = new AtomicInteger();

        CountingBudget(RateBudget delegate) {
            this.delegate = delegate;
        }

        @Override
        public Permit tryAcquire(Instant now) {
            Permit permit = delegate.tryAcquire(now);
            if (permit instanceof Permit.Granted) {
                granted.incrementAndGet();
            }
            return permit;
        }

        @Override
        public void onAnswer(RateLimitFeedback feedback) {
            delegate.onAnswer(feedback);
        }

        @Override
        public RateBudgetState state(Instant now) {
            return delegate.state(now);
        }
    }
}
