package dev.teardown.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitListener;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.FleetWatch;
import dev.teardown.ports.in.WatchListener;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.sandbox.SandboxScenarios;
import dev.teardown.sandbox.SandboxServer;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain builder's {@link Teardown}: what it opens, that nothing opens again once it is closed, and
 * the settings the command builds its stack with.
 */
class TeardownTest {

    private static final DropletId DROPLET = DropletId.of(61486916);

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

    private Teardown teardown() {
        return builder().build();
    }

    private Teardown.Builder builder() {
        return Teardown.builder(HttpClientConfig.builder(ApiToken.of("test-token-0123456789"))
                .baseUrl(api.baseUrl()).build());
    }

    private void answerWithAStatus() {
        api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ReferenceExamples.openApiJson())));
    }

    @Test
    void check_byDefault_answersARepeatedLookupFromTheCache() {
        answerWithAStatus();
        try (Teardown teardown = teardown()) {
            teardown.check().check(DROPLET);
            teardown.check().check(DROPLET);
        }

        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void check_withoutCache_asksTheApiEveryTime() {
        answerWithAStatus();
        try (Teardown teardown = builder().withoutCache().build()) {
            teardown.check().check(DROPLET);
            teardown.check().check(DROPLET);
        }

        api.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void lastKnownQuota_beforeAnyAnswer_isEmpty() {
        try (Teardown teardown = teardown()) {
            assertThat(teardown.lastKnownQuota()).isEmpty();
        }
    }

    @Test
    void lastKnownQuota_afterAnAnswerWithRateLimitHeaders_isWhatTheApiSaid() {
        api.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "4321")
                .withBody(ReferenceExamples.openApiJson())));
        try (Teardown teardown = teardown()) {
            teardown.check().check(DROPLET);

            assertThat(teardown.lastKnownQuota()).hasValueSatisfying(quota -> {
                assertThat(quota.limit()).isEqualTo(5000);
                assertThat(quota.remaining()).isEqualTo(4321);
            });
        }
    }

    @Test
    void check_withABudgetOfTwo_refusesTheThirdLookupWithoutSendingIt() {
        answerWithAStatus();
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        try (Teardown teardown = builder().withoutCache().clock(clock).sleeper(clock.sleeper())
                .rateBudget(SlidingLogRateBudget.of(new RateBudgetConfig(20, 2, 1.0))).build()) {
            teardown.check().check(DROPLET);
            teardown.check().check(DROPLET);

            assertThatThrownBy(() -> teardown.check().check(DROPLET))
                    .isInstanceOfSatisfying(TeardownApiException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TeardownApiException.Reason.RATE_LIMITED);
                        assertThat(e.attempts()).isZero();
                        assertThat(e.retryAllowedAt()).hasValue(Instant.parse("2026-11-29T10:01:00Z"));
                        assertThat(e.getMessage()).contains("rate budget");
                    });
            assertThat(teardown.rateBudgetState()).satisfies(state -> {
                assertThat(state.usedLastMinute()).isEqualTo(2);
                assertThat(state.remaining()).isZero();
                assertThat(state.nextFreeAt()).isEqualTo(Instant.parse("2026-11-29T10:01:00Z"));
            });
        }

        api.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void rateBudgetState_byDefault_isEightyPercentOfDigitalOceansLimits() {
        try (Teardown teardown = teardown()) {
            assertThat(teardown.rateBudgetState()).satisfies(state -> {
                assertThat(state.allowedPerMinute()).isEqualTo(200);
                assertThat(state.allowedPerHour()).isEqualTo(4000);
                assertThat(state.usedLastHour()).isZero();
            });
        }
    }

    @Test
    void rateBudgetState_afterALookup_countsItsRequest() {
        answerWithAStatus();
        try (Teardown teardown = teardown()) {
            teardown.check().check(DROPLET);

            assertThat(teardown.rateBudgetState().usedLastMinute()).isEqualTo(1);
        }
    }

    @Test
    void rateBudgetState_afterClose_isRefused() {
        Teardown teardown = teardown();
        teardown.close();

        assertThatThrownBy(teardown::rateBudgetState).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void check_withAnExchangeListener_tellsItOfEachRequest() {
        answerWithAStatus();
        List<ExchangeListener.Exchange> heard = new CopyOnWriteArrayList<>();
        try (Teardown teardown = builder().exchangeListener(heard::add).build()) {
            teardown.check().check(DROPLET);
        }

        assertThat(heard).singleElement().satisfies(exchange -> {
            assertThat(exchange.method()).isEqualTo("GET");
            assertThat(exchange.status()).hasValue(200);
        });
    }

    @Test
    void await_withAManualClockAndItsSleeper_waitsOutItsTimeoutWithoutRealSleeps() {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        try (SandboxServer sandbox = SandboxServer.start(0, clock);
                Teardown teardown = Teardown.builder(HttpClientConfig.builder(ApiToken.of("sandbox-token"))
                        .baseUrl(sandbox.uri()).build()).clock(clock).sleeper(clock.sleeper()).build()) {
            AwaitResult result = teardown.await().await(SandboxScenarios.STAYS_IN_PROGRESS,
                    AwaitOptions.defaults().withTimeout(Duration.ofMinutes(10)), AwaitListener.ignoring());

            assertThat(result.reason()).isEqualTo(AwaitResult.StopReason.DEADLINE);
            assertThat(result.last()).get().isInstanceOf(StatusAnswer.Reported.class);
            assertThat(clock.sleeps()).isNotEmpty();
            assertThat(clock.instant()).isAfter(Instant.parse("2026-11-29T10:09:00Z"));
        }
    }

    private static final DropletId FAILED = DropletId.of(61486917);
    private static final DropletId UNKNOWN = DropletId.of(7);

    private static String statusPath(DropletId droplet) {
        return "/v2/droplets/" + droplet.value() + "/destroy_with_associated_resources/status";
    }

    /** {@link #DROPLET} succeeds, {@link #FAILED} completes with a failed volume, {@link #UNKNOWN} has no teardown. */
    private void answerThreeDroplets() {
        api.stubFor(get(urlEqualTo(statusPath(DROPLET))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ReferenceExamples.openApiJson())));
        api.stubFor(get(urlEqualTo(statusPath(FAILED))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(StatusDocuments.write(
                        TeardownStatusBuilder.status(FAILED).dropletDestroyedAt("web-02", "2026-11-29T09:59:00Z")
                                .failed(ResourceKind.VOLUME, "ba49449a", "data", "still attached")
                                .failures(1).completedAt("2026-11-29T09:59:30Z").build()))));
        api.stubFor(get(urlEqualTo(statusPath(UNKNOWN))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.writeError("not_found", "The resource you were accessing could not be found.", "r-1"))));
    }

    @Test
    void watch_threeDroplets_followsEachToItsEndAndHearsEveryObservation() {
        answerThreeDroplets();
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        List<DropletId> heard = new CopyOnWriteArrayList<>();
        try (Teardown teardown = builder().clock(clock).sleeper(clock.sleeper()).build()) {
            FleetWatch watch = teardown.watch().watch(observation -> heard.add(observation.dropletId()));
            for (DropletId droplet : List.of(DROPLET, FAILED, UNKNOWN)) {
                watch.add(droplet, AwaitOptions.defaults());
            }

            Map<DropletId, AwaitResult> ended = watch.runUntilIdle();

            assertThat(ended).containsOnlyKeys(DROPLET, FAILED, UNKNOWN);
            assertThat(ended.values()).extracting(AwaitResult::reason).containsOnly(AwaitResult.StopReason.TERMINAL);
            assertThat(outcome(ended.get(DROPLET))).isEqualTo(TeardownOutcome.SUCCEEDED);
            assertThat(outcome(ended.get(FAILED))).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
            assertThat(ended.get(UNKNOWN).last()).get().isInstanceOf(StatusAnswer.NotFound.class);
            assertThat(heard).contains(DROPLET, FAILED, UNKNOWN);
        }
        api.verify(3, anyRequestedFor(anyUrl()));
    }

    private static TeardownOutcome outcome(AwaitResult result) {
        return ((StatusAnswer.Reported) result.last().orElseThrow()).report().outcome();
    }

    @Test
    void watchAndAwait_spendOnePermitPerRequestFromOneBudget() {
        answerThreeDroplets();
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        try (Teardown teardown = builder().withoutCache().clock(clock).sleeper(clock.sleeper()).build()) {
            teardown.await().await(DROPLET, AwaitOptions.defaults(), AwaitListener.ignoring());
            FleetWatch watch = teardown.watch().watch(WatchListener.ignoring());
            watch.add(FAILED, AwaitOptions.defaults());
            watch.add(UNKNOWN, AwaitOptions.defaults());
            watch.runUntilIdle();

            assertThat(api.getAllServeEvents()).hasSize(3);
            assertThat(teardown.rateBudgetState().usedLastHour()).isEqualTo(3);
        }
    }

    @Test
    void watch_budgetSpent_waitsForTheNextFreePermitInsteadOfFailing() {
        answerThreeDroplets();
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        try (Teardown teardown = builder().withoutCache().clock(clock).sleeper(clock.sleeper())
                .rateBudget(SlidingLogRateBudget.of(new RateBudgetConfig(100, 1, 1.0))).build()) {
            FleetWatch watch = teardown.watch().watch(WatchListener.ignoring());
            watch.add(DROPLET, AwaitOptions.defaults());
            watch.add(FAILED, AwaitOptions.defaults());

            Map<DropletId, AwaitResult> ended = watch.runUntilIdle();

            assertThat(ended.values()).extracting(AwaitResult::reason).containsOnly(AwaitResult.StopReason.TERMINAL);
            assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-29T10:01:00Z"));
        }
        api.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void budgetShare_half_allowsHalfOfDigitalOceansLimits() {
        try (Teardown teardown = builder().budgetShare(0.5).build()) {
            assertThat(teardown.rateBudgetState()).satisfies(state -> {
                assertThat(state.allowedPerMinute()).isEqualTo(125);
                assertThat(state.allowedPerHour()).isEqualTo(2500);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.5, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void budgetShare_notAboveZeroAndAtMostOne_isRefused(double share) {
        assertThatThrownBy(() -> builder().budgetShare(share))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share");
    }

    @Test
    void build_budgetShareAndARateBudget_isRefused() {
        Teardown.Builder builder = builder().budgetShare(0.5).rateBudget(SlidingLogRateBudget.digitalOcean());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("budgetShare");
    }

    static Stream<Arguments> everyCall() {
        return Stream.of(
                Arguments.of("check()", (Consumer<Teardown>) Teardown::check),
                Arguments.of("await()", (Consumer<Teardown>) Teardown::await),
                Arguments.of("watch()", (Consumer<Teardown>) Teardown::watch),
                Arguments.of("lastKnownQuota()", (Consumer<Teardown>) Teardown::lastKnownQuota),
                Arguments.of("check().check(id)", (Consumer<Teardown>) teardown -> teardown.check().check(DROPLET)),
                Arguments.of("await().await(id, ...)", (Consumer<Teardown>) teardown -> teardown.await()
                        .await(DROPLET, AwaitOptions.defaults(), AwaitListener.ignoring())),
                Arguments.of("resources()", (Consumer<Teardown>) Teardown::resources),
                Arguments.of("destroy()", (Consumer<Teardown>) Teardown::destroy),
                Arguments.of("retry()", (Consumer<Teardown>) Teardown::retry),
                Arguments.of("resources().list(id)", (Consumer<Teardown>) teardown -> teardown.resources().list(DROPLET)),
                Arguments.of("destroy().destroy(id, everything)", (Consumer<Teardown>) teardown -> teardown.destroy()
                        .destroy(DROPLET, DestroyRequest.everything())),
                Arguments.of("retry().retry(id)", (Consumer<Teardown>) teardown -> teardown.retry().retry(DROPLET)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCall")
    void anyCall_closedBeforeFirstUse_isRefusedAndOpensNothing(String name, Consumer<Teardown> call) {
        Teardown teardown = teardown();
        teardown.close();
        long sweepersBefore = sweeperThreads();

        assertThatThrownBy(() -> call.accept(teardown))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");

        assertThat(sweeperThreads()).isLessThanOrEqualTo(sweepersBefore);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCall")
    void anyCall_closedAfterUse_isRefusedAndSendsNothing(String name, Consumer<Teardown> call) {
        Teardown teardown = teardown();
        teardown.check();
        teardown.close();

        assertThatThrownBy(() -> call.accept(teardown)).isInstanceOf(IllegalStateException.class);

        api.verify(0, anyRequestedFor(anyUrl()));
    }

    private static long sweeperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("teardown-http-deadlines"))
                .count();
    }
}
