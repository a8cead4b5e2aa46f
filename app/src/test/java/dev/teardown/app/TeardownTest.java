package dev.teardown.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.ExchangeListener;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitListener;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.sandbox.SandboxScenarios;
import dev.teardown.sandbox.SandboxServer;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> everyCall() {
        return Stream.of(
                Arguments.of("check()", (Consumer<Teardown>) Teardown::check),
                Arguments.of("await()", (Consumer<Teardown>) Teardown::await),
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
