package dev.teardown.app;

import com.google.inject.AbstractModule;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.http.HttpClientConfig;

/**
 * What a platform installs to get the use cases ({@link dev.teardown.ports.in.CheckStatusUseCase},
 * {@link dev.teardown.ports.in.AwaitTeardownUseCase}, {@link dev.teardown.ports.in.WatchTeardownsUseCase},
 * {@link dev.teardown.ports.in.ListResourcesUseCase}, {@link dev.teardown.ports.in.DestroyTeardownUseCase},
 * {@link dev.teardown.ports.in.RetryTeardownUseCase}) over the DigitalOcean API behind a cache. Close the
 * injector's {@link Lifecycle} when done. Install an {@link InstrumentationModule} beside it to see what it
 * does on a platform's dashboards.
 */
public final class TeardownModule extends AbstractModule {

    private final HttpClientConfig http;
    private final CacheConfig cache;

    public TeardownModule(HttpClientConfig http, CacheConfig cache) {
        this.http = http;
        this.cache = cache;
    }

    public TeardownModule(HttpClientConfig http) {
        this(http, CacheConfig.defaults());
    }

    @Override
    protected void configure() {
        install(new LifecycleModule());
        install(TimeModule.system());
        install(new ConfigurationModule(http, cache));
        install(new HttpSourceModule());
        install(new CachingModule());
        install(new UseCasesModule());
        install(new CommandsModule());
        install(new WatchModule());
    }
}
