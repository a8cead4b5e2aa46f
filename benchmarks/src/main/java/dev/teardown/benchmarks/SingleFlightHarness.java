package dev.teardown.benchmarks;

import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.FreshnessPolicy;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single flight under a burst: 1, 16 and 256 callers released together ask {@link CachingTeardownStatusSource}
 * for one Droplet whose upstream takes 20 ms. Each window starts with the entry expired (a ticker moved
 * by hand past the in-progress expiry), so every window must cost exactly one upstream call.
 *
 * <p>A plain {@code main}, not JMH: what is measured is a count per window and the latency of each caller
 * in a burst, and JMH's per-thread invocation loop has no notion of "all callers released at once".
 */
public final class SingleFlightHarness {

    private static final DropletId ID = ReferenceExamples.DROPLET_ID;
    private static final long UPSTREAM_MILLIS = 20;
    private static final int WARMUP_WINDOWS = 5;
    private static final long SETTLE_MILLIS = 10;

    private SingleFlightHarness() {
    }

    public static void main(String[] args) throws Exception {
        int windows = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int[] callerCounts = {1, 16, 256};
        System.out.printf(Locale.ROOT, "upstream %d ms, in-progress expiry %s, %d measured windows (+%d warm-up) per row%n",
                UPSTREAM_MILLIS, FreshnessPolicy.DEFAULT_IN_PROGRESS, windows, WARMUP_WINDOWS);
        System.out.println("| callers | upstream calls per window (min..max) | windows | caller latency p50 ms | p99 ms | max ms |");
        System.out.println("|---:|---|---:|---:|---:|---:|");
        boolean allOne = true;
        for (int callers : callerCounts) {
            allOne &= run(callers, windows);
        }
        if (!allOne) {
            System.out.println("FAILED: some window made more or fewer than one upstream call");
            System.exit(1);
        }
    }

    private static boolean run(int callers, int windows) throws Exception {
        TeardownStatus inProgress = TeardownStatusBuilder.status(ID)
                .dropletPending("droplet")
                .pending(ResourceKind.VOLUME, "61486916", "volume")
                .build();
        AtomicInteger upstreamCalls = new AtomicInteger();
        TeardownStatusSource slowUpstream = dropletId -> {
            upstreamCalls.incrementAndGet();
            try {
                Thread.sleep(UPSTREAM_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(inProgress);
        };
        AtomicLong nanos = new AtomicLong(System.nanoTime());
        CacheConfig config = CacheConfig.defaults();
        long windowStep = config.inProgress().toNanos() + TimeUnit.MILLISECONDS.toNanos(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        int minCalls = Integer.MAX_VALUE;
        int maxCalls = 0;
        List<Long> latencies = new ArrayList<>();
        try (CachingTeardownStatusSource caching = CachingTeardownStatusSource.builder(slowUpstream)
                .config(config)
                .ticker(nanos::get)
                .build()) {
            for (int window = 0; window < WARMUP_WINDOWS + windows; window++) {
                // Caffeine stamps an entry's expiry in a completion callback that can run just after the
                // callers wake; moving the ticker before it ran would stamp the next window instead.
                Thread.sleep(SETTLE_MILLIS);
                nanos.addAndGet(windowStep);
                int before = upstreamCalls.get();
                long[] windowLatencies = burst(pool, caching, callers);
                int calls = upstreamCalls.get() - before;
                if (window >= WARMUP_WINDOWS) {
                    minCalls = Math.min(minCalls, calls);
                    maxCalls = Math.max(maxCalls, calls);
                    for (long latency : windowLatencies) {
                        latencies.add(latency);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %d | %d..%d | %d | %.2f | %.2f | %.2f |%n",
                callers, minCalls, maxCalls, windows,
                millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)), millis(sorted[sorted.length - 1]));
        return minCalls == 1 && maxCalls == 1;
    }

    /** Releases every caller at once; each times its own call. */
    private static long[] burst(ExecutorService pool, CachingTeardownStatusSource caching, int callers)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> calls = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            calls.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                long start = System.nanoTime();
                caching.statusOf(ID);
                return System.nanoTime() - start;
            }));
        }
        ready.await();
        go.countDown();
        long[] latencies = new long[callers];
        for (int i = 0; i < callers; i++) {
            latencies[i] = calls.get(i).get(30, TimeUnit.SECONDS);
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
