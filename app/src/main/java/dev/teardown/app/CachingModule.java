package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.ports.out.TeardownStatusSource;
import jakarta.inject.Singleton;
import java.util.function.LongSupplier;

/** The application's source is the {@link Upstream} one behind a cache. */
public final class CachingModule extends AbstractModule {

    @Provides
    @Singleton
    CachingTeardownStatusSource cachingSource(@Upstream TeardownStatusSource upstream, CacheConfig config,
            @Ticker LongSupplier ticker, Lifecycle lifecycle) {
        return lifecycle.register(CachingTeardownStatusSource.builder(upstream).config(config).ticker(ticker).build());
    }

    @Provides
    @Singleton
    TeardownStatusSource source(CachingTeardownStatusSource cachingSource) {
        return cachingSource;
    }
}
