package dev.teardown.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The windows, as DigitalOcean counts them; learning from answers is in {@link SlidingLogRateBudgetLearningTest}. */
class SlidingLogRateBudgetTest {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration NANO = Duration.ofNanos(1);

    private final SlidingLogRateBudget budget = SlidingLogRateBudget.digitalOcean();

    /** Takes every permit free at {@code at} and returns how many there were. */
    static int takeAll(RateBudget budget, Instant at) {
        int granted = 0;
        while (budget.tryAcquire(at) instanceof Permit.Granted) {
            granted++;
        }
        return granted;
    }

    @Test
    void tryAcquire_freshBudget_grantsAtTheInstantAsked() {
        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Granted(T0));
    }

    @Test
    void tryAcquire_minuteAllowanceSpent_isDeniedUntilTheFirstPermitIsAMinuteOld() {
        assertThat(takeAll(budget, T0)).isEqualTo(200);

        assertThat(budget.tryAcquire(T0.plusSeconds(30))).isEqualTo(new Permit.Denied(T0.plus(MINUTE)));
    }

    @Test
    void tryAcquire_oneNanosecondBeforeTheMinuteEnds_isDenied() {
        takeAll(budget, T0);

        assertThat(budget.tryAcquire(T0.plus(MINUTE).minus(NANO))).isEqualTo(new Permit.Denied(T0.plus(MINUTE)));
    }

    @Test
    void tryAcquire_theInstantTheMinuteEnds_grantsTheWholeMinuteAgain() {
        takeAll(budget, T0);

        assertThat(takeAll(budget, T0.plus(MINUTE))).isEqualTo(200);
    }

    @Test
    void tryAcquire_permitsSpreadOverTheMinute_freeOneAtATimeAsEachTurnsAMinuteOld() {
        SlidingLogRateBudget budget = SlidingLogRateBudget.of(new RateBudgetConfig(5000, 3, 1.0));
        budget.tryAcquire(T0);
        budget.tryAcquire(T0.plusSeconds(10));
        budget.tryAcquire(T0.plusSeconds(20));

        assertThat(budget.tryAcquire(T0.plusSeconds(59))).isEqualTo(new Permit.Denied(T0.plus(MINUTE)));
        assertThat(budget.tryAcquire(T0.plus(MINUTE))).isInstanceOf(Permit.Granted.class);
        assertThat(budget.tryAcquire(T0.plus(MINUTE))).isEqualTo(new Permit.Denied(T0.plusSeconds(70)));
    }

    @Test
    void tryAcquire_fullMinutesForTwentyMinutes_stopsAtTheHourlyShareOfFourThousand() {
        int granted = 0;
        for (int minute = 0; minute < 25; minute++) {
            granted += takeAll(budget, T0.plus(MINUTE.multipliedBy(minute)));
        }

        assertThat(granted).isEqualTo(4000);
        assertThat(budget.tryAcquire(T0.plus(MINUTE.multipliedBy(25)))).isEqualTo(new Permit.Denied(T0.plus(HOUR)));
    }

    @Test
    void tryAcquire_oneNanosecondBeforeTheHourEnds_isDenied() {
        spendTheHour();

        assertThat(budget.tryAcquire(T0.plus(HOUR).minus(NANO))).isEqualTo(new Permit.Denied(T0.plus(HOUR)));
    }

    @Test
    void tryAcquire_theInstantTheHourEnds_freesThePermitsOfTheFirstMinuteOnly() {
        spendTheHour();

        assertThat(takeAll(budget, T0.plus(HOUR))).isEqualTo(200);
        assertThat(budget.tryAcquire(T0.plus(HOUR).plusSeconds(30))).isEqualTo(new Permit.Denied(T0.plus(HOUR).plus(MINUTE)));
    }

    private void spendTheHour() {
        for (int minute = 0; minute < 20; minute++) {
            takeAll(budget, T0.plus(MINUTE.multipliedBy(minute)));
        }
    }

    @Test
    void tryAcquire_hourSpentJustBeforeARoundHour_staysSpentAfterIt() {
        // a token bucket or a fixed window would hand out a second full hour at 11:00:00
        SlidingLogRateBudget budget = SlidingLogRateBudget.of(new RateBudgetConfig(100, 100, 1.0));
        Instant lastSecondOfTheHour = T0.plus(HOUR).minusSeconds(1);
        assertThat(takeAll(budget, lastSecondOfTheHour)).isEqualTo(100);

        assertThat(budget.tryAcquire(T0.plus(HOUR))).isEqualTo(new Permit.Denied(lastSecondOfTheHour.plus(HOUR)));
    }

    @Test
    void tryAcquire_greedyCallerForThreeHours_neverHasMoreThanTheShareInAnyHourOrMinute() {
        List<Instant> grants = new ArrayList<>();
        for (int second = 0; second < 3 * 3600; second++) {
            Instant now = T0.plusSeconds(second);
            while (budget.tryAcquire(now) instanceof Permit.Granted granted) {
                grants.add(granted.at());
            }
        }

        assertThat(grants).hasSize(3 * 4000);
        assertThat(mostInAnyInterval(grants, HOUR)).isEqualTo(4000);
        assertThat(mostInAnyInterval(grants, MINUTE)).isEqualTo(200);
    }

    /** The most grants in any interval [g, g + length) that starts at a grant, the only starts that can hold the most. */
    private static int mostInAnyInterval(List<Instant> grants, Duration length) {
        int most = 0;
        int end = 0;
        for (int start = 0; start < grants.size(); start++) {
            Instant limit = grants.get(start).plus(length);
            while (end < grants.size() && grants.get(end).isBefore(limit)) {
                end++;
            }
            most = Math.max(most, end - start);
        }
        return most;
    }

    @Test
    void tryAcquire_instantBeforeOneAlreadySeen_isTakenAsTheLaterOne() {
        budget.tryAcquire(T0.plusSeconds(10));

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Granted(T0.plusSeconds(10)));
    }

    @Test
    void tryAcquire_sixteenThreadsAtTheSameInstant_grantExactlyTheMinuteAllowance() throws Exception {
        // a large allowance keeps the threads granting, and racing, for longer than thread start-up takes
        SlidingLogRateBudget budget = SlidingLogRateBudget.of(new RateBudgetConfig(100_000, 10_000, 1.0));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> counts = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                counts.add(pool.submit(() -> {
                    start.await();
                    int granted = 0;
                    for (int attempt = 0; attempt < 1_000; attempt++) {
                        if (budget.tryAcquire(T0) instanceof Permit.Granted) {
                            granted++;
                        }
                    }
                    return granted;
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Integer> count : counts) {
                granted += count.get(30, TimeUnit.SECONDS);
            }

            assertThat(granted).isEqualTo(10_000);
            assertThat(budget.state(T0).usedLastMinute()).isEqualTo(10_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void state_freshBudget_hasTheWholeShareLeftAndAPermitFreeNow() {
        assertThat(budget.state(T0)).isEqualTo(
                new RateBudgetState(T0, 0, 0, 200, 4000, 200, T0, Optional.empty(), OptionalLong.empty()));
    }

    @Test
    void state_minuteSpent_reportsUsedNothingRemainingAndWhenTheNextPermitIsFree() {
        for (int i = 0; i < 150; i++) {
            budget.tryAcquire(T0);
        }
        takeAll(budget, T0.plusSeconds(30));

        RateBudgetState state = budget.state(T0.plusSeconds(45));

        assertThat(state.usedLastMinute()).isEqualTo(200);
        assertThat(state.usedLastHour()).isEqualTo(200);
        assertThat(state.remaining()).isZero();
        assertThat(state.nextFreeAt()).isEqualTo(T0.plus(MINUTE));
    }

    @Test
    void state_afterTheOldestPermitsLeaveTheMinute_countsThemInTheHourOnly() {
        for (int i = 0; i < 150; i++) {
            budget.tryAcquire(T0);
        }
        takeAll(budget, T0.plusSeconds(30));

        RateBudgetState state = budget.state(T0.plus(MINUTE));

        assertThat(state.usedLastMinute()).isEqualTo(50);
        assertThat(state.usedLastHour()).isEqualTo(200);
        assertThat(state.remaining()).isEqualTo(150);
        assertThat(state.nextFreeAt()).isEqualTo(T0.plus(MINUTE));
    }

    @Test
    void state_hourNearlySpent_remainingIsTheSmallerOfTheTwoWindows() {
        for (int minute = 0; minute < 19; minute++) {
            takeAll(budget, T0.plus(MINUTE.multipliedBy(minute)));
        }
        for (int i = 0; i < 150; i++) {
            budget.tryAcquire(T0.plus(MINUTE.multipliedBy(19)));
        }

        assertThat(budget.state(T0.plus(MINUTE.multipliedBy(20))).remaining()).isEqualTo(50);
    }

    @Test
    void state_takesNoPermit() {
        for (int i = 0; i < 10; i++) {
            budget.state(T0);
        }

        assertThat(budget.state(T0).usedLastMinute()).isZero();
        assertThat(takeAll(budget, T0)).isEqualTo(200);
    }
}
