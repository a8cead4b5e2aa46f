package dev.teardown.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.HttpTeardownStatusSource;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.WatchTeardownsUseCase;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.sandbox.SandboxScenarios;
import dev.teardown.sandbox.SandboxServer;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Guice graph builds in each configuration the command and embedders use. */
class ModulesTest {

    private static final ApiToken TOKEN = ApiToken.of("test-token-0123456789");

    /** The in-memory source in place of the HTTP one: installed instead of HttpSourceModule, not overridden. */
    static final class InMemorySourceModule extends AbstractModule {
        private final InMemoryTeardownStatusSource source;

        InMemorySourceModule(InMemoryTeardownStatusSource source) {
            this.source = source;
        }

        @Provides
        @Singleton
        @Upstream
        TeardownStatusSource upstream() {
            return source;
        }
    }

    @Test
    void teardownModule_buildsTheCachedHttpStackWithTheRawSourceReachable() {
        Injector injector = Guice.createInjector(
                new TeardownModule(HttpClientConfig.builder(TOKEN).baseUrl("http://127.0.0.1:9").build()));
        try {
            assertThat(injector.getInstance(TeardownStatusSource.class)).isInstanceOf(CachingTeardownStatusSource.class);
            assertThat(injector.getInstance(Key.get(TeardownStatusSource.class, Upstream.class)))
                    .isInstanceOf(HttpTeardownStatusSource.class);
            assertThat(injector.getInstance(CheckStatusUseCase.class)).isNotNull();
            assertThat(injector.getInstance(WatchTeardownsUseCase.class)).isNotNull();
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    @Test
    void inMemorySourceModule_takesThePlaceOfTheHttpSourceBehindTheCache() {
        InMemoryTeardownStatusSource source = InMemoryTeardownStatusSource.of(ReferenceExamples.openApiStatus());
        Injector injector = Guice.createInjector(new LifecycleModule(), TimeModule.system(),
                new InMemorySourceModule(source), new CachingModule(), new UseCasesModule(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(CacheConfig.class).toInstance(CacheConfig.defaults());
                    }
                });
        CheckStatusUseCase check = injector.getInstance(CheckStatusUseCase.class);

        check.check(ReferenceExamples.DROPLET_ID);
        StatusAnswer second = check.check(ReferenceExamples.DROPLET_ID);

        assertThat(second).isInstanceOf(StatusAnswer.Reported.class);
        assertThat(source.lookups(ReferenceExamples.DROPLET_ID)).isEqualTo(1);
        injector.getInstance(Lifecycle.class).close();
    }

    @Test
    void uncachedModule_asksTheUpstreamEveryTime() {
        InMemoryTeardownStatusSource source = InMemoryTeardownStatusSource.of(ReferenceExamples.openApiStatus());
        Injector injector = Guice.createInjector(new LifecycleModule(), TimeModule.system(),
                new InMemorySourceModule(source), new UncachedModule(), new UseCasesModule());
        CheckStatusUseCase check = injector.getInstance(CheckStatusUseCase.class);

        check.check(ReferenceExamples.DROPLET_ID);
        check.check(ReferenceExamples.DROPLET_ID);

        assertThat(injector.getInstance(TeardownStatusSource.class)).isSameAs(source);
        assertThat(source.lookups(ReferenceExamples.DROPLET_ID)).isEqualTo(2);
    }

    @Test
    void httpSourceModule_pointsTheRealHttpStackAtTheSandbox() {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        try (SandboxServer sandbox = SandboxServer.start(0, clock)) {
            Injector injector = Guice.createInjector(new LifecycleModule(), new TimeModule(clock, clock.sleeper()),
                    new HttpSourceModule(), new UncachedModule(), new UseCasesModule(),
                    new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(HttpClientConfig.class).toInstance(HttpClientConfig.builder(TOKEN)
                                    .baseUrl(sandbox.uri()).build());
                            bind(ExchangeListener.class).toInstance(ExchangeListener.ignoring());
                        }
                    });
            try {
                URI uri = sandbox.uri();
                CheckStatusUseCase check = injector.getInstance(CheckStatusUseCase.class);

                assertThat(uri.getHost()).isEqualTo("127.0.0.1");
                assertThat(check.check(SandboxScenarios.SUCCEEDS)).isInstanceOf(StatusAnswer.Reported.class);
                assertThat(check.check(DropletId.of(5))).isInstanceOf(StatusAnswer.NotFound.class);
            } finally {
                injector.getInstance(Lifecycle.class).close();
            }
        }
    }

    /** A layer that counts the lookups reaching it and remembers what it wraps. */
    static final class CountingLayerModule extends AbstractModule {
        private final int order;
        final AtomicInteger lookups = new AtomicInteger();
        final List<TeardownStatusSource> wrapped = new ArrayList<>();

        CountingLayerModule(int order) {
            this.order = order;
        }

        @Override
        protected void configure() {
            install(new SourceChainModule());
        }

        @ProvidesIntoSet
        StatusSourceDecorator counting() {
            return StatusSourceDecorator.of(order, inner -> {
                wrapped.add(inner);
                return new TeardownStatusSource() {
                    @Override
                    public Optional<TeardownStatus> statusOf(DropletId dropletId) {
                        lookups.incrementAndGet();
                        return inner.statusOf(dropletId);
                    }
                };
            });
        }
    }

    private static Injector chain(InMemoryTeardownStatusSource origin, AbstractModule... layers) {
        List<com.google.inject.Module> modules = new ArrayList<>(List.of(new LifecycleModule(), TimeModule.system(),
                new InMemorySourceModule(origin), new UseCasesModule(), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(CacheConfig.class).toInstance(CacheConfig.defaults());
                    }
                }));
        modules.addAll(List.of(layers));
        return Guice.createInjector(modules);
    }

    @Test
    void sourceChain_layerBehindTheCache_wrapsTheOriginAndSeesOnlyWhatTheCacheMisses() {
        InMemoryTeardownStatusSource origin = InMemoryTeardownStatusSource.of(ReferenceExamples.openApiStatus());
        CountingLayerModule behindTheCache = new CountingLayerModule(150);
        Injector injector = chain(origin, new CachingModule(), behindTheCache);
        CheckStatusUseCase check = injector.getInstance(CheckStatusUseCase.class);

        check.check(ReferenceExamples.DROPLET_ID);
        check.check(ReferenceExamples.DROPLET_ID);

        assertThat(injector.getInstance(TeardownStatusSource.class)).isInstanceOf(CachingTeardownStatusSource.class);
        assertThat(behindTheCache.wrapped).containsExactly(origin);
        assertThat(behindTheCache.lookups).hasValue(1);
        assertThat(origin.lookups(ReferenceExamples.DROPLET_ID)).isEqualTo(1);
        injector.getInstance(Lifecycle.class).close();
    }

    @Test
    void sourceChain_layerInFrontOfTheCache_seesEveryLookupAndWrapsTheCache() {
        InMemoryTeardownStatusSource origin = InMemoryTeardownStatusSource.of(ReferenceExamples.openApiStatus());
        CountingLayerModule inFront = new CountingLayerModule(50);
        Injector injector = chain(origin, inFront, new CachingModule());
        CheckStatusUseCase check = injector.getInstance(CheckStatusUseCase.class);

        check.check(ReferenceExamples.DROPLET_ID);
        check.check(ReferenceExamples.DROPLET_ID);

        assertThat(inFront.wrapped).singleElement().isInstanceOf(CachingTeardownStatusSource.class);
        assertThat(inFront.lookups).hasValue(2);
        assertThat(origin.lookups(ReferenceExamples.DROPLET_ID)).isEqualTo(1);
        injector.getInstance(Lifecycle.class).close();
    }

    @Test
    void sourceChain_twoLayersOfOneOrder_isRefused() {
        Injector injector = chain(InMemoryTeardownStatusSource.of(), new CachingModule(),
                new CountingLayerModule(CachingModule.ORDER));

        assertThatThrownBy(() -> injector.getInstance(TeardownStatusSource.class))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("share the order 100");
        injector.getInstance(Lifecycle.class).close();
    }

    @Test
    void teardownModule_byDefault_spendsFromOneBudgetOfEightyPercentOfDigitalOceansLimits() {
        Injector injector = Guice.createInjector(
                new TeardownModule(HttpClientConfig.builder(TOKEN).baseUrl("http://127.0.0.1:9").build()));
        try {
            RateBudget budget = injector.getInstance(RateBudget.class);

            assertThat(budget).isInstanceOf(SlidingLogRateBudget.class).isSameAs(injector.getInstance(RateBudget.class));
            assertThat(((SlidingLogRateBudget) budget).config()).isEqualTo(RateBudgetConfig.digitalOcean());
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    @Test
    void rateBudgetModule_takesThePlaceOfTheDefaultBudgetForEveryCall() {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        // In production a RedisRateBudget, shared by every process of the token.
        RateBudget shared = SlidingLogRateBudget.of(new RateBudgetConfig(10, 1, 1.0));
        try (SandboxServer sandbox = SandboxServer.start(0, clock)) {
            Injector injector = Guice.createInjector(
                    new TeardownModule(HttpClientConfig.builder(TOKEN).baseUrl(sandbox.uri()).build()),
                    new RateBudgetModule(shared));
            try {
                CheckStatusUseCase check = injector.getInstance(CheckStatusUseCase.class);

                check.check(SandboxScenarios.SUCCEEDS);

                assertThat(injector.getInstance(RateBudget.class)).isSameAs(shared);
                assertThat(shared.state(Instant.now()).usedLastMinute()).isEqualTo(1);
                assertThatThrownBy(() -> check.check(SandboxScenarios.FAILS_ONE_VOLUME))
                        .isInstanceOfSatisfying(TeardownApiException.class,
                                e -> assertThat(e.reason()).isEqualTo(TeardownApiException.Reason.RATE_LIMITED));
            } finally {
                injector.getInstance(Lifecycle.class).close();
            }
        }
    }

    @Test
    void teardownBuilder_embedsTheStackWithoutGuiceInTheCaller() {
        try (SandboxServer sandbox = SandboxServer.start();
                Teardown teardown = Teardown.builder(HttpClientConfig.builder(TOKEN).baseUrl(sandbox.uri()).build())
                        .build()) {
            StatusAnswer check = teardown.check().check(SandboxScenarios.FAILS_ONE_VOLUME);

            assertThat(check).isInstanceOf(StatusAnswer.Reported.class);
        }
    }
}
