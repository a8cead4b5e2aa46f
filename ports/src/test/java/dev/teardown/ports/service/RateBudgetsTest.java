package dev.teardown.ports.service;

import static dev.teardown.ports.service.SlidingLogRateBudgetTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.RateLimitFeedback;
import dev.teardown.ports.out.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateBudgetsTest {

    private static final Instant DEADLINE = T0.plusSeconds(120);

    private final TestTime time = new TestTime(T0);
    private final SlidingLogRateBudget budget = SlidingLogRateBudget.of(new RateBudgetConfig(5000, 1, 1.0));

    @Test
    void await_permitFree_grantsWithoutSleeping() throws InterruptedException {
        assertThat(RateBudgets.await(budget, time, time.sleeper(), DEADLINE)).isEqualTo(new Permit.Granted(T0));
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void await_nextFreeBeforeTheDeadline_sleepsExactlyUntilThenAndGrants() throws InterruptedException {
        budget.tryAcquire(T0);
        time.advance(Duration.ofSeconds(10));

        Permit permit = RateBudgets.await(budget, time, time.sleeper(), DEADLINE);

        assertThat(permit).isEqualTo(new Permit.Granted(T0.plusSeconds(60)));
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(50));
    }

    @Test
    void await_nextFreeAtTheDeadline_waitsForIt() throws InterruptedException {
        budget.tryAcquire(T0);

        Permit permit = RateBudgets.await(budget, time, time.sleeper(), T0.plusSeconds(60));

        assertThat(permit).isEqualTo(new Permit.Granted(T0.plusSeconds(60)));
    }

    @Test
    void await_nextFreePastTheDeadline_returnsDeniedAtOnceWithoutSleeping() throws InterruptedException {
        budget.tryAcquire(T0);

        Permit permit = RateBudgets.await(budget, time, time.sleeper(), T0.plusSeconds(59));

        assertThat(permit).isEqualTo(new Permit.Denied(T0.plusSeconds(60)));
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void await_anotherCallerTakesTheFreedPermitFirst_waitsForTheNextOne() throws InterruptedException {
        budget.tryAcquire(T0);
        Sleeper overtaken = duration -> {
            time.sleeper().sleep(duration);
            if (time.sleeps.size() == 1) {
                budget.tryAcquire(time.instant());
            }
        };

        Permit permit = RateBudgets.await(budget, time, overtaken, DEADLINE);

        assertThat(permit).isEqualTo(new Permit.Granted(T0.plusSeconds(120)));
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void await_whileSleeping_isCountedAsAWaitingCallerOnceAndNoLongerAfterwards() throws InterruptedException {
        budget.tryAcquire(T0);
        List<Long> seenWhileSleeping = new ArrayList<>();
        Sleeper overtakenOnce = duration -> {
            seenWhileSleeping.add(budget.state(time.instant()).waitingCallers());
            time.sleeper().sleep(duration);
            if (seenWhileSleeping.size() == 1) {
                budget.tryAcquire(time.instant());
            }
        };

        RateBudgets.await(budget, time, overtakenOnce, DEADLINE);

        assertThat(seenWhileSleeping).containsExactly(1L, 1L);
        assertThat(budget.state(time.instant()).waitingCallers()).isZero();
    }

    @Test
    void await_interruptedWhileSleeping_isNoLongerCountedAsWaiting() {
        budget.tryAcquire(T0);
        Sleeper interrupted = duration -> {
            throw new InterruptedException("stop");
        };

        assertThatThrownBy(() -> RateBudgets.await(budget, time, interrupted, DEADLINE))
                .isInstanceOf(InterruptedException.class);
        assertThat(budget.state(T0).waitingCallers()).isZero();
    }

    @Test
    void await_permitFree_isNeverCountedAsWaiting() throws InterruptedException {
        List<String> told = new ArrayList<>();
        RateBudget listening = new RateBudget() {
            @Override
            public Permit tryAcquire(Instant now) {
                return budget.tryAcquire(now);
            }

            @Override
            public void onAnswer(RateLimitFeedback feedback) {
                budget.onAnswer(feedback);
            }

            @Override
            public RateBudgetState state(Instant now) {
                return budget.state(now);
            }

            @Override
            public void waitStarted() {
                told.add("started");
            }

            @Override
            public void waitEnded() {
                told.add("ended");
            }
        };

        RateBudgets.await(listening, time, time.sleeper(), DEADLINE);

        assertThat(told).isEmpty();
    }

    @Test
    void await_interruptedWhileSleeping_propagatesTheInterruption() {
        budget.tryAcquire(T0);
        Sleeper interrupted = duration -> {
            throw new InterruptedException("stop");
        };

        assertThatThrownBy(() -> RateBudgets.await(budget, time, interrupted, DEADLINE))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void await_unlimitedBudget_grantsAtOnce() throws InterruptedException {
        assertThat(RateBudgets.await(RateBudget.unlimited(), time, time.sleeper(), T0)).isEqualTo(new Permit.Granted(T0));
    }

    @Test
    void peeking_permitFree_grantsWithoutTakingIt() {
        RateBudget peeking = RateBudgets.peeking(budget);

        assertThat(peeking.tryAcquire(T0)).isEqualTo(new Permit.Granted(T0));
        assertThat(peeking.tryAcquire(T0)).isEqualTo(new Permit.Granted(T0));

        assertThat(budget.state(T0).usedLastMinute()).isZero();
        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Granted(T0));
    }

    @Test
    void peeking_budgetSpent_deniesUntilTheBudgetsNextFreePermit() {
        budget.tryAcquire(T0);

        Permit permit = RateBudgets.peeking(budget).tryAcquire(T0.plusSeconds(10));

        assertThat(permit).isEqualTo(new Permit.Denied(T0.plusSeconds(60)));
    }
}
