package dev.teardown.ports.service;

import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.RateLimitFeedback;
import dev.teardown.ports.out.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/** Waiting for a permit, for callers that own a clock and a sleeper. */
public final class RateBudgets {

    private static final Duration LEAST_PAUSE = Duration.ofNanos(1);

    private RateBudgets() {
    }

    /**
     * Takes a permit, sleeping until one is free if that is no later than {@code deadline}. While it
     * sleeps, the budget counts it among its waiting callers ({@link RateBudget#waitStarted()}).
     *
     * @return {@link Permit.Granted}, or {@link Permit.Denied} at once, without sleeping, when the next
     *         free permit comes after {@code deadline}
     */
    public static Permit await(RateBudget budget, InstantSource clock, Sleeper sleeper, Instant deadline)
            throws InterruptedException {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(deadline, "deadline");
        boolean waiting = false;
        try {
            while (true) {
                Instant now = clock.instant();
                Permit permit = budget.tryAcquire(now);
                if (permit instanceof Permit.Denied denied && !denied.nextFreeAt().isAfter(deadline)) {
                    if (!waiting) {
                        budget.waitStarted();
                        waiting = true;
                    }
                    // another caller may take the freed permit first; then this one waits again
                    Duration pause = Duration.between(now, denied.nextFreeAt());
                    sleeper.sleep(pause.compareTo(LEAST_PAUSE) < 0 ? LEAST_PAUSE : pause);
                } else {
                    return permit;
                }
            }
        } finally {
            if (waiting) {
                budget.waitEnded();
            }
        }
    }

    /**
     * A view of {@code budget} for a scheduler whose requests take their own permits further down, as the
     * HTTP transport does for every attempt: it grants while the budget has a permit free but takes none,
     * so that each request is counted once. Answers and state are the budget's own.
     */
    public static RateBudget peeking(RateBudget budget) {
        return new Peeking(Objects.requireNonNull(budget, "budget"));
    }

    /** See {@link #peeking(RateBudget)}. */
    private record Peeking(RateBudget budget) implements RateBudget {

        @Override
        public Permit tryAcquire(Instant now) {
            RateBudgetState state = budget.state(now);
            return state.remaining() > 0 ? new Permit.Granted(state.at()) : new Permit.Denied(state.nextFreeAt());
        }

        @Override
        public void onAnswer(RateLimitFeedback feedback) {
            budget.onAnswer(feedback);
        }

        @Override
        public RateBudgetState state(Instant now) {
            return budget.state(now);
        }

        @Override
        public String toString() {
            return "RateBudgets.peeking(" + budget + ")";
        }
    }
}
