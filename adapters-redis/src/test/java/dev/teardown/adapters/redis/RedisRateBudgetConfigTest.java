package dev.teardown.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.ports.service.RateBudgetConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisRateBudgetConfigTest {

    @Test
    void digitalOcean_threeInstances_eachFallsBackToAThirdOfTheShareRoundedDown() {
        RedisRateBudgetConfig config = RedisRateBudgetConfig.digitalOcean(3);

        assertThat(config.limits()).isEqualTo(RateBudgetConfig.digitalOcean());
        assertThat(config.fallbackShare()).isEqualTo(0.2666);
        assertThat(config.fallbackLimits().allowedPerMinute() * 3).isLessThanOrEqualTo(200);
        assertThat(config.fallbackLimits().allowedPerMinute()).isEqualTo(66);
        assertThat(config.minuteWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.hourWindow()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void digitalOcean_oneInstance_fallsBackToTheWholeShare() {
        assertThat(RedisRateBudgetConfig.digitalOcean(1).fallbackLimits()).isEqualTo(RateBudgetConfig.digitalOcean());
    }

    @Test
    void of_noInstances_isRefused() {
        assertThatThrownBy(() -> RedisRateBudgetConfig.digitalOcean(0))
                .hasMessage("expectedInstances must be >= 1, was 0");
    }

    @Test
    void withFallbackShare_aboveTheSharedShare_isRefused() {
        assertThatThrownBy(() -> RedisRateBudgetConfig.digitalOcean(2).withFallbackShare(0.9))
                .hasMessage("fallbackShare must be in (0, 0.8] (the share of every instance together), was 0.9");
    }

    @Test
    void withWindows_hourShorterThanTheMinute_isRefused() {
        assertThatThrownBy(() -> RedisRateBudgetConfig.digitalOcean(2).withWindows(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageStartingWith("hourWindow must be whole microseconds, at least minuteWindow");
    }

    @Test
    void withWindows_finerThanAMicrosecond_isRefused() {
        assertThatThrownBy(() -> RedisRateBudgetConfig.digitalOcean(2).withWindows(Duration.ofNanos(1_500), Duration.ofSeconds(1)))
                .hasMessageStartingWith("minuteWindow must be whole microseconds");
    }
}
