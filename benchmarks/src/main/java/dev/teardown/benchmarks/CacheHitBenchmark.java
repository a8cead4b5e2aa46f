package dev.teardown.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.ReferenceExamples;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/** A hit on a warmed entry of {@link CachingTeardownStatusSource} against a raw Caffeine {@code getIfPresent}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheHitBenchmark {

    private static final DropletId ID = ReferenceExamples.DROPLET_ID;

    private CachingTeardownStatusSource caching;
    private Cache<DropletId, Optional<TeardownStatus>> caffeine;
    private InMemoryTeardownStatusSource upstream;

    @Setup
    public void setUp() {
        upstream = InMemoryTeardownStatusSource.of(ReferenceExamples.checkStatusDocStatus());
        // Long enough that no entry expires during a run: every measured call is a hit.
        Duration forever = Duration.ofDays(1);
        caching = CachingTeardownStatusSource.builder(upstream)
                .config(CacheConfig.defaults().withSucceeded(forever))
                .build();
        caching.statusOf(ID);
        // The same bound, expiry and statistics as the adapter's cache, on the synchronous API.
        caffeine = Caffeine.newBuilder()
                .maximumSize(CacheConfig.DEFAULT_MAXIMUM_SIZE)
                .expireAfterWrite(forever)
                .recordStats()
                .build();
        caffeine.put(ID, Optional.of(ReferenceExamples.checkStatusDocStatus()));
    }

    @TearDown
    public void tearDown() {
        if (upstream.lookups(ID) != 1) {
            throw new IllegalStateException("expected one upstream lookup, saw " + upstream.lookups(ID));
        }
        caching.close();
    }

    @Benchmark
    @Threads(1)
    public Optional<TeardownStatus> adapterHit_1t() {
        return caching.statusOf(ID);
    }

    @Benchmark
    @Threads(2)
    public Optional<TeardownStatus> adapterHit_2t() {
        return caching.statusOf(ID);
    }

    @Benchmark
    @Threads(1)
    public Optional<TeardownStatus> caffeineGetIfPresent_1t() {
        return caffeine.getIfPresent(ID);
    }

    @Benchmark
    @Threads(2)
    public Optional<TeardownStatus> caffeineGetIfPresent_2t() {
        return caffeine.getIfPresent(ID);
    }
}
