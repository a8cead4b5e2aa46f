package dev.teardown.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.domain.DropletId;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.ReferenceExamples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The cache's meters read its own statistics, evictions included, on a cache that runs everything on the caller. */
class CacheMetersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void evictions_sizeBoundReached_areCountedAndTheSizeStaysWithinIt() throws Exception {
        try (CachingTeardownStatusSource cache = CachingTeardownStatusSource
                .builder(InMemoryTeardownStatusSource.of(ReferenceExamples.openApiStatus()))
                .config(CacheConfig.defaults().withMaximumSize(1)).executor(Runnable::run).build();
                AutoCloseable measured = TeardownMetrics.of(meters).measureCache(cache)) {
            for (long droplet = 1; droplet <= 3; droplet++) {
                cache.statusOf(DropletId.of(droplet));
            }

            assertThat(meters.get("cache.evictions").tag("cache", "teardown.status").functionCounter().count())
                    .isEqualTo(2);
            assertThat(meters.get("cache.size").gauge().value()).isEqualTo(1);
            assertThat(meters.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(3);
            assertThat(meters.get("cache.load").tag("result", "success").functionCounter().count()).isEqualTo(3);
        }
    }

    @Test
    void close_ofWhatMeasuresTheCache_removesItsMeters() throws Exception {
        try (CachingTeardownStatusSource cache = CachingTeardownStatusSource
                .builder(InMemoryTeardownStatusSource.of()).executor(Runnable::run).build()) {
            AutoCloseable measured = TeardownMetrics.builder().meterRegistry(meters).tags("client", "billing").build()
                    .measureCache(cache);
            assertThat(meters.find("cache.gets").tag("client", "billing").meters()).hasSize(2);

            measured.close();

            assertThat(meters.getMeters()).isEmpty();
        }
    }
}
