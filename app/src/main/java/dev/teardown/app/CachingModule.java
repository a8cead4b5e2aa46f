package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Puts the in-process cache in the source chain, nearest the use cases. Needs a {@link CacheConfig}; an
 * {@link InstrumentationModule} measures the cache.
 */
public final class CachingModule extends AbstractModule {

    /** The cache's place in the chain: in front of every other layer. */
    public static final int ORDER = 100;

    @Override
    protected void configure() {
        install(new SourceChainModule());
        OptionalBinder.newOptionalBinder(binder(), TeardownInstrumentation.class);
    }

    @ProvidesIntoSet
    StatusSourceDecorator cache(CacheConfig config, @Ticker LongSupplier ticker, Optional<TeardownInstrumentation> instrumented,
            Lifecycle lifecycle) {
        TeardownInstrumentation instrumentation = instrumented.orElseGet(TeardownInstrumentation::none);
        return StatusSourceDecorator.of(ORDER, inner -> {
            CachingTeardownStatusSource cache = lifecycle.register(
                    CachingTeardownStatusSource.builder(inner).config(config).ticker(ticker).build());
            lifecycle.register(instrumentation.measureCache(cache));
            return cache;
        });
    }
}
