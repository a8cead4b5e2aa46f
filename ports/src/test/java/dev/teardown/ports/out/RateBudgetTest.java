package dev.teardown.ports.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void unlimited_manyPermitsAtOneInstant_grantsEveryOne() {
        RateBudget budget = RateBudget.unlimited();

        for (int i = 0; i < 10_000; i++) {
            assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Granted(T0));
        }
    }

    @Test
    void unlimited_after429_stillGrants() {
        RateBudget budget = RateBudget.unlimited();

        budget.onAnswer(RateLimitFeedback.silent(T0, true));

        assertThat(budget.tryAcquire(T0)).isEqualTo(new Permit.Granted(T0));
    }

    @Test
    void unlimited_state_hasEverythingLeftAndNothingPaused() {
        RateBudgetState state = RateBudget.unlimited().state(T0);

        assertThat(state.remaining()).isEqualTo(Long.MAX_VALUE);
        assertThat(state.nextFreeAt()).isEqualTo(T0);
        assertThat(state.pausedUntil()).isEqualTo(Optional.empty());
        assertThat(state.learnedRemaining()).isEqualTo(OptionalLong.empty());
    }
}
