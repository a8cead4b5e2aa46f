package dev.teardown.ports.service;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitListener;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.AwaitTeardownUseCase;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Polls a teardown until it ends, with exponential backoff and jitter between the options' intervals.
 *
 * <p>The pause doubles while the answer stays the same and falls back to the minimum when it changes,
 * so a running teardown is followed closely and a stuck one is not hammered. A rate-limited lookup
 * waits until the API allows the next one instead of counting as a failure. No pause runs past the
 * deadline: the last lookup happens at the deadline.
 */
public final class AwaitTeardownService implements AwaitTeardownUseCase {

    private final CheckStatusUseCase checker;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    /**
     * @param jitter values in [0, 1) that spread pauses between half and all of the backoff interval
     */
    public AwaitTeardownService(CheckStatusUseCase checker, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** Real time, real sleeps and random jitter. */
    public static AwaitTeardownService system(CheckStatusUseCase checker) {
        return new AwaitTeardownService(
                checker, Clock.systemUTC(), Sleeper.system(), () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public AwaitResult await(DropletId dropletId, AwaitOptions options, AwaitListener listener) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        return new Wait(dropletId, options, listener).run();
    }

    /** The state of one wait. */
    private final class Wait {
        private final DropletId dropletId;
        private final AwaitOptions options;
        private final AwaitListener listener;
        private final Instant start;
        private final Instant deadline;
        private Optional<StatusAnswer> last = Optional.empty();
        private Optional<TeardownApiException> lastFailure = Optional.empty();
        private int polls;
        private int consecutiveFailures;
        private int unchangedPolls;

        Wait(DropletId dropletId, AwaitOptions options, AwaitListener listener) {
            this.dropletId = dropletId;
            this.options = options;
            this.listener = listener;
            this.start = clock.instant();
            this.deadline = start.plus(options.timeout());
        }

        AwaitResult run() {
            while (true) {
                polls++;
                Duration pause;
                Optional<Instant> notBefore = Optional.empty();
                try {
                    StatusAnswer check = checker.check(dropletId);
                    lastFailure = Optional.empty();
                    consecutiveFailures = 0;
                    listener.onObservation(new AwaitObservation.Checked(clock.instant(), polls, check));
                    unchangedPolls = last.filter(check::equals).isPresent() ? unchangedPolls + 1 : 0;
                    last = Optional.of(check);
                    if (isTerminal(check)) {
                        return result(StopReason.TERMINAL);
                    }
                    pause = backoff(unchangedPolls);
                } catch (TeardownApiException failure) {
                    lastFailure = Optional.of(failure);
                    if (failure.reason() == Reason.RATE_LIMITED) {
                        notBefore = failure.retryAllowedAt();
                    } else {
                        consecutiveFailures++;
                    }
                    listener.onObservation(
                            new AwaitObservation.Failed(clock.instant(), polls, failure, consecutiveFailures));
                    if (consecutiveFailures >= options.failureLimit()) {
                        return result(StopReason.FAILURES);
                    }
                    pause = backoff(Math.max(consecutiveFailures - 1, unchangedPolls));
                }

                Instant now = clock.instant();
                if (!now.isBefore(deadline) || notBefore.filter(deadline::isBefore).isPresent()) {
                    return result(StopReason.DEADLINE);
                }
                if (notBefore.isPresent()) {
                    Duration untilAllowed = Duration.between(now, notBefore.get());
                    pause = untilAllowed.compareTo(pause) > 0 ? untilAllowed : pause;
                }
                Duration untilDeadline = Duration.between(now, deadline);
                if (pause.compareTo(untilDeadline) > 0) {
                    pause = untilDeadline;
                }
                listener.onObservation(new AwaitObservation.Waiting(now, polls, pause));
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return result(StopReason.INTERRUPTED);
                }
            }
        }

        private boolean isTerminal(StatusAnswer check) {
            if (check instanceof StatusAnswer.Reported reported) {
                return reported.report().outcome().isTerminal();
            }
            return options.stopWhenNotFound();
        }

        /** Doubles from the minimum per step, capped at the maximum, then jittered to between half and all of it. */
        private Duration backoff(int step) {
            long min = options.minInterval().toNanos();
            long max = options.maxInterval().toNanos();
            long interval = min;
            for (int i = 0; i < step && interval < max; i++) {
                interval = interval > max / 2 ? max : interval * 2;
            }
            interval = Math.min(interval, max);
            long jittered = interval / 2 + (long) (jitter.getAsDouble() * (interval - interval / 2));
            return Duration.ofNanos(Math.max(min, jittered));
        }

        private AwaitResult result(StopReason reason) {
            return new AwaitResult(reason, last, lastFailure, polls, Duration.between(start, clock.instant()));
        }
    }
}
