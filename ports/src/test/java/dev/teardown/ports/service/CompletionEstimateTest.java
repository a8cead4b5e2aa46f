package dev.teardown.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CompletionEstimateTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final CompletionEstimate estimate = new CompletionEstimate();

    @Test
    void expectedEnd_nothingEndedYet_isEmpty() {
        assertThat(estimate.expectedEnd(T0, 3)).isEmpty();
        assertThat(estimate.secondsPerResource()).isEmpty();
        assertThat(estimate.confident()).isFalse();
    }

    @Test
    void expectedEnd_learnedRate_isRateTimesPendingFromTheLastChange() {
        estimate.ended(T0, T0.plusSeconds(40), 4);

        // 10 s a resource, 3 left, a quarter past the average
        assertThat(estimate.expectedEnd(T0.plusSeconds(100), 3)).contains(T0.plusMillis(137_500));
    }

    @Test
    void typicalDuration_isRateTimesTheAverageSize() {
        assertThat(estimate.typicalDuration()).isEmpty();

        estimate.ended(T0, T0.plusSeconds(40), 4);
        estimate.ended(T0, T0.plusSeconds(20), 2);

        // 10 s a resource throughout; sizes 4 then 2 weigh 0.8 and 0.2: 3.6 resources
        assertThat(estimate.typicalDuration()).contains(Duration.ofSeconds(36));
    }

    @Test
    void ended_severalTeardowns_recentOnesWeighMost() {
        estimate.ended(T0, T0.plusSeconds(10), 1);
        estimate.ended(T0, T0.plusSeconds(20), 1);

        assertThat(estimate.secondsPerResource().getAsDouble())
                .isCloseTo(CompletionEstimate.WEIGHT * 20 + (1 - CompletionEstimate.WEIGHT) * 10, within(1e-9));
    }

    @Test
    void confident_afterEnoughEndedTeardowns_isTrue() {
        for (int i = 0; i < CompletionEstimate.CONFIDENT_AFTER; i++) {
            estimate.ended(T0, T0.plusSeconds(10), 1);
        }

        assertThat(estimate.confident()).isTrue();
    }

    @Test
    void ended_noResourcesReported_countsAsOne() {
        estimate.ended(T0, T0.plusSeconds(12), 0);

        assertThat(estimate.secondsPerResource()).hasValue(12.0);
    }
}
