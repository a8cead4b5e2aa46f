package dev.teardown.ports.service;

import static dev.teardown.ports.service.SlidingLogRateBudgetTest.T0;
import static dev.teardown.ports.service.SlidingLogRateBudgetTest.takeAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudgetState;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the budget learns from answers: always to spend less, never more. */
class SlidingLogRateBudgetLearningTest {

    private static final Instant RESET = T0.plusSeconds(600);
    private static final Duration NANO = Duration.ofNanos(1);

    private final SlidingLogRateBudget budget = SlidingLogRateBudget.digitalOcean();

    @Test
    void onAnswer_remainingBelowItsOwnCount_grantsOnlyThisClientsShareOfIt() {
        budget.onAnswer(Answers.at(T0).remaining(10).reset(RESET).build());

        assertThat(takeAll(budget, T0)).isEqualTo(8);
        assertThat(budget.tryAcquire(T0.plusSeconds(120))).isEqualTo(new Permit.Denied(RESET));
    }

    @Test
    void onAnswer_remainingWithAShareOfOne_grantsExactlyWhatTheServerSaysIsLeft() {
        SlidingLogRateBudget budget = SlidingLogRateBudget.of(RateBudgetConfig.digitalOcean().withShare(1.0));
        budget.onAnswer(Answers.at(T0).remaining(10).reset(RESET).build());

        assertThat(takeAll(budget, T0)).isEqualTo(10);
    }

    @Test
    void onAnswer_remainingAboveItsOwnCount_grantsNoMoreThanItsOwnLimits() {
        budget.onAnswer(Answers.at(T0).remaining(1_000_000).reset(RESET).build());

        assertThat(takeAll(budget, T0)).isEqualTo(200);
    }

    @Test
    void onAnswer_remainingZero_deniesUntilTheReset() {
        budget.onAnswer(Answers.at(T0).remaining(0).reset(RESET).build());

        assertThat(budget.tryAcquire(RESET.minus(NANO))).isEqualTo(new Permit.Denied(RESET));
        assertThat(budget.tryAcquire(RESET)).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void onAnswer_resetPassed_ownLimitsApplyAgain() {
        budget.onAnswer(Answers.at(T0).remaining(10).reset(RESET).build());
        takeAll(budget, T0);

        assertThat(takeAll(budget, RESET)).isEqualTo(200);
    }

    @Test
    void onAnswer_permitsGrantedSinceTheAnswerArrived_countAgainstItsRemaining() {
        budget.tryAcquire(T0);
        budget.tryAcquire(T0);
        budget.tryAcquire(T0);

        budget.onAnswer(Answers.at(T0).remaining(10).reset(RESET).build());

        assertThat(takeAll(budget, T0)).isEqualTo(5);
    }

    @Test
    void onAnswer_permitsGrantedBeforeTheAnswerArrived_areAlreadyInItsRemaining() {
        budget.tryAcquire(T0);
        budget.tryAcquire(T0);
        budget.tryAcquire(T0);

        budget.onAnswer(Answers.at(T0.plusSeconds(1)).remaining(10).reset(RESET).build());

        assertThat(takeAll(budget, T0.plusSeconds(1))).isEqualTo(8);
    }

    @Test
    void onAnswer_higherRemainingBeforeTheReset_keepsTheTighterAnswer() {
        budget.onAnswer(Answers.at(T0).remaining(10).reset(RESET).build());
        budget.onAnswer(Answers.at(T0.plusSeconds(1)).remaining(500).reset(RESET).build());

        assertThat(takeAll(budget, T0.plusSeconds(1))).isEqualTo(8);
    }

    @Test
    void onAnswer_lowerRemainingLater_replacesTheLooserAnswer() {
        budget.onAnswer(Answers.at(T0).remaining(100).reset(RESET).build());
        budget.onAnswer(Answers.at(T0.plusSeconds(1)).remaining(5).reset(RESET).build());

        assertThat(takeAll(budget, T0.plusSeconds(1))).isEqualTo(4);
    }

    @Test
    void onAnswer_remainingWithoutReset_holdsForSixtySeconds() {
        budget.onAnswer(Answers.at(T0).remaining(0).build());

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Denied(T0.plusSeconds(60)));
    }

    @Test
    void onAnswer_resetMoreThanAnHourAway_holdsForAnHourAtMost() {
        budget.onAnswer(Answers.at(T0).remaining(0).reset(T0.plusSeconds(7200)).build());

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Denied(T0.plusSeconds(3600)));
    }

    @Test
    void onAnswer_resetAlreadyPassed_holdsForSixtySeconds() {
        budget.onAnswer(Answers.at(T0).remaining(0).reset(T0.minusSeconds(5)).build());

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Denied(T0.plusSeconds(60)));
    }

    @Test
    void onAnswer_answerWhoseResetHasPassed_isNotLearned() {
        budget.tryAcquire(T0.plusSeconds(700));

        budget.onAnswer(Answers.at(T0).remaining(0).reset(RESET).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(700))).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void onAnswer_limitBelowTheConfiguredOne_lowersTheHourlyAllowanceToTheShareOfIt() {
        SlidingLogRateBudget budget = SlidingLogRateBudget.of(new RateBudgetConfig(5000, 5000, 0.8));

        budget.onAnswer(Answers.at(T0).limit(1200).build());

        assertThat(budget.state(T0).allowedPerHour()).isEqualTo(960);
        assertThat(takeAll(budget, T0)).isEqualTo(960);
    }

    @Test
    void onAnswer_limitAboveTheConfiguredOne_grantsNoMoreThanTheConfiguredShare() {
        budget.onAnswer(Answers.at(T0).limit(50_000).build());

        assertThat(budget.state(T0).allowedPerHour()).isEqualTo(4000);
    }

    @Test
    void onAnswer_laterLimitBackUpToTheConfiguredOne_restoresTheConfiguredShare() {
        budget.onAnswer(Answers.at(T0).limit(1200).build());
        budget.onAnswer(Answers.at(T0.plusSeconds(1)).limit(5000).build());

        assertThat(budget.state(T0.plusSeconds(1)).allowedPerHour()).isEqualTo(4000);
    }

    @Test
    void onAnswer_429WithRetryAfter_pausesEveryPermitUntilThen() {
        Instant retryAfter = T0.plusSeconds(29);

        budget.onAnswer(Answers.at(T0).tooManyRequests().retryAfter(retryAfter).build());

        assertThat(budget.tryAcquire(retryAfter.minus(NANO))).isEqualTo(new Permit.Denied(retryAfter));
        assertThat(takeAll(budget, retryAfter)).isEqualTo(200);
    }

    @Test
    void onAnswer_429WithRemainingZeroAndRetryAfter_endsAtTheRetryAfterNotAtTheReset() {
        Instant retryAfter = T0.plusSeconds(29);

        budget.onAnswer(Answers.at(T0).tooManyRequests().remaining(0).reset(RESET).retryAfter(retryAfter).build());

        assertThat(budget.tryAcquire(retryAfter)).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void onAnswer_429WithoutRetryAfter_pausesUntilTheReset() {
        budget.onAnswer(Answers.at(T0).tooManyRequests().remaining(0).reset(RESET).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(300))).isEqualTo(new Permit.Denied(RESET));
    }

    @Test
    void onAnswer_429WithoutAnyHint_pausesSixtySeconds() {
        budget.onAnswer(Answers.at(T0).tooManyRequests().build());

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Denied(T0.plusSeconds(60)));
    }

    @Test
    void onAnswer_shorterPauseLater_doesNotShortenThePause() {
        budget.onAnswer(Answers.at(T0).tooManyRequests().retryAfter(T0.plusSeconds(30)).build());
        budget.onAnswer(Answers.at(T0.plusSeconds(1)).tooManyRequests().retryAfter(T0.plusSeconds(5)).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(10))).isEqualTo(new Permit.Denied(T0.plusSeconds(30)));
    }

    @Test
    void onAnswer_retryAfterWithoutA429_doesNotPause() {
        budget.onAnswer(Answers.at(T0).retryAfter(T0.plusSeconds(30)).build());

        assertThat(budget.tryAcquire(T0)).isInstanceOf(Permit.Granted.class);
    }

    @Test
    void onAnswer_pauseAndFullMinute_nextFreeIsTheLaterOfTheTwo() {
        takeAll(budget, T0);

        budget.onAnswer(Answers.at(T0).tooManyRequests().retryAfter(T0.plusSeconds(30)).build());

        assertThat(budget.tryAcquire(T0.plusSeconds(30))).isEqualTo(new Permit.Denied(T0.plusSeconds(60)));
    }

    @Test
    void state_whilePaused_reportsThePauseAndNothingRemaining() {
        budget.onAnswer(Answers.at(T0).tooManyRequests().retryAfter(T0.plusSeconds(29)).build());

        RateBudgetState state = budget.state(T0.plusSeconds(1));

        assertThat(state.pausedUntil()).contains(T0.plusSeconds(29));
        assertThat(state.remaining()).isZero();
        assertThat(state.nextFreeAt()).isEqualTo(T0.plusSeconds(29));
        assertThat(budget.state(T0.plusSeconds(29)).pausedUntil()).isEmpty();
    }

    @Test
    void state_whileARemainingHolds_reportsWhatItLeavesThisClient() {
        budget.onAnswer(Answers.at(T0).remaining(10).reset(RESET).build());
        budget.tryAcquire(T0);

        RateBudgetState state = budget.state(T0);

        assertThat(state.learnedRemaining()).isEqualTo(OptionalLong.of(7));
        assertThat(state.remaining()).isEqualTo(7);
        assertThat(budget.state(RESET).learnedRemaining()).isEmpty();
    }
}
