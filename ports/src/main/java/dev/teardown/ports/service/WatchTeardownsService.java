package dev.teardown.ports.service;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.FleetWatch;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.WatchListener;
import dev.teardown.ports.in.WatchTeardownsUseCase;
import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * Watches many teardowns at once, taking a permit from one {@link RateBudget} before every lookup.
 *
 * <p>Each Droplet has its own {@link PollSchedule} (backoff while nothing changes, the minimum again
 * when something does, rate-limit waits, failure limit, deadline), moved toward the instant its
 * teardown is expected to end as learned from the teardowns that ended before it. Due polls are made
 * oldest due first, prioritised Droplets first (every other turn while others are due); when the budget grants fewer permits than polls fall
 * due, every poll waits its turn, so every interval stretches and no Droplet starves. A 429 pauses
 * every poll until its {@code retryAllowedAt}; a failure waiting cannot change ends its Droplet only.
 *
 * <p>One thread runs a watch. {@link FleetWatch#add}, {@code remove} and {@code prioritise} may be
 * called from any thread; the sleeper gives no way to be woken, so the loop sleeps at most
 * {@code longestNap} at a time and a change takes effect within that (a sleeper may also return early,
 * for instance a simulated one when something arrives: the loop reads the clock again either way).
 */
public final class WatchTeardownsService implements WatchTeardownsUseCase {

    /** How soon an addition from another thread is seen by a sleeping watch, with {@link #system}. */
    public static final Duration DEFAULT_LONGEST_NAP = Duration.ofSeconds(1);

    private final CheckStatusUseCase checker;
    private final RateBudget budget;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Duration longestNap;

    /**
     * @param jitter values in [0, 1) that spread pauses between half and all of the backoff interval
     * @param longestNap the longest single sleep, and so the longest an addition from another thread waits
     */
    public WatchTeardownsService(CheckStatusUseCase checker, RateBudget budget, Clock clock, Sleeper sleeper,
            DoubleSupplier jitter, Duration longestNap) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.longestNap = Objects.requireNonNull(longestNap, "longestNap");
        if (longestNap.isNegative() || longestNap.isZero()) {
            throw new IllegalArgumentException("longestNap must be positive, was " + longestNap);
        }
    }

    /** Real time, real sleeps of at most a second, and random jitter. */
    public static WatchTeardownsService system(CheckStatusUseCase checker, RateBudget budget) {
        return new WatchTeardownsService(checker, budget, Clock.systemUTC(), Sleeper.system(),
                () -> ThreadLocalRandom.current().nextDouble(), DEFAULT_LONGEST_NAP);
    }

    @Override
    public FleetWatch watch(WatchListener listener) {
        return new Watch(Objects.requireNonNull(listener, "listener"));
    }

    /** One watch of many Droplets. */
    private final class Watch implements FleetWatch {
        private final WatchListener listener;
        private final FleetSchedule schedule = new FleetSchedule(jitter, new CompletionEstimate());
        private final AtomicBoolean running = new AtomicBoolean();

        Watch(WatchListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean add(DropletId dropletId, AwaitOptions options) {
            synchronized (schedule) {
                return schedule.add(dropletId, options, clock.instant());
            }
        }

        @Override
        public boolean remove(DropletId dropletId) {
            synchronized (schedule) {
                return schedule.remove(dropletId);
            }
        }

        @Override
        public boolean prioritise(DropletId dropletId) {
            synchronized (schedule) {
                return schedule.prioritise(dropletId);
            }
        }

        @Override
        public Set<DropletId> watching() {
            synchronized (schedule) {
                return schedule.watching();
            }
        }

        @Override
        public Map<DropletId, AwaitResult> runUntilIdle() {
            if (!running.compareAndSet(false, true)) {
                throw new IllegalStateException("this watch is already running on another thread");
            }
            try {
                return run();
            } finally {
                running.set(false);
            }
        }

        private Map<DropletId, AwaitResult> run() {
            Map<DropletId, AwaitResult> results = new LinkedHashMap<>();
            while (true) {
                Instant now = clock.instant();
                Optional<FleetSchedule.Poll> poll;
                Optional<Instant> nextDecision;
                List<FleetSchedule.Event> expired;
                synchronized (schedule) {
                    expired = schedule.expire(now);
                    poll = schedule.take(now);
                    nextDecision = schedule.nextDecision();
                }
                deliver(expired, results);
                if (poll.isEmpty()) {
                    if (nextDecision.isEmpty() && idle()) {
                        return results;
                    }
                    if (!nap(now, nextDecision.orElse(now.plus(longestNap)), results)) {
                        return results;
                    }
                    continue;
                }
                Permit permit = budget.tryAcquire(now);
                if (permit instanceof Permit.Denied denied) {
                    synchronized (schedule) {
                        schedule.putBack(poll.get());
                    }
                    if (!nap(now, denied.nextFreeAt(), results)) {
                        return results;
                    }
                    continue;
                }
                deliver(lookUp(poll.get()), results);
            }
        }

        private boolean idle() {
            synchronized (schedule) {
                return schedule.isEmpty();
            }
        }

        private List<FleetSchedule.Event> lookUp(FleetSchedule.Poll poll) {
            StatusAnswer answer;
            try {
                answer = checker.check(poll.dropletId(), poll.deadline());
            } catch (TeardownApiException failure) {
                synchronized (schedule) {
                    return schedule.failed(poll, failure, clock.instant());
                }
            } catch (RuntimeException | Error bug) {
                // not a lookup's failure but a defect: it reaches the caller, and the Droplet stays watched
                synchronized (schedule) {
                    schedule.putBack(poll);
                }
                throw bug;
            }
            synchronized (schedule) {
                return schedule.answered(poll, answer, clock.instant());
            }
        }

        /** Sleeps until {@code until}, at most the longest nap; false when interrupted, after ending every watch. */
        private boolean nap(Instant now, Instant until, Map<DropletId, AwaitResult> results) {
            Duration pause = Duration.between(now, until);
            if (pause.compareTo(longestNap) > 0) {
                pause = longestNap;
            }
            try {
                if (pause.isNegative() || pause.isZero()) {
                    // a budget whose next permit is now, or a clock that stands still: never spin
                    pause = Duration.ofNanos(1);
                }
                sleeper.sleep(pause);
                return true;
            } catch (InterruptedException e) {
                List<FleetSchedule.Event> ended;
                synchronized (schedule) {
                    ended = schedule.endAll(StopReason.INTERRUPTED, clock.instant());
                }
                Thread.currentThread().interrupt();
                deliver(ended, results);
                return false;
            }
        }

        private void deliver(List<FleetSchedule.Event> events, Map<DropletId, AwaitResult> results) {
            for (FleetSchedule.Event event : events) {
                if (event instanceof FleetSchedule.Observed observed) {
                    listener.onObservation(observed.observation());
                } else if (event instanceof FleetSchedule.Ended ended) {
                    results.put(ended.dropletId(), ended.result());
                    listener.onEnded(ended.dropletId(), ended.result());
                }
            }
        }
    }
}
