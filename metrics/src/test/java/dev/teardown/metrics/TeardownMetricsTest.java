package dev.teardown.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.app.Teardown;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real calls through the library's {@link Teardown} against an API on loopback, seen as a platform
 * sees them: observations in Micrometer's test registry (a timer each in the meter registry), counters
 * and gauges in a simple meter registry.
 */
class TeardownMetricsTest {

    private static final DropletId DROPLET = ReferenceExamples.DROPLET_ID;
    private static final String TOKEN = "dop_v1_5e3b1c0ffee2a9d4b7c68f01e2d3c4b5a6978877665544332211aabbccddeeff";
    private static final String CALL = "teardown.api.call";

    private final ManualClock clock = ManualClock.at("2026-11-30T10:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private WireMockServer api;

    @BeforeEach
    void start() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private HttpClientConfig.Builder http() {
        return HttpClientConfig.builder(ApiToken.of(TOKEN)).baseUrl(api.baseUrl());
    }

    private Teardown.Builder teardown() {
        return Teardown.builder(http().build()).clock(clock).sleeper(clock.sleeper())
                .instrumentation(TeardownMetrics.of(observations, meters));
    }

    private static String statusPath(DropletId droplet) {
        return "/v2/droplets/" + droplet.value() + "/destroy_with_associated_resources/status";
    }

    private void answer(ResponseDefinitionBuilder... inTurn) {
        for (int i = 0; i < inTurn.length; i++) {
            var stub = get(urlPathEqualTo(statusPath(DROPLET))).inScenario("turns")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "turn-" + i).willReturn(inTurn[i]);
            api.stubFor(i + 1 < inTurn.length ? stub.willSetStateTo("turn-" + (i + 1)) : stub);
        }
    }

    private static ResponseDefinitionBuilder status() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(ReferenceExamples.openApiJson());
    }

    private static ResponseDefinitionBuilder error(int status, String id) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + id + "\",\"message\":\"no\",\"request_id\":\"r-" + status + "\"}");
    }

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    private double functionCount(String name, String... tags) {
        return meters.get(name).tags(tags).functionCounter().count();
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    @Test
    void check_answered_isOneSuccessfulCallOfOneAttemptWithItsTimer() {
        answer(status());
        try (Teardown teardown = teardown().build()) {
            teardown.check().check(DROPLET);
        }

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(CALL, 1)
                .hasObservationWithNameEqualTo(CALL).that()
                .hasContextualNameEqualTo("teardown check_status")
                .hasLowCardinalityKeyValue("operation", "check_status")
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasLowCardinalityKeyValue("status", "2xx")
                .hasLowCardinalityKeyValue("attempts", "1")
                .doesNotHaveError();
        assertThat(meters.get(CALL).tags("operation", "check_status", "outcome", "success", "status", "2xx",
                "attempts", "1").timer().count()).isEqualTo(1);
        assertThat(count("teardown.api.attempts", "operation", "check_status", "outcome", "success", "status", "2xx"))
                .isEqualTo(1);
    }

    @Test
    void check_theApisNotFound_isANotFoundCallWithAClientStatusAndNoError() {
        answer(error(404, "not_found"));
        try (Teardown teardown = teardown().build()) {
            assertThat(teardown.check().check(DROPLET)).isInstanceOf(StatusAnswer.NotFound.class);
        }

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(CALL).that()
                .hasLowCardinalityKeyValue("outcome", "not_found")
                .hasLowCardinalityKeyValue("status", "4xx")
                .hasLowCardinalityKeyValue("attempts", "1")
                .doesNotHaveError();
    }

    @Test
    void check_serverErrorThenAnswer_isOneSuccessfulCallOfTwoAttemptsEachCounted() {
        answer(error(500, "server_error"), status());
        try (Teardown teardown = teardown().build()) {
            teardown.check().check(DROPLET);
        }

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(CALL, 1)
                .hasObservationWithNameEqualTo(CALL).that()
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasLowCardinalityKeyValue("status", "2xx")
                .hasLowCardinalityKeyValue("attempts", "2");
        assertThat(count("teardown.api.attempts", "outcome", "server_error", "status", "5xx")).isEqualTo(1);
        assertThat(count("teardown.api.attempts", "outcome", "success", "status", "2xx")).isEqualTo(1);
    }

    @Test
    void check_rateLimitedEveryTime_isARateLimitedCallOfThreeAttemptsWithEach429CountedAndTheBudgetPaused() {
        answer(error(429, "too_many_requests").withHeader("Retry-After", "1"));
        try (Teardown teardown = teardown().withoutCache().build()) {
            assertThatThrownBy(() -> teardown.check().check(DROPLET)).isInstanceOf(TeardownApiException.class);

            assertThat(gauge("teardown.rate.budget.paused")).isEqualTo(1);
        }

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(CALL).that()
                .hasLowCardinalityKeyValue("outcome", "rate_limited")
                .hasLowCardinalityKeyValue("status", "4xx")
                .hasLowCardinalityKeyValue("attempts", "3")
                .assertThatError().isInstanceOf(TeardownApiException.class);
        assertThat(count("teardown.api.rate.limited", "operation", "check_status")).isEqualTo(3);
        assertThat(meters.get(CALL).tag("outcome", "rate_limited").timer().count()).isEqualTo(1);
    }

    @Test
    void check_refusedToken_isAnAuthenticationFailureAfterOneAttemptAndAFailedLoad() {
        answer(error(401, "unauthorized"));
        try (Teardown teardown = teardown().build()) {
            assertThatThrownBy(() -> teardown.check().check(DROPLET)).isInstanceOf(TeardownApiException.class);

            assertThat(functionCount("cache.load", "cache", "teardown.status", "result", "failure")).isEqualTo(1);
            assertThat(functionCount("cache.gets", "cache", "teardown.status", "result", "miss")).isEqualTo(1);
        }

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(CALL).that()
                .hasLowCardinalityKeyValue("outcome", "authentication")
                .hasLowCardinalityKeyValue("status", "4xx")
                .hasLowCardinalityKeyValue("attempts", "1")
                .hasError();
    }

    @Test
    void check_twiceFromTheCache_isOneMissOneHitOneLoadAndOneCall() {
        answer(status());
        try (Teardown teardown = teardown().build()) {
            teardown.check().check(DROPLET);
            teardown.check().check(DROPLET);

            assertThat(functionCount("cache.gets", "cache", "teardown.status", "result", "miss")).isEqualTo(1);
            assertThat(functionCount("cache.gets", "cache", "teardown.status", "result", "hit")).isEqualTo(1);
            assertThat(functionCount("cache.load", "cache", "teardown.status", "result", "success")).isEqualTo(1);
            assertThat(functionCount("cache.load", "cache", "teardown.status", "result", "failure")).isZero();
            assertThat(functionCount("cache.evictions", "cache", "teardown.status")).isZero();
            assertThat(gauge("cache.size", "cache", "teardown.status")).isEqualTo(1);
        }

        TestObservationRegistryAssert.assertThat(observations).hasNumberOfObservationsWithNameEqualTo(CALL, 1);
    }

    @Test
    void rateBudget_afterTwoCalls_showsWhatItUsedAllowsAndHasLeft() {
        answer(status());
        try (Teardown teardown = teardown().withoutCache()
                .rateBudget(SlidingLogRateBudget.of(new RateBudgetConfig(100, 10, 1.0))).build()) {
            teardown.check().check(DROPLET);
            teardown.check().check(DROPLET);

            assertThat(gauge("teardown.rate.budget.used", "window", "minute")).isEqualTo(2);
            assertThat(gauge("teardown.rate.budget.used", "window", "hour")).isEqualTo(2);
            assertThat(gauge("teardown.rate.budget.allowed", "window", "minute")).isEqualTo(10);
            assertThat(gauge("teardown.rate.budget.allowed", "window", "hour")).isEqualTo(100);
            assertThat(gauge("teardown.rate.budget.remaining")).isEqualTo(8);
            assertThat(gauge("teardown.rate.budget.waiting")).isZero();
            assertThat(gauge("teardown.rate.budget.paused")).isZero();
        }
    }

    @Test
    void rateBudget_callerWaitingForAPermit_isCountedWhileItWaits() {
        answer(status());
        List<Double> waitingSeenWhileSleeping = new ArrayList<>();
        Sleeper sleeper = duration -> {
            waitingSeenWhileSleeping.add(gauge("teardown.rate.budget.waiting"));
            clock.sleeper().sleep(duration);
        };
        try (Teardown teardown = Teardown.builder(http().callDeadline(Duration.ofMinutes(2)).build())
                .clock(clock).sleeper(sleeper).withoutCache()
                .rateBudget(SlidingLogRateBudget.of(new RateBudgetConfig(100, 1, 1.0)))
                .instrumentation(TeardownMetrics.of(observations, meters)).build()) {
            teardown.check().check(DROPLET);
            teardown.check().check(DROPLET);

            assertThat(waitingSeenWhileSleeping).containsExactly(1.0);
            assertThat(gauge("teardown.rate.budget.waiting")).isZero();
        }
    }

    @Test
    void tagsAndNames_ofEveryCallAndMeter_neverHoldTheDropletOrTheToken() {
        answer(error(500, "server_error"), error(429, "too_many_requests").withHeader("Retry-After", "1"), status());
        try (Teardown teardown = teardown().build()) {
            teardown.check().check(DROPLET);
            DropletId unknown = DropletId.of(DROPLET.value() + 1);
            api.stubFor(get(urlPathEqualTo(statusPath(unknown))).willReturn(error(404, "not_found")));
            teardown.check().check(unknown);

            List<String> shown = new ArrayList<>();
            for (Meter meter : meters.getMeters()) {
                shown.add(meter.getId().getName());
                meter.getId().getTags().forEach(tag -> shown.add(tag.getKey() + "=" + tag.getValue()));
            }
            TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
                assertThat(contexts).hasSize(2);
                for (Observation.Context context : contexts) {
                    shown.add(context.getName());
                    shown.add(context.getContextualName());
                    for (KeyValue keyValue : context.getAllKeyValues()) {
                        shown.add(keyValue.getKey() + "=" + keyValue.getValue());
                    }
                }
            });

            assertThat(shown).contains("outcome=success", "outcome=not_found", "cache=teardown.status")
                    .noneMatch(text -> text.contains(Long.toString(DROPLET.value())))
                    .noneMatch(text -> text.contains(Long.toString(unknown.value())))
                    .noneMatch(text -> text.contains(TOKEN))
                    .noneMatch(text -> text.contains("/v2/"));
        }
    }

    @Test
    void close_removesTheMetersThatReadTheCacheAndTheBudget_andKeepsWhatWasCounted() {
        answer(status());
        try (Teardown teardown = teardown().build()) {
            teardown.check().check(DROPLET);

            assertThat(meters.find("cache.gets").meters()).hasSize(2);
            assertThat(meters.find("teardown.rate.budget.remaining").meters()).hasSize(1);
        }

        assertThat(meters.getMeters()).map(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("cache.") || name.startsWith("teardown.rate.budget."))
                .contains(CALL, "teardown.api.attempts");
    }

    @Test
    void secondTeardown_withTheSameTagsInOneRegistry_isRefusedWithWhatToDo() {
        answer(status());
        try (Teardown first = teardown().build();
                Teardown second = teardown().build()) {
            first.check().check(DROPLET);

            assertThatThrownBy(() -> second.check().check(DROPLET))
                    .rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already has teardown.rate.budget.")
                    .hasMessageContaining("give each Teardown its own tags");
        }
    }

    @Test
    void secondTeardown_withTagsOfItsOwn_isMeasuredBesideTheFirst() {
        answer(status());
        try (Teardown first = teardown().instrumentation(TeardownMetrics.builder().observationRegistry(observations)
                        .meterRegistry(meters).tags("client", "billing").build()).build();
                Teardown second = teardown().instrumentation(TeardownMetrics.builder().observationRegistry(observations)
                        .meterRegistry(meters).tags("client", "support").build()).build()) {
            first.check().check(DROPLET);
            second.check().check(DROPLET);
            second.check().check(DROPLET);

            assertThat(functionCount("cache.gets", "client", "billing", "result", "hit")).isZero();
            assertThat(functionCount("cache.gets", "client", "support", "result", "hit")).isEqualTo(1);
            assertThat(meters.get(CALL).tag("client", "support").timer().count()).isEqualTo(1);
        }
    }

    @Test
    void call_madeWithinThePlatformsObservation_isItsChild() {
        answer(status());
        Observation request = Observation.start("platform.request", observations);
        try (Teardown teardown = teardown().withoutCache().build();
                Observation.Scope scope = request.openScope()) {
            teardown.check().check(DROPLET);
        }
        request.stop();

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(CALL).that().hasParentObservationEqualTo(request);
    }

    @Test
    void of_meterRegistryAlone_timesEachCallThere() {
        answer(status());
        try (Teardown teardown = teardown().instrumentation(TeardownMetrics.of(meters)).build()) {
            teardown.check().check(DROPLET);
        }

        assertThat(meters.get(CALL).tags("operation", "check_status", "outcome", "success").timer().count()).isEqualTo(1);
        TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
    }

    @Test
    void teardown_withoutTheMetrics_recordsNothingAnywhere() {
        answer(status());
        try (Teardown teardown = Teardown.builder(http().build()).clock(clock).sleeper(clock.sleeper()).build()) {
            teardown.check().check(DROPLET);
        }

        assertThat(Metrics.globalRegistry.getMeters()).isEmpty();
        assertThat(meters.getMeters()).isEmpty();
        TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
    }

    @Test
    void builder_withoutAMeterRegistry_saysWhatIsMissing() {
        assertThatThrownBy(() -> TeardownMetrics.builder().observationRegistry(observations).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TeardownMetrics needs a MeterRegistry for its counters and gauges: call meterRegistry(...) before build()");
    }

    @Test
    void rateBudget_unlimited_isNotMeasured() {
        answer(status());
        try (Teardown teardown = teardown().rateBudget(RateBudget.unlimited()).build()) {
            teardown.check().check(DROPLET);

            assertThat(meters.find("teardown.rate.budget.remaining").meters()).isEmpty();
        }
    }

    @Test
    void observationConvention_givenByThePlatform_namesTheCall() {
        answer(status());
        ApiCallObservationConvention renamed = new DefaultApiCallObservationConvention() {
            @Override
            public String getName() {
                return "platform.teardown";
            }
        };
        try (Teardown teardown = teardown().instrumentation(TeardownMetrics.builder().observationRegistry(observations)
                .meterRegistry(meters).observationConvention(renamed).build()).build()) {
            teardown.check().check(DROPLET);
        }

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo("platform.teardown").that()
                .hasLowCardinalityKeyValue("outcome", "success");
        assertThat(meters.find(CALL).meters()).isEmpty();
    }
}
