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
 * waits until the API allows the next one instead of counting as a failure; when that is at or after
 * the deadline, the wait ends at once. A failure that waiting cannot change (see
 * {@link TeardownApiException.Reason#isTransient()}) ends it at once too.
 *
 * <p>Nothing runs past the deadline: each lookup is given it ({@link CheckStatusUseCase#check(DropletId,
 * Instant)}), and no pause reaches it. The last pause ends a little before it (by the minimum interval,
 * or half of what is left when that is less), so that the last lookup has that long to answer.
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
        private final PollSchedule schedule;
        private Optional<StatusAnswer> last = Optional.empty();
        private Optional<TeardownApiException> lastFailure = Optional.empty();
        private int polls;

        Wait(DropletId dropletId, AwaitOptions options, AwaitListener listener) {
            this.dropletId = dropletId;
            this.options = options;
            this.listener = listener;
            this.start = clock.instant();
            this.schedule = PollSchedule.startingAt(start, options, jitter);
        }

        AwaitResult run() {
            while (true) {
                polls++;
                try {
                    StatusAnswer check = checker.check(dropletId, schedule.deadline());
                    lastFailure = Optional.empty();
                    listener.onObservation(new AwaitObservation.Checked(dropletId, clock.instant(), polls, check));
                    schedule.answered(last.filter(check::equals).isEmpty());
                    last = Optional.of(check);
                    if (isTerminal(check)) {
                        return result(StopReason.TERMINAL);
                    }
                } catch (TeardownApiException failure) {
                    lastFailure = Optional.of(failure);
                    int consecutiveFailures = schedule.failed(failure);
                    listener.onObservation(
                            new AwaitObservation.Failed(dropletId, clock.instant(), polls, failure, consecutiveFailures));
                }
                Instant now = clock.instant();
                PollSchedule.Next next = schedule.next(now);
                if (next instanceof PollSchedule.Next.Stop stop) {
                    return result(stop.reason());
                }
                Duration pause = ((PollSchedule.Next.Pause) next).pause();
                listener.onObservation(new AwaitObservation.Waiting(dropletId, now, polls, pause));
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

        private AwaitResult result(StopReason reason) {
            return new AwaitResult(reason, last, lastFailure, polls, Duration.between(start, clock.instant()));
        }
    }
}
