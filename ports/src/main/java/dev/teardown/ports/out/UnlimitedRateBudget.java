package dev.teardown.ports.out;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Grants everything; see {@link RateBudget#unlimited()}. */
enum UnlimitedRateBudget implements RateBudget {
    INSTANCE;

    @Override
    public Permit tryAcquire(Instant now) {
        return new Permit.Granted(now);
    }

    @Override
    public void onAnswer(RateLimitFeedback feedback) {
        // nothing to learn: this budget has no limit to lower
    }

    @Override
    public RateBudgetState state(Instant now) {
        return new RateBudgetState(
                now, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, now, Optional.empty(), OptionalLong.empty());
    }

    @Override
    public String toString() {
        return "RateBudget.unlimited()";
    }
}
