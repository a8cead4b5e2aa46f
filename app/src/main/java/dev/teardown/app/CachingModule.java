package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import java.util.function.LongSupplier;

/** Puts the in-process cache in the source chain, nearest the use cases. Needs a {@link CacheConfig}. */
public final class CachingModule extends AbstractModule {

    /** The cache's place in the chain: in front of every other layer. */
    public static final int ORDER = 100;

    @Override
    protected void configure() {
        install(new SourceChainModule());
    }

    @ProvidesIntoSet
    StatusSourceDecorator cache(CacheConfig config, @Ticker LongSupplier ticker, Lifecycle lifecycle) {
        return StatusSourceDecorator.of(ORDER, inner -> lifecycle.register(
                CachingTeardownStatusSource.builder(inner).config(config).ticker(ticker).build()));
    }
}
