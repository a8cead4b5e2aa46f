package dev.teardown.ports.out;

import java.time.Instant;

/**
 * The one rate budget every API call of a token spends from: a permit before each request (each
 * attempt, retries included), and what each answer said about the limit after it.
 *
 * <p>Time is an argument: a budget never reads a clock and never waits. A caller that may wait takes
 * {@link Permit.Denied#nextFreeAt()} and its own clock and sleeper. Implementations are thread-safe.
 */
public interface RateBudget {

    /** Takes a permit at {@code now} if one is free; never blocks. */
    Permit tryAcquire(Instant now);

    /** Learns from an answer's rate-limit headers; called for every answer, successful or not. */
    void onAnswer(RateLimitFeedback feedback);

    /** What has been spent and what is left at {@code now}; takes no permit. */
    RateBudgetState state(Instant now);

    /**
     * A caller of this process starts waiting for a permit (as {@code RateBudgets.await} does when none is
     * free): {@link #state} counts it among {@link RateBudgetState#waitingCallers()} until it calls
     * {@link #waitEnded()}. The default counts nothing.
     */
    default void waitStarted() {
        // a budget that keeps no count
    }

    /** A caller that called {@link #waitStarted()} stops waiting, with a permit or without. */
    default void waitEnded() {
        // a budget that keeps no count
    }

    /** A budget that grants every permit and learns nothing, for tests and hosts that limit rates themselves. */
    static RateBudget unlimited() {
        return UnlimitedRateBudget.INSTANCE;
    }
}
