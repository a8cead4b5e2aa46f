package dev.teardown.ports.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimitFeedbackTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void silent_saysNothingButWhetherItWasA429() {
        RateLimitFeedback feedback = RateLimitFeedback.silent(T0, true);

        assertThat(feedback.remaining()).isEmpty();
        assertThat(feedback.reset()).isEmpty();
        assertThat(feedback.rateLimited()).isTrue();
    }

    @Test
    void constructor_negativeRemaining_isRejected() {
        assertThatThrownBy(() -> new RateLimitFeedback(
                        T0, OptionalLong.empty(), OptionalLong.of(-1), Optional.empty(), Optional.empty(), false))
                .hasMessage("remaining must be >= 0, was -1");
    }

    @Test
    void constructor_limitZero_isRejected() {
        assertThatThrownBy(() -> new RateLimitFeedback(
                        T0, OptionalLong.of(0), OptionalLong.empty(), Optional.empty(), Optional.empty(), false))
                .hasMessage("limit must be >= 1, was 0");
    }

    @Test
    void stateConstructor_nextFreeBeforeTheInstantDescribed_isRejected() {
        assertThatThrownBy(() -> new RateBudgetState(
                        T0, 0, 0, 1, 1, 0, T0.minusNanos(1), Optional.empty(), OptionalLong.empty()))
                .hasMessageContaining("nextFreeAt must not be before at");
    }
}
