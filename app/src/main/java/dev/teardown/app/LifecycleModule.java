package dev.teardown.app;

import com.google.inject.AbstractModule;

/** One {@link Lifecycle} per injector, to close what the other modules open. */
public final class LifecycleModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Lifecycle.class).asEagerSingleton();
    }
}
