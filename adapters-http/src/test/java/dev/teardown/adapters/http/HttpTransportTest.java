package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What every call relies on the transport for, shown with calls that are not the status call. */
class HttpTransportTest {

    private static final DropletId DROPLET = DropletId.of(7);
    private static final String PATH = "/v2/droplets/7/test_call";

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private ManualClock clock;
    private HttpTransport transport;

    @BeforeEach
    void newTransport() {
        api.reset();
        clock = ManualClock.at("2026-11-29T10:00:00Z");
        transport = transportWith(api.config().build(), clock.sleeper());
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    private HttpTransport transportWith(HttpClientConfig config, Sleeper sleeper) {
        return HttpTransport.builder(config).clock(clock).sleeper(sleeper).jitter(() -> Long.MIN_VALUE).build();
    }

    /**
     * A call that reads its answer as {@code "<status>:<body>"}: a destroy in all but name.
     */
    private record TestCall(
            Operation operation, String method, Set<Integer> successStatuses, boolean safeToRepeat,
            Map<String, String> extraHeaders, Optional<byte[]> jsonBody) implements ApiCall<String> {

        static TestCall post() {
            return new TestCall(Operation.DESTROY_EVERYTHING, "POST", Set.of(202), false, Map.of(), Optional.empty());
        }

        TestCall method(String method) {
            return new TestCall(operation, method, successStatuses, safeToRepeat, extraHeaders, jsonBody);
        }

        TestCall safe() {
            return new TestCall(operation, method, successStatuses, true, extraHeaders, jsonBody);
        }

        TestCall headers(Map<String, String> headers) {
            return new TestCall(operation, method, successStatuses, safeToRepeat, headers, jsonBody);
        }

        TestCall body(String json) {
            return new TestCall(operation, method, successStatuses, safeToRepeat, extraHeaders,
                    Optional.of(json.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String path(DropletId dropletId) {
            return "/v2/droplets/" + dropletId.value() + "/test_call";
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

    private void answer(ResponseDefinitionBuilder response) {
        api.wireMock().stubFor(any(urlPathEqualTo(PATH)).willReturn(response));
    }

    private void answerInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        api.wireMock().stubFor(any(urlPathEqualTo(PATH)).inScenario("turns").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("second"));
        api.wireMock().stubFor(any(urlPathEqualTo(PATH)).inScenario("turns").whenScenarioStateIs("second")
                .willReturn(then));
    }

    private List<LoggedRequest> received() {
        return api.wireMock().findAll(anyRequestedFor(urlPathEqualTo(PATH)));
    }

    private String execute(TestCall call) {
        return transport.execute(call, DROPLET, Instant.MAX);
    }

    private void assertFails(TestCall call, ThrowingConsumer<TeardownApiException> requirements) {
        assertThatThrownBy(() -> execute(call)).asInstanceOf(type(TeardownApiException.class)).satisfies(requirements);
    }

    // The request

    @Test
    void execute_postWithJsonBody_sendsMethodPathAndBodyAsJson() {
        answer(aResponse().withStatus(202));

        execute(TestCall.post().body("{\"resources\":[\"1\"]}"));

        assertThat(received()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            assertThat(request.getBodyAsString()).isEqualTo("{\"resources\":[\"1\"]}");
        });
        api.wireMock().verify(anyRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson("{\"resources\":[\"1\"]}")));
    }

    @Test
    void execute_deleteWithoutBody_sendsDeleteWithNoBody() {
        answer(aResponse().withStatus(202));

        execute(TestCall.post().method("DELETE"));

        assertThat(received()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("DELETE");
            assertThat(request.getBody()).isEmpty();
        });
    }

    @Test
    void execute_callWithExtraHeaders_sendsThemBesideTheTransportsOwn() {
        answer(aResponse().withStatus(202));

        execute(TestCall.post().method("DELETE").headers(Map.of("X-Dangerous", "true")));

        api.wireMock().verify(anyRequestedFor(urlPathEqualTo(PATH))
                .withHeader("X-Dangerous", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer " + ApiServer.TOKEN_TEXT))
                .withHeader("User-Agent", equalTo(HttpTransport.USER_AGENT)));
    }

    @Test
    void execute_extraHeaderNamingAuthorization_doesNotReplaceTheToken() {
        answer(aResponse().withStatus(202));

        execute(TestCall.post().headers(Map.of("Authorization", "Bearer something-else")));

        assertThat(received()).singleElement().satisfies(request ->
                assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ApiServer.TOKEN_TEXT));
    }

    // Success statuses and bodies

    @Test
    void execute_successStatusOtherThan200WithEmptyBody_isReadAsTheCallSays() {
        answer(aResponse().withStatus(202).withBody(""));

        assertThat(execute(TestCall.post())).isEqualTo("202:");
    }

    @Test
    void execute_successStatusWithoutBody_isReadAsEmpty() {
        answer(aResponse().withStatus(204));

        assertThat(execute(new TestCall(Operation.RETRY, "POST", Set.of(204), false, Map.of(), Optional.empty())))
                .isEqualTo("204:");
    }

    @Test
    void execute_successStatusWithBody_passesTheWholeBodyToTheReader() {
        answer(aResponse().withStatus(202).withBody("{\"ok\":true}"));

        assertThat(execute(TestCall.post())).isEqualTo("202:{\"ok\":true}");
    }

    @Test
    void execute_successBodyOverTheLimit_isABadResponseNamingTheStatusAndTheAnswer() {
        transport.close();
        transport = transportWith(api.config().maxBodyBytes(1024).build(), clock.sleeper());
        answer(aResponse().withStatus(202).withBody("x".repeat(4096)));

        assertFails(TestCall.post(), e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("the answer (HTTP 202) is not a test answer: the body is larger than"
                    + " the limit of 1024 bytes");
            assertThat(e.httpStatus()).hasValue(202);
        });
    }

    @Test
    void execute_200ForACallThatExpects202_isAFailure() {
        answer(aResponse().withStatus(200).withBody("{}"));

        assertFails(TestCall.post(), e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE));
    }

    // Failures name the call

    @Test
    void execute_failure_namesTheCallsOperation() {
        answer(ApiServer.error(500, "server_error", "boom", "rid-1"));

        assertFails(TestCall.post(), e -> {
            assertThat(e.operation()).isEqualTo(Operation.DESTROY_EVERYTHING);
            assertThat(e.dropletId()).isEqualTo(DROPLET);
            assertThat(e.getMessage()).startsWith("the destroy of droplet 7 with all its resources failed: ");
        });
    }

    @Test
    void execute_403_saysWhatTheTokenMayNotDoForThisCall() {
        answer(ApiServer.error(403, "forbidden", "You do not have access for the attempted action.", "rid-2"));

        assertFails(TestCall.post(), e -> {
            assertThat(e.reason()).isEqualTo(Reason.PERMISSION);
            assertThat(e.getMessage()).contains("the token may not destroy this droplet: the call needs the droplet:delete and block_storage:delete scopes");
        });
    }

    @Test
    void execute_409_isAConflictNotRetried() {
        answer(ApiServer.error(409, "conflict", "a destroy is already in progress", "rid-3"));

        assertFails(TestCall.post().safe(), e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("(HTTP 409)").contains("a destroy is already in progress");
        });
        assertThat(received()).hasSize(1);
    }

    @Test
    void execute_404OfTheApiForACallWithoutANotFoundMeaning_isAFailure() {
        answer(ApiServer.error(404, "not_found", "The resource you were accessing could not be found.", "rid-4"));

        assertFails(TestCall.post(), e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(e.httpStatus()).hasValue(404);
            assertThat(e.getMessage()).contains("could not be found");
        });
    }

    @Test
    void execute_404ThatIsNotTheApis_saysToCheckTheBaseUrl() {
        answer(aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<html>nginx</html>"));

        assertFails(TestCall.post(), e -> assertThat(e.getMessage()).contains("check the base URL"));
    }

    // Calls that are not safe to repeat

    @Test
    void execute_unsafeCallAfter503_isNotSentAgain() {
        answer(ApiServer.error(503, "unavailable", "try later", "rid-5"));

        assertFails(TestCall.post(), e -> {
            assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("not sent again: the request may have reached the API");
        });
        assertThat(received()).hasSize(1);
    }

    @Test
    void execute_safeCallAfter503_isSentAgain() {
        answerInTurn(ApiServer.error(503, "unavailable", "try later", "rid-6"), aResponse().withStatus(202));

        assertThat(execute(TestCall.post().safe())).isEqualTo("202:");
        assertThat(received()).hasSize(2);
    }

    @Test
    void execute_unsafeCallAfterAConnectionReset_isNotSentAgain() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertFails(TestCall.post(), e -> {
            assertThat(e.reason()).isEqualTo(Reason.NETWORK);
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(received()).hasSize(1);
    }

    @Test
    void execute_unsafeCallAfterAReadTimeout_isNotSentAgain() {
        transport.close();
        transport = transportWith(api.config().responseTimeout(Duration.ofMillis(200)).build(), clock.sleeper());
        answer(aResponse().withStatus(202).withFixedDelay(1_500));

        assertFails(TestCall.post(), e -> {
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(received()).hasSize(1);
    }

    @Test
    void execute_unsafeCallAfterA429_isSentAgain() {
        answerInTurn(ApiServer.error(429, "too_many_requests", "slow down", "rid-7").withHeader("Retry-After", "0"),
                aResponse().withStatus(202));

        assertThat(execute(TestCall.post())).isEqualTo("202:");
        assertThat(received()).hasSize(2);
    }

    @Test
    void execute_unsafeCallAfterARefusedConnection_isSentAgain() {
        int port = freePort();
        WireMockServer[] late = new WireMockServer[1];
        // Nothing listens at the first attempt; the server opens while the transport waits to retry.
        Sleeper opensTheServer = wait -> {
            late[0] = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(port));
            late[0].start();
            late[0].stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
        };
        try (HttpTransport refusedFirst = transportWith(
                api.config().baseUrl("http://127.0.0.1:" + port).build(), opensTheServer)) {
            assertThat(refusedFirst.execute(TestCall.post(), DROPLET, Instant.MAX)).isEqualTo("202:");
            assertThat(late[0].findAll(anyRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
        } finally {
            if (late[0] != null) {
                late[0].stop();
            }
        }
    }

    // The quota

    @Test
    void lastKnownQuota_afterAnyCall_isWhatItsHeadersSaid() {
        answer(aResponse().withStatus(202).withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "4999"));

        execute(TestCall.post());

        assertThat(transport.lastKnownQuota()).hasValueSatisfying(quota -> {
            assertThat(quota.limit()).isEqualTo(5000);
            assertThat(quota.remaining()).isEqualTo(4999);
        });
    }

    @Test
    void execute_afterClose_isRefused() {
        transport.close();

        assertThatThrownBy(() -> execute(TestCall.post())).isInstanceOf(IllegalStateException.class);
    }

    // Sharing

    @Test
    void over_aSharedTransport_readsStatusesAndTellsTheTransportsQuota() {
        byte[] document = StatusDocuments.write(TeardownStatusBuilder.status(7).dropletPending("web-1").build());
        api.wireMock().stubFor(get(urlPathEqualTo(ApiServer.statusPath(DROPLET))).willReturn(ApiServer.json(200, document)
                .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "42")));
        HttpTeardownStatusSource source = HttpTeardownStatusSource.over(transport);

        assertThat(source.statusOf(DROPLET)).isPresent();
        assertThat(transport.lastKnownQuota()).hasValueSatisfying(quota -> assertThat(quota.remaining()).isEqualTo(42));
        assertThat(source.lastKnownQuota()).isEqualTo(transport.lastKnownQuota());
    }

    @Test
    void close_ofASourceOverASharedTransport_leavesTheTransportOpen() {
        answer(aResponse().withStatus(202));
        HttpTeardownStatusSource source = HttpTeardownStatusSource.over(transport);

        source.close();

        assertThatThrownBy(() -> source.statusOf(DROPLET)).isInstanceOf(IllegalStateException.class);
        assertThat(execute(TestCall.post())).isEqualTo("202:");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
