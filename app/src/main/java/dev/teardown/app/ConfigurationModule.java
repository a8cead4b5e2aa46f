package dev.teardown.app;

import com.google.inject.AbstractModule;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpSourceConfig;
import java.util.Objects;

/** Binds the configuration given in code: how to reach the API and how long to cache; no request log. */
public final class ConfigurationModule extends AbstractModule {

    private final HttpSourceConfig http;
    private final CacheConfig cache;

    public ConfigurationModule(HttpSourceConfig http, CacheConfig cache) {
        this.http = Objects.requireNonNull(http, "http");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    protected void configure() {
        bind(HttpSourceConfig.class).toInstance(http);
        bind(CacheConfig.class).toInstance(cache);
        bind(ExchangeListener.class).toInstance(ExchangeListener.ignoring());
    }
}
