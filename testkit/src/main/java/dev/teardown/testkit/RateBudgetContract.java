package dev.teardown.testkit;

import static dev.teardown.testkit.RateLimitFeedbackBuilder.answerAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.service.RateBudgetConfig;
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

/**
 * The behaviour every {@link dev.teardown.ports.out.RateBudget} that counts as DigitalOcean counts owes
 * its callers (docs/adr/0005): windows of a minute and an hour in which each permit counts from the
 * instant it was granted, learning from answers only to spend less, and pauses after a 429. Extend it
 * and say how to build a fresh budget whose clock is the instants the test passes.
 *
 * <p>Edges are tested a microsecond apart, the finest time a budget must tell apart.
 */
public abstract class RateBudgetContract {

    protected static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant RESET = T0.plusSeconds(600);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MICRO = Duration.ofNanos(1_000);

    /** A fresh budget under test with these limits, whose clock is the instants each call is given. */
    protected abstract RateBudget budget(RateBudgetConfig config);

    private RateBudget digitalOcean() {
        return budget(RateBudgetConfig.digitalOcean());
    }

    /** Takes every permit free at {@code at} and returns how many there were. */
    protected static int takeAll(RateBudget budget, Instant at) {
        int granted = 0;
        while (budget.tryAcquire(at) instanceof Permit.Granted) {
            granted++;
        }
        return granted;
    }

    @Test
    void tryAcquire_freshBudget_grantsAtTheInstantAsked() {
        assertThat(digitalOcean().tryAcquire(T0)).isEqualTo(new Permit.Granted(T0));
    }

    @Test
    void state_callersWaiting_countsThoseThatStartedAndHaveNotEnded() {
        RateBudget budget = digitalOcean();

        budget.waitStarted();
        budget.waitStarted();
        budget.waitStarted();
        budget.waitEnded();

        assertThat(budget.state(T0).waitingCallers()).isEqualTo(2);
    }

    @Test
    void state_noCallerWaiting_countsNone() {
        assertThat(digitalOcean().state(T0).waitingCallers()).isZero();
    }

    @Test
    void tryAcquire_minuteShareSpent_isDeniedUntilTheFirstPermitIsAMinuteOld() {
        RateBudget budget = digitalOcean();

        assertThat(takeAll(budget, T0)).isEqualTo(200);
        assertThat(budget.tryAcquire(T0.plusSeconds(30))).isEqualTo(new Permit.Denied(T0.plus(MINUTE)));
    }

    @Test
    void tryAcquire_oneMicrosecondBeforeTheMinuteEnds_isDenied() {
        RateBudget budget = budget(new RateBudgetConfig(5000, 3, 1.0));
        takeAll(budget, T0);

        assertThat(budget.tryAcquire(T0.plus(MINUTE).minus(MICRO))).isEqualTo(new Permit.Denied(T0.plus(MINUTE)));
    }

    @Test
    void tryAcquire_theInstantTheMinuteEnds_grantsTheWholeMinuteAgain() {
        RateBudget budget = budget(new RateBudgetConfig(5000, 3, 1.0));
        takeAll(budget, T0);

        assertThat(takeAll(budget, T0.plus(MINUTE))).isEqualTo(3);
    }

    @Test
    void tryAcquire_permitsSpreadOverTheMinute_freeOneAtATimeAsEachTurnsAMinuteOld() {
        RateBudget budget = budget(new RateBudgetConfig(5000, 3, 1.0));
        budget.tryAcquire(T0);
        budget.tryAcquire(T0.plusSeconds(10));
        budget.tryAcquire(T0.plusSeconds(20));

        assertThat(budget.tryAcquire(T0.plusSeconds(59))).isEqualTo(new Permit.Denied(T0.plus(MINUTE)));
        assertThat(budget.tryAcquire(T0.plus(MINUTE))).isInstanceOf(Permit.Granted.class);
        assertThat(budget.tryAcquire(T0.plus(MINUTE))).isEqualTo(new Permit.Denied(T0.plusSeconds(70)));
    }

    @Test
    void tryAcquire_hourShareSpentOverSeveralMinutes_isDeniedUntilTheFirstPermitIsAnHourOld() {
        RateBudget budget = budget(new RateBudgetConfig(10, 4, 1.0));

        int granted = takeAll(budget, T0) + takeAll(budget, T0.plus(MINUTE)) + takeAll(budget, T0.plus(MINUTE.multipliedBy(2)));

        assertThat(granted).isEqualTo(10);
        assertThat(budget.tryAcquire(T0.plus(MINUTE.multipliedBy(30)))).isEqualTo(new Permit.Denied(T0.plus(HOUR)));
        assertThat(budget.tryAcquire(T0.plus(HOUR).minus(MICRO))).isEqualTo(new Permit.Denied(T0.plus(HOUR)));
        assertThat(takeAll(budget, T0.plus(HOUR))).isEqualTo(4);
    }

    @Test
    void tryAcquire_hourSpentJustBeforeARoundHour_staysSpentAfterIt() {
        // a token bucket or a fixed window would hand out a second full hour at 11:00:00
        RateBudget budget = budget(new RateBudgetConfig(20, 20, 1.0));
        Instant lastSecondOfTheHour = T0.plus(HOUR).minusSeconds(1);
        assertThat(takeAll(budget, lastSecondOfTheHour)).isEqualTo(20);

        assertThat(budget.tryAcquire(T0.plus(HOUR))).isEqualTo(new Permit.Denied(lastSecondOfTheHour.plus(HOUR)));
    }

    @Test
    void tryAcquire_instantBeforeOneAlreadySeen_isTakenAsTheLaterOne() {
        RateBudget budget = digitalOcean();
        budget.tryAcquire(T0.plusSeconds(10));

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Granted(T0.plusSeconds(10)));
    }

    @Test
    void tryAcquire_eightThreadsAtTheSameInstant_grantExactlyTheMinuteAllowance() throws Exception {
        RateBudget budget = budget(new RateBudgetConfig(100_000, 300, 1.0));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> counts = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                counts.add(pool.submit(() -> {
                    start.await();
                    int granted = 0;
                    for (int attempt = 0; attempt < 60; attempt++) {
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

            assertThat(granted).isEqualTo(300);
            assertThat(budget.state(T0).usedLastMinute()).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void state_freshBudget_hasTheWholeShareLeftAndAPermitFreeNow() {
        assertThat(digitalOcean().state(T0)).isEqualTo(
                new RateBudgetState(T0, 0, 0, 200, 4000, 200, T0, Optional.empty(), OptionalLong.empty()));
    }

    @Test
    void state_afterTheOldestPermitsLeaveTheMinute_countsThemInTheHourOnly() {
        RateBudget budget = digitalOcean();
        for (int i = 0; i < 150; i++) {
            budget.tryAcquire(T0);
        }
        takeAll(budget, T0.plusSeconds(30));

        RateBudgetState full = budget.state(T0.plusSeconds(45));
        RateBudgetState later = budget.state(T0.plus(MINUTE));

        assertThat(full.usedLastMinute()).isEqualTo(200);
        assertThat(full.remaining()).isZero();
        assertThat(full.nextFreeAt()).isEqualTo(T0.plus(MINUTE));
        assertThat(later.usedLastMinute()).isEqualTo(50);
        assertThat(later.usedLastHour()).isEqualTo(200);
        assertThat(later.remaining()).isEqualTo(150);
        assertThat(later.nextFreeAt()).isEqualTo(T0.plus(MINUTE));
    }

    @Test
    void state_takesNoPermit() {
        RateBudget budget = budget(new RateBudgetConfig(5000, 3, 1.0));
        for (int i = 0; i < 5; i++) {
            budget.state(T0);
        }

        assertThat(budget.state(T0).usedLastMinute()).isZero();
        assertThat(takeAll(budget, T0)).isEqualTo(3);
    }

    @Test
    void onAnswer_remainingBelowItsOwnCount_grantsOnlyTheShareOfIt() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).remaining(10).reset(RESET).build());

        assertThat(takeAll(budget, T0)).isEqualTo(8);
        assertThat(budget.tryAcquire(T0.plusSeconds(120))).isEqualTo(new Permit.Denied(RESET));
    }

    @Test
    void onAnswer_remainingAboveItsOwnCount_grantsNoMoreThanItsOwnLimits() {
        RateBudget budget = budget(new RateBudgetConfig(5000, 3, 1.0));
        budget.onAnswer(answerAt(T0).remaining(1_000_000).reset(RESET).build());

        assertThat(takeAll(budget, T0)).isEqualTo(3);
    }

    @Test
    void onAnswer_remainingZero_deniesUntilTheReset() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).remaining(0).reset(RESET).build());

        assertThat(budget.tryAcquire(RESET.minus(MICRO))).isEqualTo(new Permit.Denied(RESET));
        assertThat(budget.tryAcquire(RESET)).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void onAnswer_permitsGrantedSinceTheAnswerArrived_countAgainstItsRemaining() {
        RateBudget budget = digitalOcean();
        budget.tryAcquire(T0);
        budget.tryAcquire(T0);
        budget.tryAcquire(T0);

        budget.onAnswer(answerAt(T0).remaining(10).reset(RESET).build());

        assertThat(takeAll(budget, T0)).isEqualTo(5);
    }

    @Test
    void onAnswer_higherRemainingBeforeTheReset_keepsTheTighterAnswer() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).remaining(10).reset(RESET).build());
        budget.onAnswer(answerAt(T0.plusSeconds(1)).remaining(500).reset(RESET).build());

        assertThat(takeAll(budget, T0.plusSeconds(1))).isEqualTo(8);
    }

    @Test
    void onAnswer_remainingWithoutReset_holdsForSixtySeconds() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).remaining(0).build());

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Denied(T0.plusSeconds(60)));
    }

    @Test
    void onAnswer_resetMoreThanAnHourAway_holdsForAnHourAtMost() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).remaining(0).reset(T0.plusSeconds(7200)).build());

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Denied(T0.plusSeconds(3600)));
    }

    @Test
    void onAnswer_answerWhoseResetHasPassed_isNotLearned() {
        RateBudget budget = digitalOcean();
        budget.tryAcquire(T0.plusSeconds(700));

        budget.onAnswer(answerAt(T0).remaining(0).reset(RESET).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(700))).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void onAnswer_limitBelowTheConfiguredOne_lowersTheHourlyAllowanceToTheShareOfIt() {
        RateBudget budget = budget(new RateBudgetConfig(5000, 5000, 0.8));

        budget.onAnswer(answerAt(T0).limit(100).build());

        assertThat(budget.state(T0).allowedPerHour()).isEqualTo(80);
        assertThat(takeAll(budget, T0)).isEqualTo(80);
    }

    @Test
    void onAnswer_laterLimitBackUpToTheConfiguredOne_restoresTheConfiguredShare() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).limit(1200).build());
        budget.onAnswer(answerAt(T0.plusSeconds(1)).limit(5000).build());

        assertThat(budget.state(T0.plusSeconds(1)).allowedPerHour()).isEqualTo(4000);
    }

    @Test
    void onAnswer_429_pausesEveryPermitUntilItsRetryAfter() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).tooManyRequests().retryAfter(T0.plusSeconds(30)).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(30).minus(MICRO))).isEqualTo(new Permit.Denied(T0.plusSeconds(30)));
        assertThat(budget.tryAcquire(T0.plusSeconds(30))).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void onAnswer_429WithResetOnly_pausesUntilTheReset() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).tooManyRequests().remaining(0).reset(RESET).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(300))).isEqualTo(new Permit.Denied(RESET));
    }

    @Test
    void onAnswer_429WithRetryAfter_doesNotLearnItsRemainingOfZero() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).tooManyRequests().remaining(0).reset(RESET).retryAfter(T0.plusSeconds(29)).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(29))).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void onAnswer_429WithoutAnyHint_pausesSixtySeconds() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).tooManyRequests().build());

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Denied(T0.plusSeconds(60)));
    }

    @Test
    void onAnswer_shorterPauseLater_doesNotShortenThePause() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).tooManyRequests().retryAfter(T0.plusSeconds(30)).build());
        budget.onAnswer(answerAt(T0.plusSeconds(1)).tooManyRequests().retryAfter(T0.plusSeconds(5)).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(10))).isEqualTo(new Permit.Denied(T0.plusSeconds(30)));
    }

    @Test
    void onAnswer_retryAfterWithoutA429_doesNotPause() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).retryAfter(T0.plusSeconds(30)).build());

        assertThat(budget.tryAcquire(T0)).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void state_whilePaused_reportsThePauseAndNothingRemaining() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).tooManyRequests().retryAfter(T0.plusSeconds(29)).build());

        RateBudgetState state = budget.state(T0.plusSeconds(1));

        assertThat(state.pausedUntil()).contains(T0.plusSeconds(29));
        assertThat(state.remaining()).isZero();
        assertThat(state.nextFreeAt()).isEqualTo(T0.plusSeconds(29));
        assertThat(budget.state(T0.plusSeconds(29)).pausedUntil()).isEmpty();
    }

    @Test
    void state_whileARemainingHolds_reportsWhatItLeaves() {
        RateBudget budget = digitalOcean();
        budget.onAnswer(answerAt(T0).remaining(10).reset(RESET).build());
        budget.tryAcquire(T0);

        RateBudgetState state = budget.state(T0);

        assertThat(state.learnedRemaining()).isEqualTo(OptionalLong.of(7));
        assertThat(state.remaining()).isEqualTo(7);
        assertThat(budget.state(RESET).learnedRemaining()).isEmpty();
    }
}
