package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpSourceConfig;
import dev.teardown.adapters.http.HttpTeardownStatusSource;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownStatusSource;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The DigitalOcean API as the {@link Upstream} source. Needs an {@link HttpSourceConfig} and an
 * {@link ExchangeListener} bound by other modules.
 */
public final class HttpSourceModule extends AbstractModule {

    @Provides
    @Singleton
    HttpTeardownStatusSource httpSource(HttpSourceConfig config, Clock clock, Sleeper sleeper,
            ExchangeListener exchangeListener, Lifecycle lifecycle) {
        return lifecycle.register(HttpTeardownStatusSource.builder(config)
                .clock(clock).sleeper(sleeper).exchangeListener(exchangeListener).build());
    }

    @Provides
    @Singleton
    @Upstream
    TeardownStatusSource upstream(HttpTeardownStatusSource httpSource) {
        return httpSource;
    }
}
