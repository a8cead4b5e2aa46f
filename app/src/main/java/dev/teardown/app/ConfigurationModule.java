package dev.teardown.app;

import com.google.inject.AbstractModule;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpClientConfig;
import java.util.Objects;

/** Binds the configuration given in code: how to reach the API, how long to cache, and who hears each exchange. */
public final class ConfigurationModule extends AbstractModule {

    private final HttpClientConfig http;
    private final CacheConfig cache;
    private final ExchangeListener exchangeListener;

    /** No request log. */
    public ConfigurationModule(HttpClientConfig http, CacheConfig cache) {
        this(http, cache, ExchangeListener.ignoring());
    }

    /** Every request and answer goes to the listener, which never sees the token. */
    public ConfigurationModule(HttpClientConfig http, CacheConfig cache, ExchangeListener exchangeListener) {
        this.http = Objects.requireNonNull(http, "http");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.exchangeListener = Objects.requireNonNull(exchangeListener, "exchangeListener");
    }

    @Override
    protected void configure() {
        bind(HttpClientConfig.class).toInstance(http);
        bind(CacheConfig.class).toInstance(cache);
        bind(ExchangeListener.class).toInstance(exchangeListener);
    }
}
