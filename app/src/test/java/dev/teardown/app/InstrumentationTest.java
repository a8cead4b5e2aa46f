package dev.teardown.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.teardown.adapters.cache.CachingTeardownStatusSource;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.CallListener;
import dev.teardown.adapters.http.CallOutcome;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.testkit.ReferenceExamples;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a platform plugs in hears every call and measures the cache and the budget, through the builder and through Guice. */
class InstrumentationTest {

    private static final DropletId DROPLET = DropletId.of(61486916);

    private WireMockServer api;
    private final Recording recording = new Recording();

    /** Hears everything and remembers it, as teardown-metrics would record it. */
    private static final class Recording implements TeardownInstrumentation {
        final List<CallListener.CallEnd> calls = new CopyOnWriteArrayList<>();
        final List<CachingTeardownStatusSource> caches = new CopyOnWriteArrayList<>();
        final List<RateBudget> budgets = new CopyOnWriteArrayList<>();
        final List<String> stopped = new CopyOnWriteArrayList<>();

        @Override
        public CallListener callListener() {
            return operation -> calls::add;
        }

        @Override
        public AutoCloseable measureCache(CachingTeardownStatusSource cache) {
            caches.add(cache);
            return () -> stopped.add("cache");
        }

        @Override
        public AutoCloseable measureRateBudget(RateBudget budget, Clock clock) {
            budgets.add(budget);
            return () -> stopped.add("budget");
        }
    }

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ReferenceExamples.openApiJson())));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private HttpClientConfig http() {
        return HttpClientConfig.builder(ApiToken.of("test-token-0123456789")).baseUrl(api.baseUrl()).build();
    }

    @Test
    void builder_withInstrumentation_hearsEachCallAndMeasuresTheCacheAndTheBudgetOnce() {
        SlidingLogRateBudget budget = SlidingLogRateBudget.digitalOcean();
        try (Teardown teardown = Teardown.builder(http()).rateBudget(budget).instrumentation(recording).build()) {
            teardown.check().check(DROPLET);
            teardown.check().check(DROPLET);

            assertThat(recording.calls).singleElement()
                    .satisfies(end -> assertThat(end.outcome()).isEqualTo(CallOutcome.SUCCESS));
            assertThat(recording.caches).hasSize(1);
            assertThat(recording.budgets).containsExactly(budget);
            assertThat(recording.stopped).isEmpty();
        }
        assertThat(recording.stopped).containsExactlyInAnyOrder("cache", "budget");
    }

    @Test
    void builder_withoutCache_measuresNoCache() {
        try (Teardown teardown = Teardown.builder(http()).withoutCache().instrumentation(recording).build()) {
            teardown.check().check(DROPLET);
        }

        assertThat(recording.caches).isEmpty();
        assertThat(recording.budgets).hasSize(1);
        assertThat(recording.calls).hasSize(1);
    }

    @Test
    void instrumentationModule_besideTeardownModule_hearsEachCall() {
        Injector injector = Guice.createInjector(new TeardownModule(http()), new InstrumentationModule(recording));
        try {
            injector.getInstance(CheckStatusUseCase.class).check(DROPLET);

            assertThat(recording.calls).hasSize(1);
            assertThat(recording.caches).hasSize(1);
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
        assertThat(recording.stopped).containsExactlyInAnyOrder("cache", "budget");
    }

    @Test
    void none_callListener_isTheOneThatHearsNothing() {
        assertThat(TeardownInstrumentation.none().callListener()).isSameAs(CallListener.ignoring());
    }
}
