package dev.teardown.benchmarks;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.FleetWatch;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import dev.teardown.ports.in.WatchListener;
import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateLimitFeedback;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.ports.service.WatchTeardownsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Watching many teardowns against DigitalOcean's rate limits, on a virtual clock: three strategies, two
 * workloads, deterministic (seeded), a few seconds to run.
 *
 * <p>The simulated API counts as DigitalOcean does (each request counts for a minute in the 250 a minute
 * limit and for an hour in the 5,000 an hour limit; over either it answers 429 with {@code Retry-After}
 * and the request is not counted) and answers every lookup at once. A teardown of n resources takes
 * about 8 s per resource, with log-normal noise and, one time in twenty, 3 to 10 times as long.
 *
 * <ul>
 *   <li>waiter: one AWS-style waiter per Droplet, no shared budget: a delay drawn between 2 s and
 *       min(30 s, 2 s × 2^attempt), at least the {@code Retry-After} of a 429;
 *   <li>round robin: one loop over the Droplets within the shared budget (share 0.8), each Droplet at
 *       most every 2 s;
 *   <li>watch: {@link WatchTeardownsService} with the same budget and the default await options.
 * </ul>
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am compile -DskipTests}, then
 * {@code java -cp benchmarks/target/classes:ports/target/classes:domain/target/classes dev.teardown.benchmarks.FleetSimulation}.
 * "lower bound" knows every end in advance and asks once per teardown at the first permit after its end.
 */
public final class FleetSimulation {

    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private static final int TEARDOWNS = 1_000;
    private static final double SECONDS_PER_RESOURCE = 8;
    private static final Duration HORIZON = Duration.ofHours(6);
    private static final AwaitOptions OPTIONS = AwaitOptions.defaults().withTimeout(HORIZON);

    private FleetSimulation() {
    }

    public static void main(String[] args) {
        for (String workload : List.of("spread over an hour", "burst in one minute", "burst in one minute, no long tail")) {
            Duration arrivals = workload.startsWith("spread") ? Duration.ofHours(1) : Duration.ofMinutes(1);
            List<Teardown> teardowns = workload(new Random(12), arrivals, !workload.endsWith("no long tail"));
            System.out.printf(Locale.ROOT, "%n%d teardowns, %s (mean %.0f s, p95 %.0f s, max %.0f s)%n", TEARDOWNS, workload,
                    Arrays.stream(durations(teardowns)).average().orElse(0), percentile(durations(teardowns), 0.95),
                    percentile(durations(teardowns), 1.0));
            System.out.printf(Locale.ROOT, "the budget alone: %d requests at its rate end %.1f s after the first arrival%n",
                    TEARDOWNS, budgetBound(TEARDOWNS));
            System.out.printf(Locale.ROOT, "%-16s %6s %10s %8s %8s %8s %9s %8s%n",
                    "strategy", "429s", "req/tdown", "p50 s", "p95 s", "max s", "missed", "last s");
            print("waiter", waiters(teardowns));
            print("round robin", roundRobin(teardowns));
            print("watch", watch(teardowns));
            print("lower bound", lowerBound(teardowns));
        }
    }

    /** One teardown: when it starts, how many resources, when it ends. */
    record Teardown(DropletId id, Instant start, int resources, Instant end) {
    }

    /** @param lastDetection seconds from the first arrival to the last teardown seen ended */
    record Outcome(long requests, long rateLimited, double[] delays, int missed, double lastDetection) {
    }

    /** @param longTails whether 1 in 20 teardowns takes 3 to 10 times longer */
    static List<Teardown> workload(Random random, Duration arrivals, boolean longTails) {
        List<Teardown> teardowns = new ArrayList<>();
        for (int i = 1; i <= TEARDOWNS; i++) {
            Instant start = T0.plusMillis((long) (random.nextDouble() * arrivals.toMillis()));
            int resources = 1 + random.nextInt(4) + (random.nextInt(4) == 0 ? random.nextInt(12) : 0);
            double seconds = resources * SECONDS_PER_RESOURCE * Math.exp(0.3 * random.nextGaussian());
            if (random.nextInt(20) == 0) {
                double tail = 3 + 7 * random.nextDouble();
                seconds *= longTails ? tail : 1;
            }
            teardowns.add(new Teardown(DropletId.of(i), start, resources, start.plusMillis((long) (seconds * 1000))));
        }
        teardowns.sort(Comparator.comparing(Teardown::start));
        return teardowns;
    }

    private static double[] durations(List<Teardown> teardowns) {
        return teardowns.stream().mapToDouble(t -> Duration.between(t.start(), t.end()).toMillis() / 1000.0).toArray();
    }

    // --- (a) a waiter per Droplet ------------------------------------------------------------------

    static Outcome waiters(List<Teardown> teardowns) {
        VirtualClock clock = new VirtualClock();
        SimulatedApi api = new SimulatedApi(clock, teardowns, Optional.empty());
        Random random = new Random(7);
        record Due(Instant at, Teardown teardown, int attempt) {
        }
        PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparing(Due::at).thenComparing(d -> d.teardown().id().value()));
        teardowns.forEach(t -> queue.add(new Due(t.start(), t, 1)));
        Map<DropletId, Instant> detected = new HashMap<>();
        while (!queue.isEmpty()) {
            Due due = queue.poll();
            clock.set(due.at());
            double delay;
            try {
                StatusAnswer answer = api.check(due.teardown().id(), Instant.MAX);
                if (terminal(answer)) {
                    detected.put(due.teardown().id(), clock.instant());
                    continue;
                }
                delay = 2 + random.nextDouble() * (Math.min(30, 2 * Math.pow(2, due.attempt() - 1)) - 2);
            } catch (TeardownApiException limited) {
                delay = 2 + random.nextDouble() * (Math.min(30, 2 * Math.pow(2, due.attempt() - 1)) - 2);
                double retryAfter = limited.retryAllowedAt()
                        .map(at -> Duration.between(clock.instant(), at).toMillis() / 1000.0).orElse(0.0);
                delay = Math.max(delay, retryAfter);
            }
            if (clock.instant().isBefore(due.teardown().start().plus(HORIZON))) {
                queue.add(new Due(clock.instant().plusMillis((long) (delay * 1000)), due.teardown(), due.attempt() + 1));
            }
        }
        return outcome(api, teardowns, detected);
    }

    // --- (b) round robin within the budget ---------------------------------------------------------

    static Outcome roundRobin(List<Teardown> teardowns) {
        VirtualClock clock = new VirtualClock();
        RateBudget budget = SlidingLogRateBudget.digitalOcean();
        SimulatedApi api = new SimulatedApi(clock, teardowns, Optional.of(budget));
        Deque<Teardown> arriving = new ArrayDeque<>(teardowns);
        Deque<Teardown> ring = new ArrayDeque<>();
        Map<DropletId, Instant> lastAsked = new HashMap<>();
        Map<DropletId, Instant> detected = new HashMap<>();
        while (!arriving.isEmpty() || !ring.isEmpty()) {
            while (!arriving.isEmpty() && !arriving.peekFirst().start().isAfter(clock.instant())) {
                ring.addLast(arriving.removeFirst());
            }
            if (ring.isEmpty()) {
                clock.set(arriving.peekFirst().start());
                continue;
            }
            Teardown next = ring.peekFirst();
            Instant earliest = lastAsked.getOrDefault(next.id(), Instant.MIN).plusSeconds(2);
            if (earliest.isAfter(clock.instant())) {
                clock.set(earliestOf(earliest, arriving.isEmpty() ? earliest : arriving.peekFirst().start()));
                continue;
            }
            Permit permit = budget.tryAcquire(clock.instant());
            if (permit instanceof Permit.Denied denied) {
                clock.set(earliestOf(denied.nextFreeAt(), arriving.isEmpty() ? denied.nextFreeAt() : arriving.peekFirst().start()));
                continue;
            }
            ring.removeFirst();
            lastAsked.put(next.id(), clock.instant());
            try {
                if (terminal(api.check(next.id(), Instant.MAX))) {
                    detected.put(next.id(), clock.instant());
                    continue;
                }
            } catch (TeardownApiException limited) {
                // the budget heard the 429 and pauses every permit
            }
            ring.addLast(next);
        }
        return outcome(api, teardowns, detected);
    }

    // --- (c) the watch -----------------------------------------------------------------------------

    static Outcome watch(List<Teardown> teardowns) {
        VirtualClock clock = new VirtualClock();
        RateBudget budget = SlidingLogRateBudget.digitalOcean();
        SimulatedApi api = new SimulatedApi(clock, teardowns, Optional.of(budget));
        Deque<Teardown> arriving = new ArrayDeque<>(teardowns);
        Map<DropletId, Instant> detected = new HashMap<>();
        FleetWatch[] watch = new FleetWatch[1];
        Random jitter = new Random(3);
        // the sleeper returns early when a teardown arrives, as a host adding Droplets would wake the watch
        WatchTeardownsService service = new WatchTeardownsService(api, budget, clock, duration -> {
            Instant until = clock.instant().plus(duration);
            if (!arriving.isEmpty() && arriving.peekFirst().start().isBefore(until)) {
                until = arriving.peekFirst().start();
            }
            clock.set(until);
            while (!arriving.isEmpty() && !arriving.peekFirst().start().isAfter(clock.instant())) {
                watch[0].add(arriving.removeFirst().id(), OPTIONS);
            }
        }, jitter::nextDouble, Duration.ofHours(1));
        watch[0] = service.watch(new WatchListener() {
            @Override
            public void onObservation(AwaitObservation observation) {
            }

            @Override
            public void onEnded(DropletId dropletId, AwaitResult result) {
                if (result.reason() == AwaitResult.StopReason.TERMINAL) {
                    detected.put(dropletId, clock.instant());
                }
            }
        });
        while (!arriving.isEmpty()) {
            clock.set(arriving.peekFirst().start());
            while (!arriving.isEmpty() && !arriving.peekFirst().start().isAfter(clock.instant())) {
                watch[0].add(arriving.removeFirst().id(), OPTIONS);
            }
            watch[0].runUntilIdle();
        }
        return outcome(api, teardowns, detected);
    }

    // --- the budget's lower bound ------------------------------------------------------------------

    /** Knowing every end in advance, one lookup per teardown at the first permit after its end. */
    static Outcome lowerBound(List<Teardown> teardowns) {
        RateBudget budget = SlidingLogRateBudget.digitalOcean();
        List<Teardown> byEnd = teardowns.stream().sorted(Comparator.comparing(Teardown::end)).toList();
        Map<DropletId, Instant> detected = new HashMap<>();
        Instant last = Instant.MIN;
        for (Teardown teardown : byEnd) {
            Instant at = teardown.end().isAfter(last) ? teardown.end() : last;
            Permit permit;
            while ((permit = budget.tryAcquire(at)) instanceof Permit.Denied denied) {
                at = denied.nextFreeAt();
            }
            last = at;
            detected.put(teardown.id(), at);
        }
        return new Outcome(teardowns.size(), 0, delays(teardowns, detected), 0, lastDetection(detected));
    }

    /**
     * The budget's own bound, whatever the teardowns do: seconds from the first arrival until a fresh
     * budget has let through one request per teardown.
     */
    static double budgetBound(int requests) {
        RateBudget budget = SlidingLogRateBudget.digitalOcean();
        Instant at = T0;
        for (int i = 0; i < requests; i++) {
            Permit permit;
            while ((permit = budget.tryAcquire(at)) instanceof Permit.Denied denied) {
                at = denied.nextFreeAt();
            }
        }
        return Duration.between(T0, at).toMillis() / 1000.0;
    }

    private static double lastDetection(Map<DropletId, Instant> detected) {
        return detected.values().stream().max(Comparator.naturalOrder())
                .map(last -> Duration.between(T0, last).toMillis() / 1000.0).orElse(Double.NaN);
    }

    // --- shared parts ------------------------------------------------------------------------------

    private static boolean terminal(StatusAnswer answer) {
        return answer instanceof StatusAnswer.Reported reported && reported.report().outcome().isTerminal();
    }

    private static Outcome outcome(SimulatedApi api, List<Teardown> teardowns, Map<DropletId, Instant> detected) {
        return new Outcome(api.requests, api.rateLimited, delays(teardowns, detected), teardowns.size() - detected.size(),
                lastDetection(detected));
    }

    private static double[] delays(List<Teardown> teardowns, Map<DropletId, Instant> detected) {
        return teardowns.stream().filter(t -> detected.containsKey(t.id()))
                .mapToDouble(t -> Duration.between(t.end(), detected.get(t.id())).toMillis() / 1000.0).sorted().toArray();
    }

    private static void print(String name, Outcome outcome) {
        System.out.printf(Locale.ROOT, "%-16s %6d %10.2f %8.1f %8.1f %8.1f %9d %8.1f%n", name, outcome.rateLimited(),
                (double) outcome.requests() / TEARDOWNS, percentile(outcome.delays(), 0.5),
                percentile(outcome.delays(), 0.95), percentile(outcome.delays(), 1.0), outcome.missed(),
                outcome.lastDetection());
    }

    private static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1 < 0 ? 0 : Math.ceil(p * sorted.length) - 1)];
    }

    private static Instant earliestOf(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** DigitalOcean's API as far as counting and status go; a budget, when given, hears each answer. */
    static final class SimulatedApi implements CheckStatusUseCase {
        private static final int PER_MINUTE = 250;
        private static final int PER_HOUR = 5_000;

        private final VirtualClock clock;
        private final Map<DropletId, Teardown> teardowns = new HashMap<>();
        private final Optional<RateBudget> budget;
        private final Deque<Instant> counted = new ArrayDeque<>();
        long requests;
        long rateLimited;

        SimulatedApi(VirtualClock clock, List<Teardown> teardowns, Optional<RateBudget> budget) {
            this.clock = clock;
            teardowns.forEach(t -> this.teardowns.put(t.id(), t));
            this.budget = budget;
        }

        @Override
        public StatusAnswer check(DropletId dropletId) {
            return check(dropletId, Instant.MAX);
        }

        @Override
        public StatusAnswer check(DropletId dropletId, Instant deadline) {
            Instant now = clock.instant();
            requests++;
            while (!counted.isEmpty() && !counted.peekFirst().plus(Duration.ofHours(1)).isAfter(now)) {
                counted.removeFirst();
            }
            long lastMinute = counted.stream().filter(at -> at.plusSeconds(60).isAfter(now)).count();
            if (lastMinute >= PER_MINUTE || counted.size() >= PER_HOUR) {
                rateLimited++;
                Instant retry = counted.size() >= PER_HOUR ? counted.peekFirst().plus(Duration.ofHours(1))
                        : counted.stream().filter(at -> at.plusSeconds(60).isAfter(now)).findFirst().orElseThrow().plusSeconds(60);
                Instant retryAt = now.plusSeconds(Math.max(1, (Duration.between(now, retry).toMillis() + 999) / 1000));
                budget.ifPresent(b -> b.onAnswer(new RateLimitFeedback(now, OptionalLong.of(PER_HOUR), OptionalLong.of(0),
                        Optional.of(counted.peekFirst().plus(Duration.ofHours(1))), Optional.of(retryAt), true)));
                throw TeardownApiException.builder(Operation.CHECK_STATUS, Reason.RATE_LIMITED, dropletId, "429")
                        .httpStatus(429).retryAllowedAt(retryAt).build();
            }
            counted.addLast(now);
            budget.ifPresent(b -> b.onAnswer(new RateLimitFeedback(now, OptionalLong.of(PER_HOUR),
                    OptionalLong.of(PER_HOUR - counted.size()), Optional.of(counted.peekFirst().plus(Duration.ofHours(1))),
                    Optional.empty(), false)));
            Teardown teardown = teardowns.get(dropletId);
            return new StatusAnswer.Reported(TeardownReport.of(statusAt(teardown, now)));
        }

        private static TeardownStatus statusAt(Teardown teardown, Instant now) {
            boolean ended = !now.isBefore(teardown.end());
            double done = (double) Duration.between(teardown.start(), now).toMillis()
                    / Math.max(1, Duration.between(teardown.start(), teardown.end()).toMillis());
            int destroyed = ended ? teardown.resources() : (int) Math.floor(Math.max(0, done) * teardown.resources());
            List<ResourceTeardown> resources = IntStream.range(0, teardown.resources())
                    .mapToObj(i -> i < destroyed
                            ? ResourceTeardown.destroyed(ResourceKind.VOLUME, "v" + i, "data-" + i, teardown.start())
                            : ResourceTeardown.pending(ResourceKind.VOLUME, "v" + i, "data-" + i))
                    .toList();
            return new TeardownStatus(teardown.id(), ended ? Optional.of(teardown.end()) : Optional.empty(),
                    Optional.empty(), OptionalInt.of(0), resources);
        }
    }

    /** Time that moves only when told to, never backwards. */
    static final class VirtualClock extends Clock {
        private Instant now = T0;

        void set(Instant instant) {
            if (instant.isAfter(now)) {
                now = instant;
            }
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
