package dev.teardown.metrics;

import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The in-process cache's own statistics as Micrometer's cache meters ({@code cache.gets}, {@code cache.load},
 * {@code cache.evictions}, {@code cache.size}, as its binders for Caffeine name them), read when the
 * registry publishes: the cache counts whether measured or not.
 */
final class CacheMeters {

    /** The value of the {@code cache} tag. */
    static final String CACHE_NAME = "teardown.status";

    private CacheMeters() {
    }

    static AutoCloseable bind(CachingTeardownStatusSource cache, MeterRegistry registry, Tags tags) {
        Tags cacheTags = tags.and("cache", CACHE_NAME);
        BoundMeters meters = new BoundMeters(registry);
        meters.add(FunctionCounter.builder("cache.gets", cache, source -> source.statistics().hits())
                .tags(cacheTags).tag("result", "hit")
                .description("Lookups answered by a kept answer, or by a call under way that answered")
                .register(registry));
        meters.add(FunctionCounter.builder("cache.gets", cache, source -> source.statistics().misses())
                .tags(cacheTags).tag("result", "miss")
                .description("Lookups that called the API, or joined a call that failed")
                .register(registry));
        meters.add(FunctionCounter.builder("cache.load", cache,
                        source -> source.statistics().loads() - source.statistics().loadFailures())
                .tags(cacheTags).tag("result", "success")
                .description("Calls of the API the cache made that answered")
                .register(registry));
        meters.add(FunctionCounter.builder("cache.load", cache, source -> source.statistics().loadFailures())
                .tags(cacheTags).tag("result", "failure")
                .description("Calls of the API the cache made that failed; failures are never kept")
                .register(registry));
        meters.add(FunctionCounter.builder("cache.evictions", cache, source -> source.statistics().evictions())
                .tags(cacheTags)
                .description("Answers dropped because the size bound was reached or their time ran out")
                .register(registry));
        meters.add(Gauge.builder("cache.size", cache, CachingTeardownStatusSource::estimatedSize)
                .tags(cacheTags)
                .description("About how many Droplets' answers are kept")
                .register(registry));
        return meters;
    }
}
