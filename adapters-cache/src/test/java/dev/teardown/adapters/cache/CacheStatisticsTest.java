package dev.teardown.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CacheStatisticsTest {

    @Test
    void requests_areHitsAndMisses() {
        assertThat(new CacheStatistics(3, 1, 1, 0, 0).requests()).isEqualTo(4);
    }

    @Test
    void hitRate_someLookups_isTheShareOfHits() {
        assertThat(new CacheStatistics(3, 1, 1, 0, 0).hitRate()).isEqualTo(0.75);
    }

    @Test
    void hitRate_noLookups_isOne() {
        assertThat(new CacheStatistics(0, 0, 0, 0, 0).hitRate()).isEqualTo(1.0);
    }

    @Test
    void new_negativeCount_isRejectedNamingIt() {
        assertThatThrownBy(() -> new CacheStatistics(0, 0, 0, 0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evictions must be >= 0, was -1");
    }

    @Test
    void new_moreFailuresThanLoads_isRejected() {
        assertThatThrownBy(() -> new CacheStatistics(0, 1, 1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loadFailures must not exceed loads, was 2 of 1");
    }
}
