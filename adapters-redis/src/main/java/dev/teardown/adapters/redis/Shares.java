package dev.teardown.adapters.redis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A share of a count, taken as {@code RateBudgetConfig} takes it: the share as written in decimal, rounded down. */
final class Shares {

    private Shares() {
    }

    /** {@code floor(share × count)}; 0 when the count is too small to share. */
    static long shareOf(double share, long count) {
        return BigDecimal.valueOf(share)
                .multiply(BigDecimal.valueOf(count))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /** The share of a limit, at least one so that a small limit never stops a client for good. */
    static long allowedOf(double share, long limit) {
        return Math.max(1, shareOf(share, limit));
    }
}
