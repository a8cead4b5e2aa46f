package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    /** nextDouble() just below 1: the top of each jitter range. */
    private static final RandomGenerator TOP = () -> -1L;
    private static final RandomGenerator BOTTOM = () -> 0L;

    @Test
    void backoffBefore_topOfTheJitter_doublesFromTheBaseUpToTheCap() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.backoffBefore(1, TOP)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(policy.backoffBefore(2, TOP)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
        assertThat(policy.backoffBefore(5, TOP)).isBetween(Duration.ofMillis(7_999), Duration.ofSeconds(8));
        assertThat(policy.backoffBefore(500, TOP)).isBetween(Duration.ofMillis(7_999), Duration.ofSeconds(8));
    }

    @Test
    void backoffBefore_bottomOfTheJitter_isZero() {
        assertThat(RetryPolicy.defaults().backoffBefore(3, BOTTOM)).isZero();
    }

    @Test
    void backoffBefore_randomJitter_staysWithinZeroAndTheCeiling() {
        SplittableRandom random = new SplittableRandom(7);
        RetryPolicy policy = RetryPolicy.of(10, Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int retry = 1; retry < 10; retry++) {
            Duration ceiling = Duration.ofMillis(Math.min(1_000, 100L << (retry - 1)));
            for (int i = 0; i < 200; i++) {
                assertThat(policy.backoffBefore(retry, random)).isBetween(Duration.ZERO, ceiling);
            }
        }
    }

    @Test
    void of_invalidValues_areRefusedSayingWhat() {
        assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessage("max attempts must be >= 1, was 0");
        assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("max delay must be >= base delay");
        assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("base delay must be > 0");
    }

    @Test
    void none_isOneAttempt() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }
}
