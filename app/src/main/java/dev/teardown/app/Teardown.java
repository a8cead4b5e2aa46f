package dev.teardown.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.http.HttpSourceConfig;
import dev.teardown.ports.in.AwaitTeardownUseCase;
import dev.teardown.ports.in.CheckStatusUseCase;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final AtomicBoolean closed = new AtomicBoolean();

    private Teardown(Injector injector) {
        this.injector = injector;
    }

    public static Builder builder(HttpSourceConfig http) {
        return new Builder(http);
    }

    /** @throws IllegalStateException once closed; so does every use case it handed out */
    public CheckStatusUseCase check() {
        return open().getInstance(CheckStatusUseCase.class);
    }

    /** @throws IllegalStateException once closed; so does every use case it handed out */
    public AwaitTeardownUseCase await() {
        return open().getInstance(AwaitTeardownUseCase.class);
    }

    /** Closes the connection pool and the cache; every later call is refused. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    // The pool, its threads and the cache are built at first use: a closed Teardown must not build them.
    private Injector open() {
        if (closed.get()) {
            throw new IllegalStateException("this Teardown is closed");
        }
        return injector;
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
