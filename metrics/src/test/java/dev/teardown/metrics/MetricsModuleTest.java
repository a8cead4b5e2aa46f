package dev.teardown.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpAssociatedResourcesSource;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.HttpTransport;
import dev.teardown.app.Lifecycle;
import dev.teardown.app.TeardownModule;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.testkit.ReferenceExamples;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics wired by Guice beside app's modules, and over a transport a platform builds itself. */
class MetricsModuleTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private HttpClientConfig http() {
        return HttpClientConfig.builder(ApiToken.of("test-token-0123456789")).baseUrl(api.baseUrl()).build();
    }

    @Test
    void metricsModule_besideTeardownModule_observesEachCallAndMeasuresTheCacheAndBudget() {
        api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ReferenceExamples.openApiJson())));
        Injector injector = Guice.createInjector(new TeardownModule(http()), new MetricsModule(observations, meters));
        try {
            injector.getInstance(CheckStatusUseCase.class).check(ReferenceExamples.DROPLET_ID);

            TestObservationRegistryAssert.assertThat(observations)
                    .hasObservationWithNameEqualTo("teardown.api.call").that()
                    .hasLowCardinalityKeyValue("operation", "check_status")
                    .hasLowCardinalityKeyValue("outcome", "success");
            assertThat(meters.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(1);
            assertThat(meters.get("teardown.rate.budget.used").tag("window", "minute").gauge().value()).isEqualTo(1);
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    @Test
    void callListener_onATransportOfThePlatformsOwn_namesTheListCall() {
        api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"not_found\",\"message\":\"The resource you were accessing could not be found.\"}")));
        try (HttpTransport transport = HttpTransport.builder(http())
                .callListener(TeardownMetrics.of(observations, meters).callListener()).build()) {
            assertThat(HttpAssociatedResourcesSource.over(transport).resourcesOf(ReferenceExamples.DROPLET_ID)).isEmpty();
        }

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo("teardown.api.call").that()
                .hasContextualNameEqualTo("teardown list_resources")
                .hasLowCardinalityKeyValue("operation", "list_resources")
                .hasLowCardinalityKeyValue("outcome", "not_found")
                .hasLowCardinalityKeyValue("status", "4xx");
        assertThat(meters.get("teardown.api.attempts").tag("operation", "list_resources").counter().count())
                .isEqualTo(1);
    }
}
