package dev.teardown.benchmarks;

import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.redis.RedisTier;
import dev.teardown.app.Teardown;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.FleetWatch;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.WatchListener;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.service.FreshnessPolicy;
import dev.teardown.ports.service.WatchTeardownsService;
import dev.teardown.sandbox.SandboxServer;
import dev.teardown.sandbox.SandboxStatistics;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * K instances of the library on one Redis, watching the same Droplets against one API and one token: how
 * often the API is asked about each Droplet, across all of them, and how many 429s it answers. Each
 * instance is a {@link Teardown} of its own (its own injector, HTTP pool, in-process cache and Redis
 * connection) built with {@code .redis(…)}, and runs one fleet watch of every Droplet on a thread of its
 * own, for at most the window ({@code --window}, each Droplet's watch timeout).
 *
 * <p>A plain {@code main}, not JMH: what is measured are counts. Without {@code --api-url}, each K gets a
 * sandbox of its own in this JVM (real time, DigitalOcean's 250 requests a minute and 5,000 an hour per
 * token), so every K watches the same fleet Droplets from their start; with it, each K gets the next
 * {@code --count} ids (a sandbox's teardown starts when first asked). Without {@code --redis}, a
 * {@code redis-server} from the PATH is started on a free loopback port. Each K gets a key prefix and a
 * token of its own.
 *
 * <p>"Polled windows" of a Droplet: the lookups of every instance (each {@code check} the watches made,
 * whether a cache or the API answered) in time order, cut greedily into 2 s windows, each opened by the
 * first lookup after the previous one closed. That is how many requests one perfect shared cache with
 * the in-progress freshness (2 s) would have made for the same lookups; the API's requests for the
 * Droplet divided by it is 1 when the Droplet was asked at most once per window across all instances.
 * The shared cache keeps an answer 1.8 to 2 s (jittered expiry), so up to about 1.1 is by design.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.teardown.benchmarks.SharedTierHarness \
 *     --instances 1,2,4,8 --first-id 70000000 --count 300 --window 150s
 * </pre>
 */
public final class SharedTierHarness {

    private static final Pattern STATUS_PATH =
            Pattern.compile("^/v2/droplets/(\\d+)/destroy_with_associated_resources/status$");
    private static final Duration WINDOW = FreshnessPolicy.DEFAULT_IN_PROGRESS;

    private SharedTierHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Optional<URI> apiUrl = Optional.ofNullable(options.get("--api-url")).map(URI::create);
        int[] instanceCounts = Arrays.stream(options.getOrDefault("--instances", "1,2,4,8").split(","))
                .mapToInt(Integer::parseInt).toArray();
        long firstId = Long.parseLong(options.getOrDefault("--first-id", "70000000"));
        int count = Integer.parseInt(options.getOrDefault("--count", "300"));
        Duration window = Duration.parse("PT" + options.getOrDefault("--window", "150s").toUpperCase(Locale.ROOT));

        RedisServerExtension ownRedis = null;
        URI redis;
        if (options.containsKey("--redis")) {
            redis = URI.create(options.get("--redis"));
        } else {
            ownRedis = RedisServerExtension.create();
            ownRedis.start();
            redis = ownRedis.uri();
        }
        RedisWarnings warnings = RedisWarnings.install();
        try {
            System.out.printf(Locale.ROOT, "%d droplets from %d per run against %s, Redis %s, window %s s, %d CPUs%n",
                    count, firstId, apiUrl.map(URI::toString).orElse("a fresh in-process sandbox per run (250/min, 5000/h)"),
                    redis.getHost() + ":" + redis.getPort(), window.toSeconds(), Runtime.getRuntime().availableProcessors());
            System.out.println("| instances | requests | 429s | requests per droplet (mean, max) | lookups "
                    + "| polled 2 s windows | requests ÷ polled windows (all, worst droplet) "
                    + "| droplets every instance saw end | detection delay p50, p95, max | last end seen | Redis away |");
            System.out.println("|---:|---:|---:|---|---:|---:|---|---:|---|---:|---:|");
            for (int run = 0; run < instanceCounts.length; run++) {
                long first = apiUrl.isPresent() ? firstId + (long) run * count : firstId;
                List<DropletId> droplets = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    droplets.add(DropletId.of(first + i));
                }
                warnings.reset();
                if (apiUrl.isPresent()) {
                    run(apiUrl.get(), Optional.empty(), redis, instanceCounts[run], droplets, window, warnings);
                } else {
                    try (SandboxServer sandbox = SandboxServer.builder().clock(Clock.systemUTC())
                            .rateLimits(SandboxServer.DEFAULT_PER_MINUTE, SandboxServer.DEFAULT_PER_HOUR).start()) {
                        run(sandbox.uri(), Optional.of(sandbox), redis, instanceCounts[run], droplets, window, warnings);
                    }
                }
            }
        } finally {
            if (ownRedis != null) {
                ownRedis.close();
            }
        }
    }

    private static void run(URI apiUrl, Optional<SandboxServer> sandbox, URI redis, int instances,
            List<DropletId> droplets, Duration window, RedisWarnings warnings) throws Exception {
        String prefix = "bench-" + instances + "-" + UUID.randomUUID() + ":";
        ApiToken token = ApiToken.of("teardown-bench-" + UUID.randomUUID());
        Record record = new Record();
        AwaitOptions options = AwaitOptions.defaults().withTimeout(window);
        List<Teardown> teardowns = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        long started = System.nanoTime();
        try {
            List<FleetWatch> watches = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Teardown teardown = Teardown.builder(HttpClientConfig.builder(token).baseUrl(apiUrl).build())
                        .exchangeListener(record)
                        .redis(redis, prefix)
                        .build();
                teardowns.add(teardown);
                // the transport spends the shared budget per request; the watch asks through the caches, for free
                FleetWatch watch = WatchTeardownsService.system(record.lookups(teardown.check()), RateBudget.unlimited())
                        .watch(record.ends(started));
                droplets.forEach(id -> watch.add(id, options));
                watches.add(watch);
            }
            List<Future<Map<DropletId, AwaitResult>>> results = new ArrayList<>();
            watches.forEach(watch -> results.add(threads.submit(watch::runUntilIdle)));
            int[] endedEverywhere = new int[droplets.size()];
            for (Future<Map<DropletId, AwaitResult>> result : results) {
                Map<DropletId, AwaitResult> ends = result.get();
                for (int i = 0; i < droplets.size(); i++) {
                    AwaitResult end = ends.get(droplets.get(i));
                    if (end != null && end.reason() == AwaitResult.StopReason.TERMINAL) {
                        endedEverywhere[i]++;
                    }
                }
            }
            long everywhere = Arrays.stream(endedEverywhere).filter(n -> n == instances).count();
            record.print(instances, droplets, sandbox.map(SandboxServer::statistics), everywhere, warnings.count());
        } finally {
            threads.shutdownNow();
            teardowns.forEach(Teardown::close);
        }
    }

    /** Every status request the instances sent, every lookup their watches made, and every end they saw. */
    private static final class Record implements ExchangeListener {

        private final Map<DropletId, ConcurrentLinkedQueue<Long>> lookupsByDroplet = new ConcurrentHashMap<>();
        private final Map<DropletId, AtomicInteger> requestsByDroplet = new ConcurrentHashMap<>();
        private final AtomicInteger rateLimited = new AtomicInteger();
        private final AtomicInteger requests = new AtomicInteger();
        private final ConcurrentLinkedQueue<Duration> detectionDelays = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Duration> seenAt = new ConcurrentLinkedQueue<>();

        @Override
        public void onExchange(Exchange exchange) {
            Matcher matcher = STATUS_PATH.matcher(exchange.path());
            if (!matcher.matches()) {
                return;
            }
            requests.incrementAndGet();
            if (exchange.status().isPresent() && exchange.status().getAsInt() == 429) {
                rateLimited.incrementAndGet();
            }
            requestsByDroplet.computeIfAbsent(DropletId.of(Long.parseLong(matcher.group(1))), id -> new AtomicInteger())
                    .incrementAndGet();
        }

        /** The use case, noting when each lookup began. */
        CheckStatusUseCase lookups(CheckStatusUseCase check) {
            return new CheckStatusUseCase() {
                @Override
                public StatusAnswer check(DropletId dropletId) {
                    note(dropletId);
                    return check.check(dropletId);
                }

                @Override
                public StatusAnswer check(DropletId dropletId, Instant deadline) {
                    note(dropletId);
                    return check.check(dropletId, deadline);
                }
            };
        }

        private void note(DropletId dropletId) {
            lookupsByDroplet.computeIfAbsent(dropletId, id -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
        }

        /** Hears a watch's ends: how long after its teardown's end, and after the run's start, each was seen. */
        WatchListener ends(long started) {
            return new WatchListener() {
                @Override
                public void onObservation(AwaitObservation observation) {
                }

                @Override
                public void onEnded(DropletId dropletId, AwaitResult result) {
                    if (result.reason() != AwaitResult.StopReason.TERMINAL) {
                        return;
                    }
                    seenAt.add(Duration.ofNanos(System.nanoTime() - started));
                    result.last()
                            .filter(StatusAnswer.Reported.class::isInstance)
                            .flatMap(answer -> ((StatusAnswer.Reported) answer).report().status().completedAt())
                            .ifPresent(end -> detectionDelays.add(Duration.between(end, Instant.now())));
                }
            };
        }

        void print(int instances, List<DropletId> droplets, Optional<SandboxStatistics> served, long endedEverywhere,
                int redisAway) {
            long requestSum = 0;
            long maxRequests = 0;
            long lookups = 0;
            long windowSum = 0;
            double worst = 0;
            for (DropletId id : droplets) {
                long n = served.map(s -> s.requestsFor(id))
                        .orElseGet(() -> (long) requestsByDroplet.getOrDefault(id, new AtomicInteger()).get());
                List<Long> times = new ArrayList<>(lookupsByDroplet.getOrDefault(id, new ConcurrentLinkedQueue<>()));
                times.sort(null);
                int windows = polledWindows(times);
                requestSum += n;
                maxRequests = Math.max(maxRequests, n);
                lookups += times.size();
                windowSum += windows;
                if (windows > 0) {
                    worst = Math.max(worst, n / (double) windows);
                }
            }
            long total = served.map(SandboxStatistics::requests).orElse((long) requests.get());
            long limited = served.map(SandboxStatistics::rateLimited).orElse((long) rateLimited.get());
            if (served.isPresent() && total != requests.get()) {
                System.out.printf(Locale.ROOT, "(the sandbox served %d requests, the instances sent %d)%n", total,
                        requests.get());
            }
            List<Duration> delays = new ArrayList<>(detectionDelays);
            delays.sort(null);
            Duration last = seenAt.stream().max(Duration::compareTo).orElse(Duration.ZERO);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.2f, %d | %d | %d | **%.3f**, %.2f | %d of %d | %s | %.1f s | %d |%n",
                    instances, total, limited, requestSum / (double) droplets.size(), maxRequests, lookups, windowSum,
                    requestSum / (double) Math.max(1, windowSum), worst, endedEverywhere, droplets.size(),
                    delays.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f, %.1f, %.1f s", seconds(percentile(delays, 0.50)),
                            seconds(percentile(delays, 0.95)), seconds(delays.get(delays.size() - 1))),
                    seconds(last), redisAway);
        }

        /** Lookups in nanoTime order, cut into 2 s windows each opened by the first lookup after the last closed. */
        private static int polledWindows(List<Long> sortedNanos) {
            int windows = 0;
            long closes = Long.MIN_VALUE;
            for (long at : sortedNanos) {
                if (windows == 0 || at - closes >= 0) {
                    windows++;
                    closes = at + WINDOW.toNanos();
                }
            }
            return windows;
        }

        private static Duration percentile(List<Duration> sorted, double p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }
    }

    /** Counts the shared tier's "Redis is away" warnings: each is an outage during which instances went on alone. */
    private static final class RedisWarnings extends Handler {

        private final AtomicInteger count = new AtomicInteger();

        static RedisWarnings install() {
            RedisWarnings handler = new RedisWarnings();
            Logger.getLogger(RedisTier.class.getName()).addHandler(handler);
            return handler;
        }

        @Override
        public void publish(LogRecord logRecord) {
            if (logRecord.getLevel().intValue() >= Level.WARNING.intValue()) {
                count.incrementAndGet();
            }
        }

        int count() {
            return count.get();
        }

        void reset() {
            count.set(0);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
