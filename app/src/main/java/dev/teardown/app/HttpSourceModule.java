package dev.teardown.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.HttpAssociatedResourcesSource;
import dev.teardown.adapters.http.HttpTeardownCommands;
import dev.teardown.adapters.http.HttpTeardownStatusSource;
import dev.teardown.adapters.http.HttpTransport;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateLimitQuotaSource;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.TeardownCommands;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The DigitalOcean API as the {@link Upstream} status source, the {@link AssociatedResourcesSource} and
 * the {@link TeardownCommands}. Needs an {@link HttpClientConfig} and an
 * {@link ExchangeListener} bound by other modules. Every call spends from one {@link RateBudget}: by
 * default this process's own, 80 % of DigitalOcean's limits ({@link RateBudgetConfig#digitalOcean()});
 * a {@link RateBudgetModule} puts another in its place. An {@link InstrumentationModule} hears every call
 * and measures the budget.
 */
public final class HttpSourceModule extends AbstractModule {

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), RateBudget.class).setDefault()
                .toProvider(() -> SlidingLogRateBudget.of(RateBudgetConfig.digitalOcean())).in(Singleton.class);
        // Declared even when nothing instruments the library: then nothing is recorded.
        OptionalBinder.newOptionalBinder(binder(), TeardownInstrumentation.class);
    }

    /** One pool and one retry loop for every call of the API; each call's adapter is built over it. */
    @Provides
    @Singleton
    HttpTransport transport(HttpClientConfig config, Clock clock, Sleeper sleeper,
            ExchangeListener exchangeListener, RateBudget budget, Optional<TeardownInstrumentation> instrumented,
            Lifecycle lifecycle) {
        TeardownInstrumentation instrumentation = instrumented.orElseGet(TeardownInstrumentation::none);
        // Measured first: an instrumentation that refuses the budget leaves no pool open behind it.
        lifecycle.register(instrumentation.measureRateBudget(budget, clock));
        return lifecycle.register(HttpTransport.builder(config)
                .clock(clock).sleeper(sleeper).exchangeListener(exchangeListener)
                .callListener(instrumentation.callListener()).rateBudget(budget).build());
    }

    /** What the API last said of the token's rate limit, for a platform's dashboards. */
    @Provides
    @Singleton
    RateLimitQuotaSource quota(HttpTransport transport) {
        return transport;
    }

    @Provides
    @Singleton
    HttpTeardownStatusSource httpSource(HttpTransport transport) {
        return HttpTeardownStatusSource.over(transport);
    }

    /** What a teardown of a Droplet would take along, listed by the API. */
    @Provides
    @Singleton
    AssociatedResourcesSource resources(HttpTransport transport) {
        return HttpAssociatedResourcesSource.over(transport);
    }

    /** The destroys and the retry, sent by the API. */
    @Provides
    @Singleton
    TeardownCommands commands(HttpTransport transport) {
        return HttpTeardownCommands.over(transport);
    }

    @Provides
    @Singleton
    @Upstream
    TeardownStatusSource upstream(HttpTeardownStatusSource httpSource) {
        return httpSource;
    }
}
