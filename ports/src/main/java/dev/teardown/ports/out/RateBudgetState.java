package dev.teardown.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a rate budget has spent and has left at one instant, for dashboards and {@code --verbose}.
 *
 * @param at the instant described
 * @param usedLastMinute permits granted in the minute up to {@code at}
 * @param usedLastHour permits granted in the hour up to {@code at}
 * @param allowedPerMinute permits this client may take in any minute (its share of the limit)
 * @param allowedPerHour permits this client may take in any hour (its share of the limit)
 * @param remaining permits that would be granted one after another at {@code at}; 0 while paused
 * @param nextFreeAt the first instant a permit is free: {@code at} itself when {@code remaining > 0}
 * @param pausedUntil the end of a pause ordered by a 429, while it lasts
 * @param learnedRemaining what the server's latest {@code ratelimit-remaining} leaves this client, while it holds
 * @param waitingCallers callers of this process waiting for a permit at {@code at}
 */
public record RateBudgetState(
        Instant at,
        long usedLastMinute,
        long usedLastHour,
        long allowedPerMinute,
        long allowedPerHour,
        long remaining,
        Instant nextFreeAt,
        Optional<Instant> pausedUntil,
        OptionalLong learnedRemaining,
        long waitingCallers) {

    public RateBudgetState {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nextFreeAt, "nextFreeAt");
        Objects.requireNonNull(pausedUntil, "pausedUntil");
        Objects.requireNonNull(learnedRemaining, "learnedRemaining");
        requireNotNegative(usedLastMinute, "usedLastMinute");
        requireNotNegative(usedLastHour, "usedLastHour");
        requireNotNegative(remaining, "remaining");
        requireNotNegative(waitingCallers, "waitingCallers");
        if (nextFreeAt.isBefore(at)) {
            throw new IllegalArgumentException("nextFreeAt must not be before at, was " + nextFreeAt + " < " + at);
        }
    }

    /** A state with no caller waiting, as a budget that keeps no count of them describes itself. */
    public RateBudgetState(Instant at, long usedLastMinute, long usedLastHour, long allowedPerMinute, long allowedPerHour,
            long remaining, Instant nextFreeAt, Optional<Instant> pausedUntil, OptionalLong learnedRemaining) {
        this(at, usedLastMinute, usedLastHour, allowedPerMinute, allowedPerHour, remaining, nextFreeAt, pausedUntil,
                learnedRemaining, 0);
    }

    /** This state with another count of waiting callers. */
    public RateBudgetState withWaitingCallers(long waitingCallers) {
        return new RateBudgetState(at, usedLastMinute, usedLastHour, allowedPerMinute, allowedPerHour, remaining,
                nextFreeAt, pausedUntil, learnedRemaining, waitingCallers);
    }

    private static void requireNotNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }
}
