package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.ports.out.CommandReceipt;
import dev.teardown.ports.out.Permit;
import dev.teardown.ports.out.RateBudget;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.RateLimitFeedback;
import dev.teardown.ports.out.Sleeper;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.testkit.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two destroys and the retry over a real loopback server: the exact requests, the answers they
 * accept, the failures named for each, and the rule that a command that may have reached the API is
 * never sent again.
 */
class HttpTeardownCommandsTest {

    private static final long DROPLET = 3164450;
    private static final DropletId DROPLET_ID = DropletId.of(DROPLET);
    private static final String FAMILY = "/v2/droplets/3164450/destroy_with_associated_resources/";
    private static final String VOLUME = "ba49449a-7435-11ea-b89e-0a58ac14480f";
    private static final DestroyRequest SELECTION = DestroyRequest.selection().add(ResourceKind.VOLUME, VOLUME).build();

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private ManualClock clock;
    private HttpTransport transport;
    private HttpTeardownCommands commands;

    /** Each command as sent through the adapter, with what it puts on the wire. */
    enum Command {
        SELECTIVE("DELETE", "selective", Operation.DESTROY_SELECTED,
                "the selective destroy of droplet 3164450 failed: ") {
            @Override
            CommandReceipt send(HttpTeardownCommands commands, Instant deadline) {
                return commands.destroy(DROPLET_ID, SELECTION, deadline);
            }
        },
        DANGEROUS("DELETE", "dangerous", Operation.DESTROY_EVERYTHING,
                "the destroy of droplet 3164450 with all its resources failed: ") {
            @Override
            CommandReceipt send(HttpTeardownCommands commands, Instant deadline) {
                return commands.destroy(DROPLET_ID, DestroyRequest.everything(), deadline);
            }
        },
        RETRY("POST", "retry", Operation.RETRY, "the retry of the teardown of droplet 3164450 failed: ") {
            @Override
            CommandReceipt send(HttpTeardownCommands commands, Instant deadline) {
                return commands.retry(DROPLET_ID, deadline);
            }
        };

        final String method;
        final String path;
        final Operation operation;
        final String failurePrefix;

        Command(String method, String endpoint, Operation operation, String failurePrefix) {
            this.method = method;
            this.path = FAMILY + endpoint;
            this.operation = operation;
            this.failurePrefix = failurePrefix;
        }

        abstract CommandReceipt send(HttpTeardownCommands commands, Instant deadline);
    }

    @BeforeEach
    void newCommands() {
        api.reset();
        clock = ManualClock.at("2026-11-29T10:00:00Z");
        useTransport(HttpTransport.builder(config().build()).clock(clock).sleeper(clock.sleeper())
                .jitter(() -> Long.MIN_VALUE).build());
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    /**
     * Room for a loaded machine: the first DELETE with a body makes WireMock load classes for seconds.
     * Tests of timeouts set their own.
     */
    private static HttpClientConfig.Builder config() {
        return api.config().responseTimeout(Duration.ofSeconds(15)).callDeadline(Duration.ofSeconds(30));
    }

    private void useTransport(HttpTransport replacement) {
        if (transport != null) {
            transport.close();
        }
        transport = replacement;
        commands = HttpTeardownCommands.over(transport);
    }

    private static void answer(Command command, ResponseDefinitionBuilder response) {
        api.wireMock().stubFor(any(urlPathEqualTo(command.path)).willReturn(response));
    }

    private static void answerInTurn(Command command, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        api.wireMock().stubFor(any(urlPathEqualTo(command.path)).inScenario("turns")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("second"));
        api.wireMock().stubFor(any(urlPathEqualTo(command.path)).inScenario("turns")
                .whenScenarioStateIs("second").willReturn(then));
    }

    private static List<LoggedRequest> received(Command command) {
        return api.wireMock().findAll(anyRequestedFor(urlPathEqualTo(command.path)));
    }

    private static List<LoggedRequest> receivedAnywhere() {
        return api.wireMock().findAll(anyRequestedFor(anyUrl()));
    }

    private CommandReceipt send(Command command) {
        return command.send(commands, Instant.MAX);
    }

    private void assertFails(Command command, Consumer<TeardownApiException> requirements) {
        assertThatThrownBy(() -> send(command))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.operation()).isEqualTo(command.operation);
                    assertThat(failure.dropletId()).isEqualTo(DROPLET_ID);
                    assertThat(failure.getMessage()).startsWith(command.failurePrefix)
                            .doesNotContain(ApiServer.TOKEN_TEXT);
                })
                .satisfies(requirements::accept);
    }

    private static String body(LoggedRequest request) {
        return new String(request.getBody(), StandardCharsets.UTF_8);
    }

    // The requests

    @Test
    void destroy_selection_sendsTheSelectiveDeleteWithTheIdsOfEachSelectedKind() {
        answer(Command.SELECTIVE, aResponse().withStatus(202));
        DestroyRequest selection = DestroyRequest.selection()
                .add(ResourceKind.VOLUME_SNAPSHOT, "edb0478d-7436-11ea-86e6-0a58ac144b91")
                .add(ResourceKind.VOLUME, VOLUME)
                .add(ResourceKind.SNAPSHOT, "61486916")
                .add(ResourceKind.RESERVED_IP, "6186916")
                .build();

        assertThat(commands.destroy(DROPLET_ID, selection, Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);

        assertThat(receivedAnywhere()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("DELETE");
            assertThat(request.getUrl()).isEqualTo(Command.SELECTIVE.path);
            assertThat(body(request)).isEqualTo("{\"reserved_ips\":[\"6186916\"],\"snapshots\":[\"61486916\"],"
                    + "\"volumes\":[\"" + VOLUME + "\"],\"volume_snapshots\":[\"edb0478d-7436-11ea-86e6-0a58ac144b91\"]}");
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ApiServer.TOKEN_TEXT);
            assertThat(request.getHeader("Accept")).isEqualTo("application/json");
            assertThat(request.getHeader("User-Agent")).matches("teardown/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\d+\\)");
            assertThat(request.containsHeader("X-Dangerous")).isFalse();
        });
    }

    @Test
    void destroy_selectionOfOneKind_sendsThatKindAloneWithItsIdsInTheOrderGiven() {
        answer(Command.SELECTIVE, aResponse().withStatus(202));

        commands.destroy(DROPLET_ID, DestroyRequest.selection().add(ResourceKind.VOLUME, "v-2", "v-1").build(), Instant.MAX);

        assertThat(body(received(Command.SELECTIVE).get(0))).isEqualTo("{\"volumes\":[\"v-2\",\"v-1\"]}");
    }

    @Test
    void destroy_ipsSelectedByBothNames_sendFloatingIpsOnlyForThoseSelectedByThatName() {
        answer(Command.SELECTIVE, aResponse().withStatus(202));
        DestroyRequest selection = DestroyRequest.selection()
                .add(ResourceKind.FLOATING_IP, "7000001")
                .add(ResourceKind.RESERVED_IP, "6186916")
                .build();

        commands.destroy(DROPLET_ID, selection, Instant.MAX);

        assertThat(body(received(Command.SELECTIVE).get(0)))
                .isEqualTo("{\"reserved_ips\":[\"6186916\"],\"floating_ips\":[\"7000001\"]}");
    }

    @Test
    void destroy_dropletOnly_sendsTheSelectiveDeleteWithAnEmptyObject() {
        answer(Command.SELECTIVE, aResponse().withStatus(202));

        commands.destroy(DROPLET_ID, DestroyRequest.dropletOnly(), Instant.MAX);

        assertThat(body(received(Command.SELECTIVE).get(0))).isEqualTo("{}");
    }

    @Test
    void destroy_idsWithQuotesAndBackslashes_areEscapedInTheBody() {
        answer(Command.SELECTIVE, aResponse().withStatus(202));

        commands.destroy(DROPLET_ID, DestroyRequest.selection().add(ResourceKind.SNAPSHOT, "a\"b\\c").build(), Instant.MAX);

        assertThat(body(received(Command.SELECTIVE).get(0))).isEqualTo("{\"snapshots\":[\"a\\\"b\\\\c\"]}");
    }

    @Test
    void destroy_everything_sendsTheDangerousDeleteWithXDangerousAndNoBody() {
        answer(Command.DANGEROUS, aResponse().withStatus(202));

        assertThat(commands.destroy(DROPLET_ID, DestroyRequest.everything(), Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);

        assertThat(receivedAnywhere()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("DELETE");
            assertThat(request.getUrl()).isEqualTo(Command.DANGEROUS.path);
            assertThat(request.getHeader("X-Dangerous")).isEqualTo("true");
            assertThat(request.getBody()).isEmpty();
            assertThat(request.containsHeader("Content-Type")).isFalse();
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ApiServer.TOKEN_TEXT);
        });
    }

    @Test
    void retry_sendsAPostWithoutBody() {
        answer(Command.RETRY, aResponse().withStatus(202));

        assertThat(commands.retry(DROPLET_ID, Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);

        assertThat(receivedAnywhere()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo(Command.RETRY.path);
            assertThat(request.getBody()).isEmpty();
            assertThat(request.containsHeader("Content-Type")).isFalse();
            assertThat(request.containsHeader("X-Dangerous")).isFalse();
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ApiServer.TOKEN_TEXT);
        });
    }

    @Test
    void retry_onTheWire_declaresItsEmptyBodyWithContentLengthZero() {
        // Without a length, a POST has no body by HTTP/1.1, but proxies and load balancers may answer
        // 411 Length Required; the request head on the wire must say it.
        byte[] accepted = RawServer.response(RawServer.head("HTTP/1.1 202 Accepted", "Content-Length: 0"), new byte[0]);
        try (RawServer server = RawServer.start(RawServer.answering(accepted))) {
            useTransport(HttpTransport.builder(config().baseUrl(server.baseUrl()).build())
                    .clock(clock).sleeper(clock.sleeper()).build());

            assertThat(commands.retry(DROPLET_ID, Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);

            assertThat(server.requestHeads()).singleElement().satisfies(head -> {
                assertThat(head).startsWith("POST " + Command.RETRY.path + " HTTP/1.1\r\n");
                assertThat(head.lines()).contains("Content-Length: 0");
                assertThat(head.lines()).noneMatch(line -> line.regionMatches(true, 0, "Transfer-Encoding", 0, 17));
            });
        }
    }

    // What an acceptance may look like

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_202WithoutBody_isAccepted(Command command) {
        answer(command, aResponse().withStatus(202));

        assertThat(send(command)).isEqualTo(CommandReceipt.ACCEPTED);
        assertThat(received(command)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_202WithNoLengthUntilTheConnectionCloses_isAccepted(Command command) {
        try (RawServer server = RawServer.start(connection -> {
            connection.readRequestHead();
            connection.write(RawServer.head("HTTP/1.1 202 Accepted", "Connection: close"));
        })) {
            useTransport(HttpTransport.builder(config().baseUrl(server.baseUrl()).build())
                    .clock(clock).sleeper(clock.sleeper()).build());

            assertThat(send(command)).isEqualTo(CommandReceipt.ACCEPTED);
            assertThat(server.requestHeads()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_202WithAShortNote_isAccepted(Command command) {
        answer(command, aResponse().withStatus(202).withHeader("Content-Type", "text/plain").withBody("Accepted"));

        assertThat(send(command)).isEqualTo(CommandReceipt.ACCEPTED);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_202WithABodyOfExactlyTheLimit_isAccepted(Command command) {
        byte[] note = new byte[CommandCall.MAX_ACCEPTED_BODY_BYTES];
        Arrays.fill(note, (byte) 'x');
        answer(command, aResponse().withStatus(202).withHeader("Content-Type", "text/plain").withBody(note));

        assertThat(send(command)).isEqualTo(CommandReceipt.ACCEPTED);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_202WithALargeBody_isABadResponseThatMayHaveTakenEffectAndIsNotSentAgain(Command command) {
        byte[] page = new byte[CommandCall.MAX_ACCEPTED_BODY_BYTES + 1];
        Arrays.fill(page, (byte) 'x');
        answer(command, aResponse().withStatus(202).withHeader("Content-Type", "text/html").withBody(page));

        assertFails(command, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(failure.httpStatus()).hasValue(202);
            assertThat(failure.mayHaveTakenEffect()).isTrue();
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.getMessage()).contains("carries no document, this one carries 4097 bytes",
                    "not sent again: the request may have reached the API");
        });
        assertThat(received(command)).hasSize(1);
    }

    // Ordinary answers that are not acceptances

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_404FromTheApi_isNotFound(Command command) {
        answer(command, ApiServer.error(404, "not_found", "The resource you were accessing could not be found.", "r-404"));

        assertThat(send(command)).isEqualTo(CommandReceipt.NOT_FOUND);
        assertThat(received(command)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_404WithoutBody_isNotFound(Command command) {
        answer(command, aResponse().withStatus(404));

        assertThat(send(command)).isEqualTo(CommandReceipt.NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_htmlPage404_isAnUnexpectedResponseThatTookNoEffect(Command command) {
        answer(command, aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>404 Not Found</h1>nginx</body></html>"));

        assertFails(command, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(failure.httpStatus()).hasValue(404);
            assertThat(failure.mayHaveTakenEffect()).isFalse();
            assertThat(failure.getMessage()).contains("not the API's answer", "check the base URL");
        });
        assertThat(received(command)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_409FromTheApi_isInProgress(Command command) {
        answer(command, ApiServer.error(409, "conflict", "The request could not be completed due to a conflict.", "r-409"));

        assertThat(send(command)).isEqualTo(CommandReceipt.IN_PROGRESS);
        assertThat(received(command)).hasSize(1);
    }

    @Test
    void retry_409WithoutBody_isInProgress() {
        answer(Command.RETRY, aResponse().withStatus(409));

        assertThat(send(Command.RETRY)).isEqualTo(CommandReceipt.IN_PROGRESS);
    }

    @Test
    void retry_htmlPage409_isAConflictFailureNotAnAnswer() {
        answer(Command.RETRY, aResponse().withStatus(409).withHeader("Content-Type", "text/html").withBody("<html>busy</html>"));

        assertFails(Command.RETRY, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.CONFLICT);
            assertThat(failure.mayHaveTakenEffect()).isFalse();
        });
    }

    // Refusals: the API answered, nothing was done, nothing is sent again

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_401_failsWithAuthenticationAfterOneRequest(Command command) {
        answer(command, ApiServer.error(401, "unauthorized", "Unable to authenticate you.", "r-401"));

        assertFails(command, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
            assertThat(failure.httpStatus()).hasValue(401);
            assertThat(failure.requestId()).contains("r-401");
            assertThat(failure.mayHaveTakenEffect()).isFalse();
        });
        assertThat(received(command)).hasSize(1);
    }

    static Stream<Arguments> permissionMessages() {
        return Stream.of(
                Arguments.of(Command.SELECTIVE, "the token may not destroy this droplet: the call needs the droplet:delete"
                        + " and block_storage:delete scopes"),
                Arguments.of(Command.DANGEROUS, "the token may not destroy this droplet: the call needs the droplet:delete"
                        + " and block_storage:delete scopes"),
                Arguments.of(Command.RETRY, "the token may not retry this teardown: the call needs the droplet:delete"
                        + " and block_storage:delete scopes"));
    }

    @ParameterizedTest
    @MethodSource("permissionMessages")
    void command_403_failsWithPermissionNamingTheScopesOfThatCall(Command command, String message) {
        answer(command, ApiServer.error(403, "forbidden", "You do not have access for the attempted action.", "r-403"));

        assertFails(command, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.PERMISSION);
            assertThat(failure.getMessage()).contains(message);
            assertThat(failure.mayHaveTakenEffect()).isFalse();
        });
        assertThat(received(command)).hasSize(1);
    }

    static Stream<Arguments> refusalsWithErrorBodies() {
        return Stream.of(Command.values()).flatMap(command -> Stream.of(
                Arguments.of(command, 422, "unprocessable_entity", "volumes ids are not associated with this droplet"),
                Arguments.of(command, 400, "bad_request", "X-Dangerous header is required")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusalsWithErrorBodies")
    void command_refusedWithAnErrorBody_showsWhatTheApiSaidAndTookNoEffect(Command command, int status, String id,
            String message) {
        answer(command, ApiServer.error(status, id, message, "r-" + status));

        assertFails(command, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.REJECTED);
            assertThat(failure.httpStatus()).hasValue(status);
            assertThat(failure.requestId()).contains("r-" + status);
            assertThat(failure.getMessage()).contains("(HTTP " + status + "); the API said " + id + ": " + message);
            assertThat(failure.mayHaveTakenEffect()).isFalse();
            assertThat(failure.getMessage()).doesNotContain("not sent again");
        });
        assertThat(received(command)).hasSize(1);
    }

    // Sent again: only when the first attempt surely did not reach the API

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_429Then202_isSentTwiceAndAccepted(Command command) {
        answerInTurn(command, ApiServer.error(429, "too_many_requests", "API Rate limit exceeded.", "r-429")
                .withHeader("Retry-After", "1"), aResponse().withStatus(202));

        assertThat(send(command)).isEqualTo(CommandReceipt.ACCEPTED);

        assertThat(received(command)).hasSize(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_408Then202_isSentTwiceAsTheApiReadNothing(Command command) {
        answerInTurn(command, ApiServer.error(408, "request_timeout", "The server timed out waiting for the request.", "r-408"),
                aResponse().withStatus(202));

        assertThat(send(command)).isEqualTo(CommandReceipt.ACCEPTED);

        assertThat(received(command)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_429Always_failsRateLimitedWithoutEffectAfterEveryAttempt(Command command) {
        answer(command, ApiServer.error(429, "too_many_requests", "API Rate limit exceeded.", "r-429")
                .withHeader("Retry-After", "1"));

        assertFails(command, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.mayHaveTakenEffect()).isFalse();
        });
        assertThat(received(command)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_connectionRefusedThen202_isSentAgainAndAccepted(Command command) {
        int port = freePort();
        WireMockServer[] late = new WireMockServer[1];
        // Nothing listens at the first attempt; the server opens while the transport waits to retry.
        Sleeper opensTheServer = wait -> {
            late[0] = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(port));
            late[0].start();
            late[0].stubFor(any(urlPathEqualTo(command.path)).willReturn(aResponse().withStatus(202)));
        };
        useTransport(HttpTransport.builder(config().baseUrl("http://127.0.0.1:" + port).build())
                .clock(clock).sleeper(opensTheServer).jitter(() -> Long.MIN_VALUE).build());
        try {
            assertThat(send(command)).isEqualTo(CommandReceipt.ACCEPTED);
            assertThat(late[0].findAll(anyRequestedFor(urlPathEqualTo(command.path)))).hasSize(1);
        } finally {
            if (late[0] != null) {
                late[0].stop();
            }
        }
    }

    // Never sent twice: what may have reached the API

    static Stream<Arguments> ambiguousAnswers() {
        return Stream.of(Command.values()).flatMap(command -> Stream.of(
                Arguments.of(command, "500", ApiServer.error(500, "server_error", "Unexpected server-side error", "r-500"),
                        Reason.SERVER_ERROR),
                Arguments.of(command, "501", aResponse().withStatus(501), Reason.SERVER_ERROR),
                Arguments.of(command, "502", aResponse().withStatus(502).withBody("<html>bad gateway</html>"),
                        Reason.SERVER_ERROR),
                Arguments.of(command, "503 with Retry-After", ApiServer.error(503, "unavailable", "try later", "r-503")
                        .withHeader("Retry-After", "0"), Reason.SERVER_ERROR),
                Arguments.of(command, "504", aResponse().withStatus(504), Reason.SERVER_ERROR),
                Arguments.of(command, "connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        Reason.NETWORK),
                Arguments.of(command, "empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), Reason.NETWORK)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ambiguousAnswers")
    void command_ambiguousFailure_isSentOnceAndMayHaveTakenEffect(Command command, String what,
            ResponseDefinitionBuilder response, Reason reason) {
        answer(command, response);

        assertFails(command, failure -> {
            assertThat(failure.reason()).isEqualTo(reason);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.mayHaveTakenEffect()).isTrue();
            assertThat(failure.getMessage()).contains("not sent again: the request may have reached the API");
        });
        assertThat(received(command)).hasSize(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_noAnswerWithinTheResponseTimeout_isSentOnceAndMayHaveTakenEffect(Command command) {
        useTransport(HttpTransport.builder(config().responseTimeout(Duration.ofMillis(200)).build())
                .clock(clock).sleeper(clock.sleeper()).build());
        answer(command, aResponse().withStatus(202).withFixedDelay(1_000));

        assertFails(command, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.mayHaveTakenEffect()).isTrue();
            assertThat(failure.getMessage()).contains("not sent again");
        });
        assertThat(received(command)).hasSize(1);
    }

    // The deadline and the rate budget

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_deadlineAlreadyPassed_sendsNothingAndTookNoEffect(Command command) {
        answer(command, aResponse().withStatus(202));

        assertThatThrownBy(() -> command.send(commands, clock.instant().minusSeconds(1)))
                .isInstanceOfSatisfying(TeardownApiException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(failure.attempts()).isZero();
                    assertThat(failure.mayHaveTakenEffect()).isFalse();
                });
        assertThat(received(command)).isEmpty();
    }

    /** Grants every permit, and counts them. */
    private static final class CountingBudget implements RateBudget {
        final AtomicInteger permits = new AtomicInteger();
        final AtomicInteger answers = new AtomicInteger();

        @Override
        public Permit tryAcquire(Instant now) {
            permits.incrementAndGet();
            return new Permit.Granted(now);
        }

        @Override
        public void onAnswer(RateLimitFeedback feedback) {
            answers.incrementAndGet();
        }

        @Override
        public RateBudgetState state(Instant now) {
            return RateBudget.unlimited().state(now);
        }
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void command_eachAttempt_spendsAPermitOfTheRateBudget(Command command) {
        CountingBudget budget = new CountingBudget();
        useTransport(HttpTransport.builder(config().build()).clock(clock).sleeper(clock.sleeper())
                .rateBudget(budget).build());
        answerInTurn(command, ApiServer.error(429, "too_many_requests", "slow down", "r-429").withHeader("Retry-After", "0"),
                ApiServer.error(503, "unavailable", "try later", "r-503"));

        assertThatThrownBy(() -> send(command)).isInstanceOf(TeardownApiException.class);

        assertThat(received(command)).hasSize(2);
        assertThat(budget.permits).hasValue(2);
        assertThat(budget.answers).hasValue(2);
    }

    // The adapter

    @Test
    void over_aSharedTransport_isRefusedOnceItIsClosed() {
        transport.close();

        assertThatThrownBy(() -> commands.retry(DROPLET_ID, Instant.MAX)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> commands.destroy(DROPLET_ID, SELECTION, Instant.MAX))
                .isInstanceOf(IllegalStateException.class);
        assertThat(commands.toString()).endsWith(", closed]");
        assertThat(receivedAnywhere()).isEmpty();
    }

    @Test
    void nullArguments_areRejectedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> commands.destroy(null, SELECTION, Instant.MAX)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> commands.destroy(DROPLET_ID, null, Instant.MAX)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> commands.destroy(DROPLET_ID, SELECTION, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> commands.retry(null, Instant.MAX)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> commands.retry(DROPLET_ID, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> HttpTeardownCommands.over(null)).isInstanceOf(NullPointerException.class);
        assertThat(receivedAnywhere()).isEmpty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
