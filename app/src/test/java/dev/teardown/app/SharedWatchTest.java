package dev.teardown.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.service.FreshnessPolicy;
import dev.teardown.testkit.TeardownStatusBuilder;
import dev.teardown.testkit.redis.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several instances (each its own {@code Teardown}, injector and Redis connection) watching the same
 * teardowns through one Redis: the API is asked about each Droplet once per freshness window across all
 * of them, and every instance sees every answer the API gave.
 *
 * <p>Redis expires answers on its own clock, so this runs in real time: each teardown moves one step
 * per request the API receives, and each step stays in Redis for about the in-progress freshness
 * (2 s, less up to 10 % jitter) while every instance polls every 50 ms.
 */
class SharedWatchTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    private static final int INSTANCES = 3;
    private static final DropletId NOBODY = DropletId.of(299);
    private static final List<DropletId> DROPLETS = List.of(DropletId.of(201), DropletId.of(202), DropletId.of(203));
    private static final Duration IN_PROGRESS_FRESHNESS = FreshnessPolicy.DEFAULT_IN_PROGRESS;
    private static final Duration SLOW_MACHINE = Duration.ofSeconds(5);

    private final String prefix = "watch-" + UUID.randomUUID() + ":";
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

    /** The answers of one teardown, one per request: two steps in progress, then succeeded for good. */
    private static List<TeardownStatus> steps(DropletId id) {
        return List.of(
                TeardownStatusBuilder.status(id).dropletPending("web").pending(ResourceKind.VOLUME, "v" + id, "data")
                        .build(),
                TeardownStatusBuilder.status(id).dropletDestroyedAt("web", "2026-11-30T10:00:01Z")
                        .pending(ResourceKind.VOLUME, "v" + id, "data").build(),
                TeardownStatusBuilder.status(id).completedAt("2026-11-30T10:00:03Z")
                        .dropletDestroyedAt("web", "2026-11-30T10:00:01Z")
                        .destroyed(ResourceKind.VOLUME, "v" + id, "data", "2026-11-30T10:00:02Z").failures(0).build());
    }

    private void script(DropletId id) {
        List<TeardownStatus> steps = steps(id);
        for (int step = 0; step < steps.size(); step++) {
            String state = step == 0 ? STARTED : "step " + step;
            String next = "step " + Math.min(step + 1, steps.size() - 1);
            api.stubFor(get(urlPathEqualTo(path(id))).inScenario("droplet " + id).whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(StatusDocuments.write(steps.get(step))))
                    .willSetStateTo(next));
        }
    }

    private static String path(DropletId id) {
        return "/v2/droplets/" + id + "/destroy_with_associated_resources/status";
    }

    private Teardown instance() {
        return Teardown.builder(HttpClientConfig.builder(ApiToken.of("dop_v1_shared-watch-token"))
                        .baseUrl(api.baseUrl()).build())
                .redisForTests(REDIS.uri(), prefix, SLOW_MACHINE)
                .build();
    }

    @Test
    void await_threeInstancesOnTheSameDroplets_askTheApiOncePerFreshnessWindowAndAllSeeEveryAnswer() throws Exception {
        DROPLETS.forEach(this::script);
        api.stubFor(get(urlPathEqualTo(path(NOBODY))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.writeError("not_found", "The resource you requested could not be found.", "r1"))));
        List<Teardown> instances = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES * DROPLETS.size());
        List<Future<List<TeardownStatus>>> seen = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                Teardown instance = instance();
                instances.add(instance);
                // connected and warmed up before the watches start together: a cold start is no outage
                instance.check().check(NOBODY);
            }
            AwaitOptions options = AwaitOptions.defaults().withTimeout(Duration.ofSeconds(60))
                    .withIntervals(Duration.ofMillis(50), Duration.ofMillis(50));
            CountDownLatch together = new CountDownLatch(1);
            for (Teardown instance : instances) {
                for (DropletId id : DROPLETS) {
                    seen.add(threads.submit(watch(instance, id, options, together)));
                }
            }
            together.countDown();

            int watch = 0;
            for (Teardown instance : instances) {
                for (DropletId id : DROPLETS) {
                    assertThat(seen.get(watch++).get(60, TimeUnit.SECONDS))
                            .as("what instance %d saw of droplet %s, each answer once and in order",
                                    instances.indexOf(instance), id)
                            .containsExactlyElementsOf(steps(id));
                }
            }
        } finally {
            threads.shutdownNow();
            instances.forEach(Teardown::close);
        }

        for (DropletId id : DROPLETS) {
            List<LoggedRequest> requests = api.findAll(getRequestedFor(urlPathEqualTo(path(id))));
            assertThat(requests).as("one request per answer for droplet %s, whatever the number of instances", id)
                    .hasSize(steps(id).size());
            for (int i = 1; i < requests.size(); i++) {
                long apart = requests.get(i).getLoggedDate().getTime() - requests.get(i - 1).getLoggedDate().getTime();
                // an in-progress answer stays in Redis for its freshness less at most 10 % jitter
                assertThat(apart).as("ms between requests %d and %d for droplet %s", i - 1, i, id)
                        .isGreaterThanOrEqualTo(IN_PROGRESS_FRESHNESS.multipliedBy(9).dividedBy(10).toMillis() - 5);
            }
        }
    }

    /** Waits for the teardown on this instance; returns the statuses it saw, each change once. */
    private static Callable<List<TeardownStatus>> watch(Teardown instance, DropletId id, AwaitOptions options,
            CountDownLatch together) {
        return () -> {
            List<TeardownStatus> changes = new ArrayList<>();
            together.await();
            AwaitResult result = instance.await().await(id, options, observation -> {
                if (observation instanceof AwaitObservation.Checked checked
                        && checked.check() instanceof StatusAnswer.Reported reported) {
                    TeardownStatus status = reported.report().status();
                    if (changes.isEmpty() || !changes.get(changes.size() - 1).equals(status)) {
                        changes.add(status);
                    }
                }
            });
            assertThat(result.reason()).isEqualTo(AwaitResult.StopReason.TERMINAL);
            return changes;
        };
    }
}
