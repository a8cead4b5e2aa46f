package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitQuotaTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void new_negativeRemaining_isRefusedNamingTheFigures() {
        assertThatThrownBy(() -> new RateLimitQuota(5000, -1, Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate limit figures must be >= 0, were limit=5000 remaining=-1");
    }

    @Test
    void new_nullReset_isAbsent() {
        assertThat(new RateLimitQuota(5000, 10, null, NOW).resetAt()).isEmpty();
    }

    @Test
    void isExhausted_noneRemaining_isTrue() {
        assertThat(new RateLimitQuota(5000, 0, Optional.empty(), NOW).isExhausted()).isTrue();
        assertThat(new RateLimitQuota(5000, 1, Optional.empty(), NOW).isExhausted()).isFalse();
    }
}
