package dev.teardown.app;

import com.google.inject.AbstractModule;

/**
 * The source chain without the in-process cache: the {@link Upstream} source is asked every time, unless
 * another module adds a layer.
 */
public final class UncachedModule extends AbstractModule {

    @Override
    protected void configure() {
        install(new SourceChainModule());
    }
}
