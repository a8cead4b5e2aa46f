package dev.teardown.benchmarks;

import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.adapters.redis.RedisTeardownStatusSource;
import dev.teardown.adapters.redis.RedisTier;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.FreshnessPolicy;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What a hit in the shared cache on Redis costs over a hit in the in-process one, in one JVM run: every
 * lookup of one fresh answer timed on its own ({@link System#nanoTime()}), the three ways taking turns in
 * rounds so that all of them see the same load.
 *
 * <ul>
 *   <li><b>in-process hit</b>: the Caffeine cache ({@link CachingTeardownStatusSource}) keeps the answer;
 *   <li><b>in-process miss, Redis hit</b>: the chain a {@code Teardown} built with {@code .redis(…)} has,
 *       Caffeine in front of {@link RedisTeardownStatusSource}, with an in-process freshness of zero so
 *       that every lookup misses Caffeine and reads the answer Redis keeps;
 *   <li><b>Redis hit alone</b>: {@link RedisTeardownStatusSource} without Caffeine in front, to show what
 *       Caffeine's miss adds;
 *   <li><b>the chain on the calling thread</b>: the chain with the in-process cache's executor
 *       {@code Runnable::run}, so that a miss asks Redis without handing the call to another thread (not
 *       how a {@code Teardown} is wired: it shows what that hand-off costs).
 * </ul>
 *
 * <p>A plain {@code main} rather than JMH, for percentiles of single lookups side by side. Without
 * {@code --redis}, a {@code redis-server} from the PATH is started on a free loopback port. The answers
 * come from an in-memory source that must be asked once per way (checked at the end: a second ask means a
 * lookup missed, or Redis was away and the tier went on without it).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.teardown.benchmarks.SharedCacheHitHarness [--lookups 100000] [--redis URI]
 * </pre>
 */
public final class SharedCacheHitHarness {

    private static final DropletId ID = ReferenceExamples.DROPLET_ID;
    private static final Duration FOREVER = Duration.ofDays(1);
    private static final int ROUNDS = 10;

    private SharedCacheHitHarness() {
    }

    public static void main(String[] args) throws Exception {
        int lookups = 100_000;
        URI redis = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--lookups" -> lookups = Integer.parseInt(args[i + 1]);
                case "--redis" -> redis = URI.create(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class comment");
            }
        }
        RedisServerExtension ownRedis = null;
        if (redis == null) {
            ownRedis = RedisServerExtension.create();
            ownRedis.start();
            redis = ownRedis.uri();
        }
        try {
            measure(redis, lookups);
        } finally {
            if (ownRedis != null) {
                ownRedis.close();
            }
        }
    }

    private static void measure(URI redis, int lookups) {
        FreshnessPolicy forever = new FreshnessPolicy(FOREVER, FOREVER, FOREVER, FOREVER);
        FreshnessPolicy nothing = new FreshnessPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        TeardownStatus answer = ReferenceExamples.checkStatusDocStatus();
        InMemoryTeardownStatusSource forCaffeine = InMemoryTeardownStatusSource.of(answer);
        InMemoryTeardownStatusSource forChain = InMemoryTeardownStatusSource.of(answer);
        InMemoryTeardownStatusSource forRedis = InMemoryTeardownStatusSource.of(answer);
        InMemoryTeardownStatusSource forInline = InMemoryTeardownStatusSource.of(answer);
        String prefix = "hitcost-" + UUID.randomUUID() + ":";
        try (RedisTier tier = RedisTier.builder(redis).keyPrefix(prefix).build();
             RedisTier aloneTier = RedisTier.builder(redis).keyPrefix(prefix + "alone:").build();
             RedisTier inlineTier = RedisTier.builder(redis).keyPrefix(prefix + "inline:").build();
             CachingTeardownStatusSource caffeine = CachingTeardownStatusSource.builder(forCaffeine)
                     .config(CacheConfig.defaults().withFreshness(forever)).build();
             CachingTeardownStatusSource chain = CachingTeardownStatusSource.builder(
                     RedisTeardownStatusSource.builder(tier, forChain).freshness(forever).build())
                     .config(CacheConfig.defaults().withFreshness(nothing)).build();
             CachingTeardownStatusSource inline = CachingTeardownStatusSource.builder(
                     RedisTeardownStatusSource.builder(inlineTier, forInline).freshness(forever).build())
                     .config(CacheConfig.defaults().withFreshness(nothing)).executor(Runnable::run).build()) {
            RedisTeardownStatusSource redisAlone = RedisTeardownStatusSource.builder(aloneTier, forRedis)
                    .freshness(forever).build();
            List<Way> ways = List.of(
                    new Way("in-process hit (Caffeine)", caffeine, forCaffeine, lookups),
                    new Way("in-process miss, Redis hit (the .redis(…) chain)", chain, forChain, lookups),
                    new Way("Redis hit alone (no Caffeine in front)", redisAlone, forRedis, lookups),
                    new Way("the chain, Caffeine asking Redis on the calling thread", inline, forInline, lookups));
            // warm-up: the JIT, Lettuce's and Netty's first use, the script loaded into Redis
            for (int round = 0; round < ROUNDS; round++) {
                ways.forEach(way -> way.run(lookups / ROUNDS, false));
            }
            for (int round = 0; round < ROUNDS; round++) {
                ways.forEach(way -> way.run(lookups / ROUNDS, true));
            }
            System.out.printf(Locale.ROOT, "%,d lookups of one fresh answer per way, after as many to warm up, "
                    + "in %d rounds taking turns; %d CPUs; Redis %s:%d%n", lookups, ROUNDS,
                    Runtime.getRuntime().availableProcessors(), redis.getHost(), redis.getPort());
            System.out.println("| lookup | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | asked the source |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            ways.forEach(Way::print);
            Way hit = ways.get(0);
            Way shared = ways.get(1);
            System.out.printf(Locale.ROOT, "a shared-cache hit adds %.2f µs at p50 and %.2f µs at p99 over an in-process hit%n",
                    (shared.percentile(0.50) - hit.percentile(0.50)) / 1000.0,
                    (shared.percentile(0.99) - hit.percentile(0.99)) / 1000.0);
        }
    }

    /** One way of looking the answer up, and every measured lookup's time. */
    private static final class Way {
        private final String name;
        private final TeardownStatusSource source;
        private final InMemoryTeardownStatusSource origin;
        private final long[] nanos;
        private int measured;
        private Optional<TeardownStatus> sink;

        Way(String name, TeardownStatusSource source, InMemoryTeardownStatusSource origin, int lookups) {
            this.name = name;
            this.source = source;
            this.origin = origin;
            this.nanos = new long[lookups];
        }

        void run(int count, boolean measure) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                sink = source.statusOf(ID);
                long took = System.nanoTime() - start;
                if (measure && measured < nanos.length) {
                    nanos[measured++] = took;
                }
            }
            if (sink.isEmpty()) {
                throw new IllegalStateException(name + ": the answer went missing");
            }
        }

        long percentile(double p) {
            long[] sorted = Arrays.copyOf(nanos, measured);
            Arrays.sort(sorted);
            return sorted[Math.min(measured - 1, (int) Math.ceil(p * measured) - 1)];
        }

        void print() {
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %d |%n", name,
                    percentile(0.50) / 1000.0, percentile(0.90) / 1000.0, percentile(0.99) / 1000.0,
                    percentile(0.999) / 1000.0, percentile(1.0) / 1000.0, origin.lookups(ID));
        }
    }
}
