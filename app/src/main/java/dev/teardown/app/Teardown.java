package dev.teardown.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.http.HttpSourceConfig;
import dev.teardown.ports.in.AwaitTeardownUseCase;
import dev.teardown.ports.in.CheckStatusUseCase;
import java.util.Objects;

/**
 * The library's use cases over the DigitalOcean API behind a cache, for platforms that do not use
 * Guice. Build one per token, share it across threads, close it when done.
 *
 * <pre>{@code
 * try (Teardown teardown = Teardown.builder(HttpSourceConfig.of(ApiToken.of(token))).build()) {
 *     StatusAnswer check = teardown.check().check(DropletId.of(61486916));
 * }
 * }</pre>
 */
public final class Teardown implements AutoCloseable {

    private final Injector injector;

    private Teardown(Injector injector) {
        this.injector = injector;
    }

    public static Builder builder(HttpSourceConfig http) {
        return new Builder(http);
    }

    public CheckStatusUseCase check() {
        return injector.getInstance(CheckStatusUseCase.class);
    }

    public AwaitTeardownUseCase await() {
        return injector.getInstance(AwaitTeardownUseCase.class);
    }

    /** Closes the connection pool and the cache. */
    @Override
    public void close() {
        injector.getInstance(Lifecycle.class).close();
    }

    /** Configures a {@link Teardown}: the HTTP source's settings, and the cache's. */
    public static final class Builder {
        private final HttpSourceConfig http;
        private CacheConfig cache = CacheConfig.defaults();

        private Builder(HttpSourceConfig http) {
            this.http = Objects.requireNonNull(http, "http");
        }

        public Builder cache(CacheConfig cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        public Teardown build() {
            return new Teardown(Guice.createInjector(new TeardownModule(http, cache)));
        }
    }
}
