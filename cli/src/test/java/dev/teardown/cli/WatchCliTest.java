package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.ResourceKind;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code watch} against a WireMock server on loopback that plays the DigitalOcean API, on a manual clock. */
class WatchCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String PATH = "/v2/droplets/61486916/destroy_with_associated_resources/status";
    /** Where {@link CliRun}'s manual clock starts. */
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant AN_HOUR_LATER = START.plusSeconds(3600);

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

    private CliRun run(String... args) {
        return CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl()), args);
    }

    private static ResponseDefinitionBuilder inProgress() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.write(TeardownStatusBuilder.status(61486916)
                        .dropletPending("web-01").pending(ResourceKind.VOLUME, "ba49449a", "data").build()));
    }

    private static ResponseDefinitionBuilder error(int status, String id, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.writeError(id, message, "r-" + status));
    }

    /** The first lookup answers in progress; every later one answers {@code then}. */
    private void inProgressThen(ResponseDefinitionBuilder then) {
        api.stubFor(get(urlEqualTo(PATH)).inScenario("watch").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(inProgress()).willSetStateTo("then"));
        api.stubFor(get(urlEqualTo(PATH)).inScenario("watch").whenScenarioStateIs("then").willReturn(then));
    }

    // --- a lookup that hangs ends with the watch (item 6) ----------------------------------------

    static Stream<Arguments> hangs() {
        return Stream.of(
                Arguments.of("no answer at all", inProgress().withFixedDelay(60_000)),
                Arguments.of("a body that dribbles in", inProgress().withChunkedDribbleDelay(60, 60_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hangs")
    void watch_lookupHangsPastTheTimeout_isCutAtTheWatchsDeadlineNotTheLookupsOwn(
            String kind, ResponseDefinitionBuilder hang) throws Exception {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(hang));

        // Each lookup may take 30 s of its own: a watch that still lets it cannot end within this bound.
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("watch", "61486916", "--timeout", "3s", "--json"));

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode error = JSON.readTree(line).get("error");
            assertThat(error.get("reason").asText()).isEqualTo("timeout");
            assertThat(error.get("message").asText()).doesNotContain("PT30S");
        }
    }

    // --- closed output stops the watch (item 7) ---------------------------------------------------

    /** Each lookup sees one more volume destroyed, so that every mode writes after every lookup. */
    private void advancingTeardown() {
        for (int destroyed = 0; destroyed < 6; destroyed++) {
            TeardownStatusBuilder status = TeardownStatusBuilder.status(61486916).dropletPending("web-01");
            for (int i = 0; i < 6; i++) {
                if (i < destroyed) {
                    status.destroyed(ResourceKind.VOLUME, "v" + i, "data-" + i, "2026-11-29T10:00:01Z");
                } else {
                    status.pending(ResourceKind.VOLUME, "v" + i, "data-" + i);
                }
            }
            api.stubFor(get(urlEqualTo(PATH)).inScenario("advancing")
                    .whenScenarioStateIs(destroyed == 0 ? Scenario.STARTED : "step-" + destroyed)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(StatusDocuments.write(status.build())))
                    .willSetStateTo("step-" + Math.min(destroyed + 1, 5)));
        }
    }

    static Stream<Arguments> outputModes() {
        return Stream.of(Arguments.of("lines", false, new String[0]), Arguments.of("terminal", true, new String[0]),
                Arguments.of("json", false, new String[] {"--json"}));
    }

    private CliRun watchWithOutputLimit(boolean terminal, String[] flags, long outputLimit) {
        List<String> args = new java.util.ArrayList<>(List.of("watch", "61486916"));
        args.addAll(List.of(flags));
        return CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl()), terminal,
                outputLimit, args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputModes")
    void watch_outputClosedFromTheStart_stopsAfterTheFirstLookupWithExit141(String mode, boolean terminal, String[] flags) {
        advancingTeardown();

        CliRun run = watchWithOutputLimit(terminal, flags, 0);

        assertThat(run.exitCode()).isEqualTo(141);
        assertThat(run.err()).isEmpty();
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputModes")
    void watch_outputClosedAfterTheFirstWrite_stopsAtTheNextWriteWithExit141(String mode, boolean terminal, String[] flags) {
        advancingTeardown();
        String whole = watchWithOutputLimit(terminal, flags, Long.MAX_VALUE).out();
        api.resetRequests();
        api.resetScenarios();
        int firstWrite = terminal ? whole.indexOf('\r', 1) : whole.indexOf('\n') + 1;

        CliRun run = watchWithOutputLimit(terminal, flags, whole.substring(0, firstWrite).getBytes(UTF_8).length);

        assertThat(run.exitCode()).isEqualTo(141);
        assertThat(run.out()).isEqualTo(whole.substring(0, firstWrite));
        api.verify(2, anyRequestedFor(anyUrl()));
    }

    // --- a rate limit beyond the deadline is a rate limit (item 8) -------------------------------

    static Stream<Arguments> rateLimitsBeyondTheDeadline() {
        return Stream.of(
                Arguments.of("Retry-After in seconds", error(429, "too_many_requests", "API rate limit exceeded.")
                        .withHeader("Retry-After", "3600")),
                Arguments.of("Retry-After as a date", error(429, "too_many_requests", "API rate limit exceeded.")
                        .withHeader("Retry-After", "Sun, 29 Nov 2026 11:00:00 GMT")),
                Arguments.of("retry-after-ms", error(429, "too_many_requests", "API rate limit exceeded.")
                        .withHeader("retry-after-ms", "3600000")),
                Arguments.of("ratelimit-reset", error(429, "too_many_requests", "API rate limit exceeded.")
                        .withHeader("ratelimit-reset", Long.toString(AN_HOUR_LATER.getEpochSecond()))),
                Arguments.of("Retry-After just past the deadline", error(429, "too_many_requests", "API rate limit exceeded.")
                        .withHeader("Retry-After", "599")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimitsBeyondTheDeadline")
    void watch_rateLimitedUntilAfterTheTimeout_exitsOneSayingSoAndWhenTheApiAllowsTheNextRequest(
            String kind, ResponseDefinitionBuilder limited) {
        inProgressThen(limited);

        CliRun run = run("watch", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("rate limited").containsPattern("allows the next request at 2026-11-29T1[01]:")
                .doesNotContain("still in progress");
        assertThat(run.out()).contains("Droplet 61486916: in progress");
        api.verify(2, anyRequestedFor(anyUrl()));
    }

    // --- a failure waiting cannot change ends the watch at once (item 17) -------------------------

    static Stream<Arguments> failuresWaitingCannotChange() {
        return Stream.of(
                Arguments.of("401", error(401, "unauthorized", "Unable to authenticate you.")),
                Arguments.of("403", error(403, "forbidden", "You do not have access for the attempted action.")),
                Arguments.of("400", error(400, "bad_request", "bad request")),
                Arguments.of("HTML 404 from a wrong base URL", aResponse().withStatus(404)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>404 Not Found</body></html>")),
                Arguments.of("HTML 200 from a proxy", aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>Sign in</body></html>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresWaitingCannotChange")
    void watch_failureThatWaitingCannotChange_stopsAtTheFirstWithOneLine(String kind, ResponseDefinitionBuilder refused) {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(refused));

        CliRun run = run("watch", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("teardown: ").doesNotContain(TOKEN);
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void watch_refusedAfterAReport_stopsAtTheFirstRefusalWithTheLastReport(int status) {
        inProgressThen(error(status, "refused", "refused"));

        CliRun run = run("watch", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).contains("Droplet 61486916: in progress");
        api.verify(2, anyRequestedFor(anyUrl()));
    }
}
