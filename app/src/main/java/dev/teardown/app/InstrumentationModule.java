package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Objects;

/**
 * Puts this {@link TeardownInstrumentation} in place of the default, which records nothing: install it
 * beside {@link TeardownModule} (or the modules it installs) to see every call of the API, the cache and
 * the rate budget on a platform's dashboards.
 */
public final class InstrumentationModule extends AbstractModule {

    private final TeardownInstrumentation instrumentation;

    public InstrumentationModule(TeardownInstrumentation instrumentation) {
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), TeardownInstrumentation.class).setBinding().toInstance(instrumentation);
    }
}
