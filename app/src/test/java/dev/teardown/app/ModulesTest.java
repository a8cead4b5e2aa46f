package dev.teardown.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import dev.teardown.adapters.cache.CacheConfig;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.adapters.http.HttpSourceConfig;
import dev.teardown.adapters.http.HttpTeardownStatusSource;
import dev.teardown.app.sandbox.SandboxModule;
import dev.teardown.app.sandbox.SandboxScenarios;
import dev.teardown.app.sandbox.SandboxServer;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.testkit.InMemoryTeardownStatusSource;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import jakarta.inject.Singleton;
import java.net.URI;
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
                new TeardownModule(HttpSourceConfig.builder(TOKEN).baseUrl("http://127.0.0.1:9").build()));
        try {
            assertThat(injector.getInstance(TeardownStatusSource.class)).isInstanceOf(CachingTeardownStatusSource.class);
            assertThat(injector.getInstance(Key.get(TeardownStatusSource.class, Upstream.class)))
                    .isInstanceOf(HttpTeardownStatusSource.class);
            assertThat(injector.getInstance(CheckStatusUseCase.class)).isNotNull();
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
    void sandboxModule_pointsTheRealHttpStackAtTheSandbox() {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        Injector injector = Guice.createInjector(new LifecycleModule(), new TimeModule(clock, clock.sleeper()),
                new SandboxModule(), new HttpSourceModule(), new UncachedModule(), new UseCasesModule(),
                new AbstractModule() {
                    @Provides
                    HttpSourceConfig config(ApiEndpoint endpoint) {
                        return HttpSourceConfig.builder(endpoint.token()).baseUrl(endpoint.baseUrl()).build();
                    }

                    @Override
                    protected void configure() {
                        bind(ExchangeListener.class).toInstance(ExchangeListener.ignoring());
                    }
                });
        try {
            URI sandbox = injector.getInstance(SandboxServer.class).uri();
            CheckStatusUseCase check = injector.getInstance(CheckStatusUseCase.class);

            assertThat(sandbox.getHost()).isEqualTo("127.0.0.1");
            assertThat(check.check(SandboxScenarios.SUCCEEDS)).isInstanceOf(StatusAnswer.Reported.class);
            assertThat(check.check(DropletId.of(5))).isInstanceOf(StatusAnswer.NotFound.class);
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    @Test
    void teardownBuilder_embedsTheStackWithoutGuiceInTheCaller() {
        try (SandboxServer sandbox = SandboxServer.start();
                Teardown teardown = Teardown.builder(HttpSourceConfig.builder(TOKEN).baseUrl(sandbox.uri()).build())
                        .build()) {
            StatusAnswer check = teardown.check().check(SandboxScenarios.FAILS_ONE_VOLUME);

            assertThat(check).isInstanceOf(StatusAnswer.Reported.class);
        }
    }
}
