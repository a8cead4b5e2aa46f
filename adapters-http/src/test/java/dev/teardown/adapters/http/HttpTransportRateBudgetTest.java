package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.RateLimitFeedback;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.service.RateBudgetConfig;
import dev.teardown.ports.service.SlidingLogRateBudget;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.RateLimitFeedbackBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every attempt of every call spends a permit of the token's rate budget, and every answer teaches it. */
class HttpTransportRateBudgetTest {

    private static final DropletId DROPLET = DropletId.of(7);
    private static final String PATH = "/v2/droplets/7/budget_call";
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private final ManualClock clock = new ManualClock(START);
    private HttpTransport transport;

    @BeforeEach
    void resetServer() {
        api.reset();
    }

    @AfterEach
    void closeTransport() {
        if (transport != null) {
            transport.close();
        }
    }

    /** A call safe to repeat, read as {@code "<status>:<body>"}. */
    private record BudgetCall() implements ApiCall<String> {
        @Override
        public Operation operation() {
            return Operation.LIST_RESOURCES;
        }

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String path(DropletId dropletId) {
            return "/v2/droplets/" + dropletId.value() + "/budget_call";
        }

        @Override
        public Set<Integer> successStatuses() {
            return Set.of(200);
        }

        @Override
        public boolean safeToRepeat() {
            return true;
        }

        @Override
        public Map<String, String> extraHeaders() {
            return Map.of();
        }

        @Override
        public Optional<byte[]> jsonBody() {
            return Optional.empty();
        }

        @Override
        public String answerName() {
            return "a test answer";
        }

        @Override
        public String read(Answer answer) {
            return answer.status() + ":" + new String(answer.body(), StandardCharsets.UTF_8);
        }
    }

    /** Grants every permit and remembers every answer it is told of. */
    private static final class RecordingBudget implements RateBudget {
        final List<RateLimitFeedback> feedback = new CopyOnWriteArrayList<>();

        @Override
        public Permit tryAcquire(Instant now) {
            return new Permit.Granted(now);
        }

        @Override
        public void onAnswer(RateLimitFeedback answer) {
            feedback.add(answer);
        }

        @Override
        public RateBudgetState state(Instant now) {
            return RateBudget.unlimited().state(now);
        }
    }

    private HttpTransport transport(RateBudget budget, Duration callDeadline, Sleeper sleeper,
            ExchangeListener listener) {
        transport = HttpTransport.builder(api.config().callDeadline(callDeadline).build())
                .clock(clock).sleeper(sleeper).jitter(() -> Long.MIN_VALUE).rateBudget(budget)
                .exchangeListener(listener).build();
        return transport;
    }

    private HttpTransport transport(RateBudget budget) {
        return transport(budget, Duration.ofSeconds(5), clock.sleeper(), ExchangeListener.ignoring());
    }

    /** A budget of {@code perMinute} permits a minute and ten times as many an hour, all of them for this client. */
    private static SlidingLogRateBudget budgetOf(int perMinute) {
        return SlidingLogRateBudget.of(new RateBudgetConfig(perMinute * 10, perMinute, 1.0));
    }

    private static void answer(ResponseDefinitionBuilder response) {
        api.wireMock().stubFor(any(urlPathEqualTo(PATH)).willReturn(response));
    }

    private static void answerInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        api.wireMock().stubFor(any(urlPathEqualTo(PATH)).inScenario("turns").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("second"));
        api.wireMock().stubFor(any(urlPathEqualTo(PATH)).inScenario("turns").whenScenarioStateIs("second")
                .willReturn(then));
    }

    private static int received() {
        return api.wireMock().findAll(anyRequestedFor(urlPathEqualTo(PATH))).size();
    }

    private String execute() {
        return transport.execute(new BudgetCall(), DROPLET, Instant.MAX);
    }

    private void assertFails(ThrowingConsumer<TeardownApiException> requirements) {
        assertThatThrownBy(this::execute).asInstanceOf(type(TeardownApiException.class)).satisfies(requirements);
    }

    // Spending

    @Test
    void execute_budgetOfThree_letsThreeRequestsOutThenFailsRateLimitedWithoutSending() {
        SlidingLogRateBudget budget = budgetOf(3);
        transport(budget);
        answer(aResponse().withStatus(200).withBody("ok"));

        for (int i = 0; i < 3; i++) {
            assertThat(execute()).isEqualTo("200:ok");
        }

        Instant nextFree = budget.state(clock.instant()).nextFreeAt();
        assertThat(nextFree).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertFails(e -> {
            assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(e.operation()).isEqualTo(Operation.LIST_RESOURCES);
            assertThat(e.attempts()).isZero();
            assertThat(e.httpStatus()).isEmpty();
            assertThat(e.retryAllowedAt()).hasValue(nextFree);
            assertThat(e.getMessage())
                    .startsWith("no list of associated resources for droplet 7: the token's rate budget (the share of"
                            + " its rate limit this client may use) is spent until 2026-11-29T10:01:00Z")
                    .contains("no request was sent")
                    .doesNotContain("by the API");
        });
        assertThat(received()).isEqualTo(3);
    }

    @Test
    void execute_503Then200_spendsAPermitForEachAttempt() {
        SlidingLogRateBudget budget = budgetOf(10);
        transport(budget);
        answerInTurn(ApiServer.error(503, "unavailable", "try later", "rid-1"), aResponse().withStatus(200));

        assertThat(execute()).isEqualTo("200:");

        assertThat(budget.state(clock.instant()).usedLastMinute()).isEqualTo(2);
        assertThat(received()).isEqualTo(2);
    }

    @Test
    void execute_retryWithoutAPermit_isNotSentAndNamesTheLastAttempt() {
        SlidingLogRateBudget budget = budgetOf(1);
        transport(budget);
        answerInTurn(ApiServer.error(503, "unavailable", "try later", "rid-2"), aResponse().withStatus(200));

        assertFails(e -> {
            assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.retryAllowedAt()).hasValue(START.plus(Duration.ofMinutes(1)));
            assertThat(e.getMessage()).contains("no request was sent again").contains("HTTP 503");
        });
        assertThat(received()).isEqualTo(1);
    }

    @Test
    void execute_permitFreeBeforeTheDeadline_waitsOnTheSleeperThenSends() {
        SlidingLogRateBudget budget = budgetOf(1);
        transport(budget, Duration.ofMinutes(2), clock.sleeper(), ExchangeListener.ignoring());
        answer(aResponse().withStatus(200));
        execute();

        assertThat(execute()).isEqualTo("200:");

        assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(received()).isEqualTo(2);
    }

    @Test
    void execute_interruptedWhileWaitingForAPermit_endsAsATimeoutAndKeepsTheFlag() {
        SlidingLogRateBudget budget = budgetOf(1);
        Sleeper interrupted = wait -> {
            throw new InterruptedException("stop");
        };
        transport(budget, Duration.ofMinutes(2), interrupted, ExchangeListener.ignoring());
        answer(aResponse().withStatus(200));
        execute();

        try {
            assertFails(e -> {
                assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                assertThat(e.attempts()).isZero();
                assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
                assertThat(e.getMessage()).contains("while waiting for a permit of the rate budget");
            });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(received()).isEqualTo(1);
    }

    // Learning

    @Test
    void execute_answerWithRateLimitHeaders_tellsTheBudgetExactlyWhatTheySaid() {
        RecordingBudget budget = new RecordingBudget();
        transport(budget);
        Instant reset = START.plusSeconds(1800);
        answer(aResponse().withStatus(200)
                .withHeader("ratelimit-limit", "5000")
                .withHeader("ratelimit-remaining", "4999")
                .withHeader("ratelimit-reset", Long.toString(reset.getEpochSecond())));

        execute();

        assertThat(budget.feedback).containsExactly(RateLimitFeedbackBuilder.answerAt(START)
                .limit(5000).remaining(4999).reset(reset).build());
    }

    @Test
    void execute_429_tellsTheBudgetItWasRateLimitedAndWhenToRetry() {
        RecordingBudget budget = new RecordingBudget();
        transport(budget);
        Instant reset = START.plusSeconds(600);
        answer(ApiServer.error(429, "too_many_requests", "slow down", "rid-3")
                .withHeader("ratelimit-limit", "5000")
                .withHeader("ratelimit-remaining", "0")
                .withHeader("ratelimit-reset", Long.toString(reset.getEpochSecond()))
                .withHeader("Retry-After", "30"));

        assertFails(e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));

        assertThat(budget.feedback).containsExactly(RateLimitFeedbackBuilder.answerAt(START)
                .limit(5000).remaining(0).reset(reset).retryAfter(START.plusSeconds(30)).tooManyRequests().build());
    }

    @Test
    void execute_retryAfterMs_isTheInstantItNames() {
        RecordingBudget budget = new RecordingBudget();
        transport(budget);
        answer(aResponse().withStatus(200).withHeader("retry-after-ms", "1500"));

        execute();

        assertThat(budget.feedback).singleElement()
                .satisfies(feedback -> assertThat(feedback.retryAfter()).hasValue(START.plusMillis(1500)));
    }

    @Test
    void execute_unreadableHeaders_areLeftOutOfTheFeedback() {
        RecordingBudget budget = new RecordingBudget();
        transport(budget);
        answer(aResponse().withStatus(200)
                .withHeader("ratelimit-limit", "0")
                .withHeader("ratelimit-remaining", "-1")
                .withHeader("ratelimit-reset", "soon")
                .withHeader("Retry-After", "later"));

        execute();

        assertThat(budget.feedback).containsExactly(RateLimitFeedback.silent(START, false));
    }

    @Test
    void execute_everyAttempt_tellsTheBudgetOfItsAnswer() {
        RecordingBudget budget = new RecordingBudget();
        transport(budget);
        answerInTurn(ApiServer.error(500, "server_error", "boom", "rid-4"), aResponse().withStatus(200));

        execute();

        assertThat(budget.feedback).hasSize(2);
    }

    // Verbose

    @Test
    void onExchange_withABudget_hearsThePermitsLeftAfterTheAttempt() {
        List<ExchangeListener.Exchange> exchanges = new CopyOnWriteArrayList<>();
        transport(budgetOf(5), Duration.ofSeconds(5), clock.sleeper(), exchanges::add);
        answer(aResponse().withStatus(200));

        execute();

        assertThat(exchanges).singleElement()
                .satisfies(exchange -> assertThat(exchange.budgetRemaining()).hasValue(4));
    }

    @Test
    void onExchange_withoutABudget_hearsNoPermitCount() {
        List<ExchangeListener.Exchange> exchanges = new CopyOnWriteArrayList<>();
        transport(RateBudget.unlimited(), Duration.ofSeconds(5), clock.sleeper(), exchanges::add);
        answer(aResponse().withStatus(200));

        execute();

        assertThat(exchanges).singleElement()
                .satisfies(exchange -> assertThat(exchange.budgetRemaining()).isEmpty());
    }
}
