package dev.teardown.benchmarks;

import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.app.Teardown;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.FleetWatch;
import dev.teardown.ports.in.WatchListener;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.service.FreshnessPolicy;
import dev.teardown.ports.service.WatchTeardownsService;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * K instances of the library on one Redis, watching the same Droplets against one API: how often the API
 * is asked about each Droplet, across all of them, and how many 429s it answers. Each instance is a
 * {@link Teardown} of its own (its own injector, HTTP pool, in-process cache and Redis connection) built
 * with {@code .redis(…)}, and runs one fleet watch of every Droplet on a thread of its own.
 *
 * <p>A plain {@code main}, not JMH: what is measured are counts. Each K gets Droplets of its own (the
 * next {@code --count} ids from {@code --first-id}, since a teardown of the sandbox starts when first
 * asked), a key prefix of its own and a token of its own (so that one run's rate-limit window is not the
 * next one's).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.teardown.benchmarks.SharedTierHarness \
 *     --api-url http://127.0.0.1:PORT --redis redis://127.0.0.1:6379 --instances 1,2,4,8 \
 *     --first-id 70000000 --count 300
 * </pre>
 */
public final class SharedTierHarness {

    private static final Pattern STATUS_PATH =
            Pattern.compile("^/v2/droplets/(\\d+)/destroy_with_associated_resources/status$");
    private static final Duration IN_PROGRESS = FreshnessPolicy.DEFAULT_IN_PROGRESS;

    private SharedTierHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI apiUrl = URI.create(required(options, "--api-url"));
        URI redis = URI.create(required(options, "--redis"));
        int[] instanceCounts = Arrays.stream(options.getOrDefault("--instances", "1,2,4,8").split(","))
                .mapToInt(Integer::parseInt).toArray();
        long firstId = Long.parseLong(options.getOrDefault("--first-id", "70000000"));
        int count = Integer.parseInt(options.getOrDefault("--count", "300"));
        Duration timeout = Duration.parse("PT" + options.getOrDefault("--timeout", "10m").toUpperCase(Locale.ROOT));

        System.out.printf(Locale.ROOT, "%d droplets per run against %s, Redis %s, watch timeout %s%n", count, apiUrl,
                redis.getHost() + ":" + redis.getPort(), timeout);
        System.out.println("| instances | requests | 429s | requests per droplet (mean, max) "
                + "| per droplet per 2 s window (mean, max) | droplets every instance saw end | seconds |");
        System.out.println("|---:|---:|---:|---|---|---:|---:|");
        for (int run = 0; run < instanceCounts.length; run++) {
            List<DropletId> droplets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                droplets.add(DropletId.of(firstId + (long) run * count + i));
            }
            run(apiUrl, redis, instanceCounts[run], droplets, timeout);
        }
    }

    private static void run(URI apiUrl, URI redis, int instances, List<DropletId> droplets, Duration timeout)
            throws Exception {
        String prefix = "bench-" + instances + "-" + UUID.randomUUID() + ":";
        ApiToken token = ApiToken.of("teardown-bench-" + UUID.randomUUID());
        Requests requests = new Requests();
        AwaitOptions options = AwaitOptions.defaults().withTimeout(timeout);
        List<Teardown> teardowns = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        long started = System.nanoTime();
        try {
            List<Future<Map<DropletId, AwaitResult>>> watches = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Teardown teardown = Teardown.builder(HttpClientConfig.builder(token).baseUrl(apiUrl).build())
                        .exchangeListener(requests)
                        .redis(redis, prefix)
                        .build();
                teardowns.add(teardown);
                // the transport spends the shared budget per request; the watch asks through the caches, for free
                FleetWatch watch = WatchTeardownsService.system(teardown.check(), RateBudget.unlimited())
                        .watch(WatchListener.ignoring());
                droplets.forEach(id -> watch.add(id, options));
                watches.add(threads.submit(watch::runUntilIdle));
            }
            int[] endedEverywhere = new int[droplets.size()];
            for (Future<Map<DropletId, AwaitResult>> watch : watches) {
                Map<DropletId, AwaitResult> results = watch.get();
                for (int i = 0; i < droplets.size(); i++) {
                    AwaitResult result = results.get(droplets.get(i));
                    if (result != null && result.reason() == AwaitResult.StopReason.TERMINAL) {
                        endedEverywhere[i]++;
                    }
                }
            }
            long everywhere = Arrays.stream(endedEverywhere).filter(n -> n == instances).count();
            requests.print(instances, droplets, everywhere, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            threads.shutdownNow();
            teardowns.forEach(Teardown::close);
        }
    }

    /** Every status request of every instance, by Droplet, with when it was answered. */
    private static final class Requests implements ExchangeListener {

        private final Map<DropletId, ConcurrentLinkedQueue<Instant>> byDroplet = new ConcurrentHashMap<>();
        private final AtomicInteger rateLimited = new AtomicInteger();
        private final AtomicInteger total = new AtomicInteger();

        @Override
        public void onExchange(Exchange exchange) {
            Matcher matcher = STATUS_PATH.matcher(exchange.path());
            if (!matcher.matches()) {
                return;
            }
            total.incrementAndGet();
            if (exchange.status().isPresent() && exchange.status().getAsInt() == 429) {
                rateLimited.incrementAndGet();
            }
            byDroplet.computeIfAbsent(DropletId.of(Long.parseLong(matcher.group(1))), id -> new ConcurrentLinkedQueue<>())
                    .add(Instant.now());
        }

        void print(int instances, List<DropletId> droplets, long endedEverywhere, Duration took) {
            double sum = 0;
            int max = 0;
            double perWindowSum = 0;
            double perWindowMax = 0;
            for (DropletId id : droplets) {
                List<Instant> times = new ArrayList<>(byDroplet.getOrDefault(id, new ConcurrentLinkedQueue<>()));
                times.sort(null);
                int n = times.size();
                sum += n;
                max = Math.max(max, n);
                // a droplet asked over a span of s seconds had s / 2 s in-progress windows, and one more for its end
                double windows = n == 0 ? 1
                        : Math.floor(Duration.between(times.get(0), times.get(n - 1)).toMillis()
                                / (double) IN_PROGRESS.toMillis()) + 1;
                perWindowSum += n / windows;
                perWindowMax = Math.max(perWindowMax, n / windows);
            }
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.2f, %d | %.2f, %.2f | %d of %d | %.1f |%n", instances,
                    total.get(), rateLimited.get(), sum / droplets.size(), max, perWindowSum / droplets.size(),
                    perWindowMax, endedEverywhere, droplets.size(), took.toMillis() / 1000.0);
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

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required; see the class comment for how to run this");
        }
        return value;
    }
}
