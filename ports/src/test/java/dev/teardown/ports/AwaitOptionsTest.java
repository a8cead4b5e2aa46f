package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.ports.in.AwaitOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AwaitOptionsTest {

    @Test
    void defaults_areTenMinutesTwoToThirtySecondsFiveFailures() {
        AwaitOptions defaults = AwaitOptions.defaults();

        assertThat(defaults.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.minInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.maxInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.failureLimit()).isEqualTo(5);
        assertThat(defaults.stopWhenNotFound()).isTrue();
    }

    @Test
    void constructor_zeroTimeout_isRejected() {
        assertThatThrownBy(() -> AwaitOptions.defaults().withTimeout(Duration.ZERO))
                .hasMessage("timeout must be positive, was PT0S");
    }

    @Test
    void constructor_maxBelowMin_isRejected() {
        assertThatThrownBy(() -> AwaitOptions.defaults().withIntervals(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("maxInterval must be >= minInterval");
    }

    @Test
    void constructor_failureLimitBelowOne_isRejected() {
        assertThatThrownBy(() -> AwaitOptions.defaults().withFailureLimit(0))
                .hasMessage("failureLimit must be >= 1, was 0");
    }
}
