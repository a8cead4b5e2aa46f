package dev.teardown.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sliding windows themselves, without HTTP: fractions of seconds, time running backwards, many tokens. */
class RateLimitsTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void admit_retryAfterAndResetRoundUpToWholeSeconds() {
        RateLimits limits = new RateLimits(1, 10);
        limits.admit("a", START.plusMillis(200));

        RateLimits.Decision refused = limits.admit("a", START.plusMillis(700));

        assertThat(refused).isEqualTo(new RateLimits.Refused(60, START.getEpochSecond() + 3601));
    }

    @Test
    void admit_requestCountsUntilExactlyOneMinuteLater() {
        RateLimits limits = new RateLimits(1, 10);
        limits.admit("a", START);

        assertThat(limits.admit("a", START.plusSeconds(60).minusNanos(1))).isInstanceOf(RateLimits.Refused.class);
        assertThat(limits.admit("a", START.plusSeconds(60))).isEqualTo(new RateLimits.Allowed(8, START.getEpochSecond() + 3600));
    }

    @Test
    void admit_timeRunningBackwards_countsAtTheLatestInstantSeen() {
        RateLimits limits = new RateLimits(1, 10);
        limits.admit("a", START.plusSeconds(30));

        assertThat(limits.admit("a", START)).isEqualTo(new RateLimits.Refused(60, START.getEpochSecond() + 3630));
    }

    @Test
    void admit_manyIdleTokens_areForgottenWithoutLosingCountedOnes() {
        RateLimits limits = new RateLimits(1, 1);
        limits.admit("kept", START.plusSeconds(3000));
        for (int i = 0; i < 10_001; i++) {
            limits.admit("token-" + i, START);
        }

        RateLimits.Decision kept = limits.admit("kept", START.plusSeconds(3601));
        RateLimits.Decision forgotten = limits.admit("token-0", START.plusSeconds(3601));

        assertThat(kept).isEqualTo(new RateLimits.Refused(2999, START.getEpochSecond() + 6600));
        assertThat(forgotten).isEqualTo(new RateLimits.Allowed(0, START.getEpochSecond() + 7201));
    }
}
