package dev.teardown.app;

import com.google.inject.AbstractModule;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.http.HttpClientConfig;

/**
 * What a platform installs to get {@link dev.teardown.ports.in.CheckStatusUseCase},
 * {@link dev.teardown.ports.in.AwaitTeardownUseCase} and {@link dev.teardown.ports.in.WatchTeardownsUseCase}
 * over the DigitalOcean API behind a cache. Close the injector's {@link Lifecycle} when done.
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
        install(new WatchModule());
    }
}
