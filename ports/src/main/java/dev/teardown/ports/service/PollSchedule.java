package dev.teardown.ports.service;

import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to ask about one teardown again: exponential backoff with jitter between the options'
 * intervals, falling back to the minimum when the answer changes; a rate limit waited out until the
 * API allows the next request; failures counted against the limit; and nothing past the deadline.
 *
 * <p>It reads no clock and sleeps nowhere: the caller tells it what each lookup gave and when, and it
 * says how long to pause or why to stop. One wait owns one schedule; a watcher of many teardowns keeps
 * one per Droplet. Not thread-safe.
 */
public final class PollSchedule {

    private final AwaitOptions options;
    private final DoubleSupplier jitter;
    private final Instant deadline;
    private int consecutiveFailures;
    private int unchangedAnswers;
    private Optional<TeardownApiException> failure = Optional.empty();
    private boolean lastLookup;

    private PollSchedule(Instant start, AwaitOptions options, DoubleSupplier jitter) {
        this.options = options;
        this.jitter = jitter;
        this.deadline = Durations.plusAtMostMax(start, options.timeout());
    }

    /**
     * A schedule whose deadline is {@code options.timeout()} after {@code start}.
     *
     * @param jitter values in [0, 1) that spread pauses between half and all of the backoff interval
     */
    public static PollSchedule startingAt(Instant start, AwaitOptions options, DoubleSupplier jitter) {
        return new PollSchedule(Objects.requireNonNull(start, "start"), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(jitter, "jitter"));
    }

    /** No lookup may run past this instant. */
    public Instant deadline() {
        return deadline;
    }

    /** Failed lookups in a row that count against the limit (rate-limited ones do not). */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** A lookup answered; {@code changed} when the answer differs from the one before. */
    public void answered(boolean changed) {
        failure = Optional.empty();
        consecutiveFailures = 0;
        unchangedAnswers = changed ? 0 : unchangedAnswers + 1;
    }

    /** A lookup failed; returns how many failed in a row now count against the limit. */
    public int failed(TeardownApiException failure) {
        this.failure = Optional.of(Objects.requireNonNull(failure, "failure"));
        if (failure.reason() != Reason.RATE_LIMITED) {
            consecutiveFailures++;
        }
        return consecutiveFailures;
    }

    /** After the latest lookup, seen at {@code now}: pause this long and ask again, or stop. */
    public Next next(Instant now) {
        Objects.requireNonNull(now, "now");
        Duration pause;
        Optional<Instant> notBefore = Optional.empty();
        if (failure.isPresent()) {
            TeardownApiException last = failure.get();
            if (!last.reason().isTransient()) {
                return new Next.Stop(StopReason.PERMANENT_FAILURE);
            }
            if (consecutiveFailures >= options.failureLimit()) {
                return new Next.Stop(StopReason.FAILURES);
            }
            if (last.reason() == Reason.RATE_LIMITED) {
                notBefore = last.retryAllowedAt();
            }
            pause = backoff(Math.max(consecutiveFailures - 1, unchangedAnswers));
        } else {
            pause = backoff(unchangedAnswers);
        }
        if (notBefore.filter(allowed -> !allowed.isBefore(deadline)).isPresent()) {
            return new Next.Stop(StopReason.RATE_LIMITED);
        }
        if (lastLookup || !now.isBefore(deadline)) {
            return new Next.Stop(StopReason.DEADLINE);
        }
        Duration untilAllowed = notBefore.map(allowed -> Duration.between(now, allowed))
                .filter(wait -> !wait.isNegative()).orElse(Duration.ZERO);
        if (untilAllowed.compareTo(pause) > 0) {
            pause = untilAllowed;
        }
        Duration untilDeadline = Duration.between(now, deadline);
        if (pause.compareTo(untilDeadline) >= 0) {
            // A lookup at the deadline would have no time to answer: the last one comes a little earlier.
            Duration reserve = min(options.minInterval(), untilDeadline.dividedBy(2));
            pause = max(untilDeadline.minus(reserve), untilAllowed);
            lastLookup = true;
        }
        return new Next.Pause(pause, lastLookup);
    }

    /** Doubles from the minimum per step, capped at the maximum, then jittered to between half and all of it. */
    private Duration backoff(int step) {
        long min = Durations.nanosAtMostMax(options.minInterval());
        long max = Durations.nanosAtMostMax(options.maxInterval());
        long interval = min;
        for (int i = 0; i < step && interval < max; i++) {
            interval = interval > max / 2 ? max : interval * 2;
        }
        interval = Math.min(interval, max);
        long jittered = interval / 2 + (long) (jitter.getAsDouble() * (interval - interval / 2));
        return Duration.ofNanos(Math.max(min, jittered));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** What to do after a lookup. */
    public sealed interface Next {

        /** Pause this long, then ask again; {@code last} when that lookup is the last before the deadline. */
        record Pause(Duration pause, boolean last) implements Next {
        }

        /** Ask no more. */
        record Stop(StopReason reason) implements Next {
        }
    }
}
