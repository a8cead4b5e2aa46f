package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.ResourceKind;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code watch} of several droplets and of id lists, against a WireMock server on loopback that plays
 * the DigitalOcean API, on a manual clock.
 */
class WatchManyCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";

    /** Each droplet's teardown, as the stubs below answer for it. */
    private static final String SUCCEEDED = "101";
    private static final String FAILED = "102";
    private static final String IN_PROGRESS = "103";
    private static final String NOT_FOUND = "104";
    private static final String REFUSED = "105";
    private static final String SUCCEEDS_LATER = "106";

    private WireMockServer api;

    @TempDir
    Path directory;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        answer(SUCCEEDED, status(TeardownStatusBuilder.status(101).dropletDestroyedAt("web-01", "2026-11-29T09:59:00Z")
                .destroyed(ResourceKind.VOLUME, "v1", "data", "2026-11-29T09:59:10Z").completedAt("2026-11-29T09:59:20Z")));
        answer(FAILED, status(TeardownStatusBuilder.status(102).dropletDestroyedAt("web-02", "2026-11-29T09:59:00Z")
                .failed(ResourceKind.VOLUME, "v2", "data-02", "volume is still attached to another droplet")
                .failures(1).completedAt("2026-11-29T09:59:20Z")));
        answer(IN_PROGRESS, inProgress(103));
        answer(NOT_FOUND, error(404, "not_found", "The resource you were accessing could not be found."));
        answer(REFUSED, error(400, "bad_request", "bad\u001b[2J request\u202e"));
        api.stubFor(get(urlEqualTo(path(SUCCEEDS_LATER))).inScenario("later").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(inProgress(106)).willSetStateTo("done"));
        api.stubFor(get(urlEqualTo(path(SUCCEEDS_LATER))).inScenario("later").whenScenarioStateIs("done")
                .willReturn(status(TeardownStatusBuilder.status(106).dropletDestroyedAt("web-06", "2026-11-29T10:00:01Z")
                        .completedAt("2026-11-29T10:00:01Z"))));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private static String path(String id) {
        return "/v2/droplets/" + id + "/destroy_with_associated_resources/status";
    }

    private void answer(String id, ResponseDefinitionBuilder answer) {
        api.stubFor(get(urlEqualTo(path(id))).willReturn(answer));
    }

    private static ResponseDefinitionBuilder status(TeardownStatusBuilder status) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.write(status.build()));
    }

    private static ResponseDefinitionBuilder inProgress(long id) {
        return status(TeardownStatusBuilder.status(id).dropletPending("web").pending(ResourceKind.VOLUME, "v", "data"));
    }

    private static ResponseDefinitionBuilder error(int status, String id, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.writeError(id, message, "r-" + status));
    }

    private Map<String, String> environment() {
        return Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl());
    }

    private CliRun run(String... args) {
        return CliRun.of(environment(), args);
    }

    private CliRun onTerminal(String... args) {
        return CliRun.of(environment(), true, args);
    }

    private static String[] watch(String... args) {
        return Stream.concat(Stream.of("watch"), Stream.of(args)).toArray(String[]::new);
    }

    private int requests() {
        return api.getAllServeEvents().size();
    }

    private static String lastLine(String out) {
        List<String> lines = out.lines().toList();
        return lines.get(lines.size() - 1);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, UTF_8);
    }

    // --- many ids --------------------------------------------------------------------------------

    @Test
    void watch_severalIds_printsALinePerChangeStartingWithItsIdThenTheSummary() {
        CliRun run = run(watch(SUCCEEDED, SUCCEEDS_LATER, NOT_FOUND));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
        List<String> lines = run.out().lines().filter(line -> !line.isEmpty()).toList();
        assertThat(lines.subList(0, lines.size() - 1))
                .allSatisfy(line -> assertThat(line).matches("(101|106|104) \\[\\d+m?\\d*s\\] .*"));
        assertThat(lines).contains("101 [0s] succeeded: 2 destroyed, 0 failed, 0 pending of 2",
                "106 [0s] in progress: 0 destroyed, 0 failed, 2 pending of 2",
                "104 [0s] no teardown request known");
        assertThat(lines).anyMatch(line -> line.matches("106 \\[\\d+s\\] succeeded: 1 destroyed, 0 failed, 0 pending of 1"));
        assertThat(lastLine(run.out())).isEqualTo("2 succeeded, 0 failed, 0 in progress, 1 not found,"
                + " 0 unknown · requests used " + requests() + " of 4000 an hour");
        assertThat(requests()).isEqualTo(4);
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void watch_sameIdTwice_watchesItOnceAsOneDroplet() {
        CliRun run = run(watch(SUCCEEDED, SUCCEEDED));

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("[0s] succeeded").contains("Droplet 101: succeeded").doesNotContain("requests used");
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> mixesAndTheirExitCodes() {
        return Stream.of(
                Arguments.of(List.of(SUCCEEDED, SUCCEEDS_LATER), 0),
                Arguments.of(List.of(SUCCEEDED, IN_PROGRESS), 4),
                Arguments.of(List.of(IN_PROGRESS, NOT_FOUND, SUCCEEDED), 5),
                Arguments.of(List.of(NOT_FOUND, FAILED, IN_PROGRESS), 3),
                Arguments.of(List.of(FAILED, REFUSED, NOT_FOUND), 1),
                Arguments.of(List.of(SUCCEEDED, FAILED, IN_PROGRESS, NOT_FOUND, REFUSED, SUCCEEDS_LATER), 1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("mixesAndTheirExitCodes")
    void watch_mixOfOutcomes_exitsWithTheWorstInTheOrderOneThreeFiveFourZero(List<String> ids, int exitCode) {
        List<String> args = new ArrayList<>(ids);
        args.addAll(List.of("--timeout", "1m"));

        CliRun run = run(watch(args.toArray(String[]::new)));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
    }

    @Test
    void watch_oneStillInProgressAtTheTimeout_saysSoOnStderrAndCountsIt() {
        CliRun run = run(watch(SUCCEEDED, IN_PROGRESS, "--timeout", "90s"));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).containsPattern("(?m)^103 \\[1m\\d\\ds\\] still in progress at the --timeout \\(1m30s\\)$");
        assertThat(lastLine(run.out())).startsWith("1 succeeded, 0 failed, 1 in progress, 0 not found, 0 unknown");
        assertThat(run.err()).isEqualTo("teardown: 1 droplet still in progress after 1m30s (the --timeout): 103;"
                + " watch again to follow them further" + System.lineSeparator());
    }

    @Test
    void watch_completedWithFailures_printsWhatWasNotDestroyedBeforeTheSummary() {
        CliRun run = run(watch(SUCCEEDED, FAILED));

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("Droplet 102: completed with failures").contains("Not destroyed:")
                .contains("volume is still attached to another droplet").doesNotContain("Droplet 101:");
        assertThat(lastLine(run.out())).startsWith("1 succeeded, 1 failed, 0 in progress");
    }

    @Test
    void watch_serverTextWithControlCharacters_isPrintedEscaped() {
        CliRun run = run(watch(SUCCEEDED, REFUSED));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("bad").doesNotContain("\u001b").doesNotContain("\u202e");
        assertThat(run.err()).startsWith("teardown: ").doesNotContain(TOKEN);
        assertThat(run.out()).containsPattern("(?m)^105 \\[0s\\] gave up: unexpected response, which waiting cannot change$");
    }

    @Test
    void watch_tokenRefused_asksOnceAndNotAboutTheOthers() {
        api.stubFor(get(anyUrl()).atPriority(1).willReturn(error(401, "unauthorized", "Unable to authenticate you.")));

        CliRun run = run(watch(SUCCEEDED, FAILED, IN_PROGRESS, NOT_FOUND));

        assertThat(run.exitCode()).isEqualTo(1);
        api.verify(1, anyRequestedFor(anyUrl()));
        assertThat(run.err()).contains(CliEnvironment.TOKEN_VARIABLE).contains("3 other droplets not asked")
                .doesNotContain(TOKEN);
        assertThat(lastLine(run.out())).startsWith("0 succeeded, 0 failed, 0 in progress, 0 not found, 4 unknown");
    }

    // --- the rate budget -------------------------------------------------------------------------

    @Test
    void watch_moreDropletsThanTheBudgetAllowsAMinute_waitsForPermitsAndIsNeverRefused() {
        // 1 % of 250 a minute: two requests a minute
        answer("107", status(TeardownStatusBuilder.status(107).dropletDestroyedAt("web-07", "2026-11-29T09:59:00Z")
                .completedAt("2026-11-29T09:59:20Z")));
        answer("108", status(TeardownStatusBuilder.status(108).dropletDestroyedAt("web-08", "2026-11-29T09:59:00Z")
                .completedAt("2026-11-29T09:59:20Z")));
        CliRun run = run(watch(SUCCEEDED, FAILED, NOT_FOUND, "107", "108", "--budget-share", "0.01", "--json"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).doesNotContain("rate_limited");
        assertThat(requests()).isEqualTo(5);
    }

    @Test
    void watch_budgetTooSmallForTheTimeout_namesTheDropletsNotAskedAndExitsOne() {
        CliRun run = run(watch(SUCCEEDED, FAILED, NOT_FOUND, "107", "108", "--budget-share", "0.01", "--timeout", "1m"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(requests()).isEqualTo(2);
        assertThat(run.err()).contains("3 droplets not asked before the --timeout of 1m00s: 104, 107, 108;"
                + " the rate budget allows 2 requests a minute and 50 an hour");
        assertThat(run.out()).containsPattern("(?m)^107 \\[1m00s\\] not asked before the --timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-0.5", "1.5", "1.01", "abc", "NaN", "Infinity", "0x1p-1", "150%", "0%", "", "1e-1"})
    void watch_budgetShareNotAboveZeroAndAtMostOne_isAUsageErrorAndSendsNothing(String share) {
        CliRun run = run(watch(SUCCEEDED, FAILED, "--budget-share", share));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--budget-share");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> budgetShares() {
        return Stream.of(Arguments.of("1", 5000), Arguments.of("0.5", 2500), Arguments.of("50%", 2500),
                Arguments.of(".25", 1250));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("budgetShares")
    void watch_budgetShare_setsTheShareOfTheTokensLimitsItMayUse(String share, int perHour) throws Exception {
        CliRun run = run(watch(SUCCEEDED, FAILED, "--budget-share", share, "--json"));

        JsonNode summary = JSON.readTree(lastLine(run.out())).get("summary");
        assertThat(summary.get("requests_allowed_per_hour").asInt()).isEqualTo(perHour);
    }

    // --- --json ----------------------------------------------------------------------------------

    @Test
    void watch_json_printsAnObjectPerChangeWithItsDropletIdThenASummary() throws Exception {
        CliRun run = run(watch(SUCCEEDED, FAILED, IN_PROGRESS, NOT_FOUND, REFUSED, SUCCEEDS_LATER, "--json", "--timeout", "1m"));

        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> documents = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            documents.add(JSON.readTree(line));
        }
        List<JsonNode> changes = documents.subList(0, documents.size() - 1);
        assertThat(changes).allSatisfy(document -> assertThat(document.get("droplet_id").isIntegralNumber()).isTrue());
        assertThat(changes.stream().map(document -> document.get("droplet_id").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(SUCCEEDED, FAILED, IN_PROGRESS, NOT_FOUND, REFUSED, SUCCEEDS_LATER);
        // the droplet still in progress was asked many times, and printed once: nothing changed
        assertThat(changes).filteredOn(document -> document.get("droplet_id").asText().equals(IN_PROGRESS)).hasSize(1);
        assertThat(changes).filteredOn(document -> document.get("droplet_id").asText().equals(REFUSED))
                .singleElement().satisfies(document -> assertThat(document.get("error").get("reason").asText())
                        .isEqualTo("unexpected_response"));
        JsonNode summary = documents.get(documents.size() - 1).get("summary");
        assertThat(summary).isNotNull();
        assertThat(summary.get("watched").asInt()).isEqualTo(6);
        assertThat(summary.get("succeeded").asInt()).isEqualTo(2);
        assertThat(summary.get("completed_with_failures").asInt()).isEqualTo(1);
        assertThat(summary.get("in_progress").asInt()).isEqualTo(1);
        assertThat(summary.get("not_found").asInt()).isEqualTo(1);
        assertThat(summary.get("unavailable").asInt()).isEqualTo(1);
        assertThat(summary.get("requests_used").asInt()).isEqualTo(requests());
        assertThat(summary.get("requests_allowed_per_hour").asInt()).isEqualTo(4000);
        assertThat(summary.get("requests_allowed_per_minute").asInt()).isEqualTo(200);
    }

    // --- terminal or piped -----------------------------------------------------------------------

    @Test
    void watch_onATerminal_redrawsALiveLinePerDropletInPlaceThenPrintsEachEndAndTheSummary() {
        CliRun run = onTerminal(watch(SUCCEEDED, SUCCEEDS_LATER, IN_PROGRESS, "--timeout", "1m"));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).containsPattern("\u001b\\[\\d+A").contains("\u001b[K")
                .contains("106  [..........]   0%  in progress: 0 destroyed, 0 failed, 2 pending of 2")
                .contains("103  waiting for its first lookup");
        List<String> screen = Terminal.render(run.out()).lines().toList();
        assertThat(screen).hasSize(4);
        assertThat(screen.get(0)).isEqualTo("101  succeeded: 2 destroyed, 0 failed, 0 pending of 2  0s");
        assertThat(screen.get(1)).matches("106  succeeded: 1 destroyed, 0 failed, 0 pending of 1  \\d+s");
        assertThat(screen.get(2)).matches("103  still in progress at the --timeout \\(1m00s\\)  \\d+s");
        assertThat(screen.get(3)).isEqualTo("2 succeeded, 0 failed, 1 in progress, 0 not found, 0 unknown"
                + " · requests used " + requests() + " of 4000 an hour");
    }

    @Test
    void watch_onATerminalWithMoreDropletsThanLiveLines_countsTheRest() {
        List<String> ids = IntStream.rangeClosed(1, 25).mapToObj(i -> Long.toString(200 + i)).toList();
        for (String id : ids) {
            answer(id, inProgress(Long.parseLong(id)));
        }
        List<String> args = new ArrayList<>(ids);
        args.addAll(List.of("--timeout", "10s"));

        CliRun run = onTerminal(watch(args.toArray(String[]::new)));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("… and 5 more being watched");
        assertThat(Terminal.render(run.out()).lines()).hasSize(26);
    }

    @Test
    void watch_verboseOnATerminal_printsALinePerChangeThatTheRequestLogCannotOverwrite() {
        CliRun run = onTerminal(watch(SUCCEEDED, SUCCEEDS_LATER, "--verbose"));

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).doesNotContain("\u001b").contains("106 [0s] in progress");
        assertThat(run.err()).contains("> GET /v2/droplets/106/destroy_with_associated_resources/status -> 200");
    }

    @Test
    void watch_onANarrowTerminal_cutsEachLiveLineToItsWidth() {
        CliRun run = CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl(),
                "COLUMNS", "40"), true, watch(SUCCEEDED, IN_PROGRESS, "--timeout", "10s"));

        assertThat(run.exitCode()).isEqualTo(4);
        List<String> live = Stream.of(run.out().split("\n"))
                .map(line -> line.replaceAll("\u001b\\[\\d*[AKJ]", "").replace("\r", ""))
                .filter(line -> line.matches("\\d+  (\\[|waiting).*") || line.startsWith("requests used")
                        || line.matches("\\d+ succeeded, .*…"))
                .toList();
        assertThat(live).isNotEmpty().allSatisfy(line -> assertThat(line).hasSizeLessThan(40));
        assertThat(live).anyMatch(line -> line.startsWith("requests used"));
    }

    @Test
    void watch_sandboxDroplets_followsEachOverRealHttpAndExitsWithTheWorst() {
        CliRun run = CliRun.sandbox("watch", "61486916", "61486917", "61486918", "12345", "--timeout", "90s");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).containsPattern("(?m)^61486916 \\[\\d+s\\] succeeded: 5 destroyed, 0 failed, 0 pending of 5$")
                .containsPattern("(?m)^61486917 \\[\\d+s\\] completed with failures: 4 destroyed, 1 failed, 0 pending of 5$")
                .containsPattern("(?m)^61486918 \\[1m\\d\\ds\\] still in progress at the --timeout \\(1m30s\\)$")
                .contains("12345 [0s] no teardown request known")
                .contains("Droplet 61486917: completed with failures").contains("volume is still attached");
        assertThat(lastLine(run.out())).startsWith("1 succeeded, 1 failed, 1 in progress, 1 not found, 0 unknown · requests used ");
        assertThat(run.err()).contains("61486918");
    }

    // --- closed output and signals ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"lines", "terminal", "json"})
    void watch_outputClosed_stopsAtTheFirstWriteWithExit141(String mode) {
        List<String> args = new ArrayList<>(List.of("watch", SUCCEEDS_LATER, IN_PROGRESS));
        if (mode.equals("json")) {
            args.add("--json");
        }

        CliRun run = CliRun.of(environment(), mode.equals("terminal"), 0, args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(141);
        assertThat(run.err()).isEmpty();
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void watch_stoppedBySignal_printsTheSummaryOnceAndSaysSo(boolean json) {
        List<String> args = new ArrayList<>(List.of("watch", SUCCEEDED, IN_PROGRESS, "--timeout", "5m"));
        if (json) {
            args.add("--json");
        }

        CliRun run = CliRun.stoppedAt(5, environment(), false, args.toArray(String[]::new));

        assertThat(run.out().lines().filter(line -> line.contains("requests used") || line.contains("\"summary\""))).hasSize(1);
        assertThat(lastLine(run.out())).satisfiesAnyOf(
                line -> assertThat(line).startsWith("1 succeeded, 0 failed, 1 in progress"),
                line -> assertThat(line).startsWith("{\"summary\":{\"watched\":2,\"succeeded\":1,"));
        assertThat(run.err()).isEqualTo("teardown: interrupted while watching 1 droplet" + System.lineSeparator());
    }

    // --- --ids-from ------------------------------------------------------------------------------

    @Test
    void watch_idsFromFile_skipsBlankLinesAndCommentsAndWatchesEachIdOnceWithThoseOnTheCommandLine() throws Exception {
        Path ids = file("ids.txt", "\ufeff# the fleet of 29 November\r\n101\r\n\r\n   102   # web-02\n101\n\t\n104\n#105\n");

        CliRun run = run(watch(NOT_FOUND, "--ids-from", ids.toString(), "--json"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        for (String id : List.of(SUCCEEDED, FAILED, NOT_FOUND)) {
            api.verify(1, getRequestedFor(urlEqualTo(path(id))));
        }
        assertThat(requests()).isEqualTo(3);
        assertThat(JSON.readTree(lastLine(run.out())).get("summary").get("watched").asInt()).isEqualTo(3);
    }

    @Test
    void watch_idsFromAListOfOne_printsAsForManyWithTheSummary() throws Exception {
        Path ids = file("one.txt", "101\n");

        CliRun run = run(watch("--ids-from", ids.toString()));

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("101 [0s] succeeded");
        assertThat(lastLine(run.out())).startsWith("1 succeeded, ");
    }

    @Test
    void watch_idsFromStandardInput_readsTheIdsPipedIn() {
        CliRun run = CliRun.withInput("101\n102\n".getBytes(UTF_8), environment(), false, "watch", "--ids-from", "-");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(requests()).isEqualTo(2);
        assertThat(lastLine(run.out())).startsWith("1 succeeded, 1 failed, ");
    }

    @Test
    void watch_idsFileWithBadLines_reportsEachWithItsLineNumberAndSendsNothing() throws Exception {
        Path ids = file("ids.txt", "101\nabc\n\n-5\n0\n102 # fine\n\u0665\n007\n\u001b[2J9\n");

        CliRun run = run(watch(SUCCEEDED, "--ids-from", ids.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly(
                "teardown: " + ids + " line 2: droplet id must be a whole number >= 1, was 'abc'",
                "teardown: " + ids + " line 4: droplet id must be >= 1, was -5",
                "teardown: " + ids + " line 5: droplet id must be >= 1, was 0",
                "teardown: " + ids + " line 7: droplet id must be written with the digits 0-9, was '\u0665'",
                "teardown: " + ids + " line 8: droplet id must be written without leading zeros, was '007'",
                "teardown: " + ids + " line 9: droplet id must be a whole number >= 1, was '\\u001B[2J9'",
                "teardown: nothing was sent: correct the list (one droplet id a line; blank lines and everything"
                        + " from a # on are skipped)");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void watch_standardInputWithBadLines_namesStandardInput() {
        CliRun run = CliRun.withInput("101\nweb-01\n".getBytes(UTF_8), environment(), false, "watch", "--ids-from", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("teardown: standard input line 2: droplet id must be a whole number >= 1, was 'web-01'");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void watch_idsFileOfManyBadLines_showsTheFirstTwentyAndCountsTheRest() throws Exception {
        Path ids = file("words.txt", IntStream.range(0, 30).mapToObj(i -> "word" + i).collect(Collectors.joining("\n")));

        CliRun run = run(watch("--ids-from", ids.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.contains(" line "))).hasSize(20);
        assertThat(run.err()).contains("teardown: and 10 more lines that are not droplet ids");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> listsThatCannotBeRead() {
        return Stream.of(
                Arguments.of("missing", "no such file"),
                Arguments.of("not UTF-8", "not UTF-8 text"),
                Arguments.of("only comments", "lists no droplet ids"),
                Arguments.of("a directory", "cannot be read"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listsThatCannotBeRead")
    void watch_idsFromAListThatCannotBeRead_isAUsageErrorAndSendsNothing(String kind, String message) throws Exception {
        Path list = switch (kind) {
            case "missing" -> directory.resolve("missing.txt");
            case "not UTF-8" -> Files.write(directory.resolve("latin1.txt"), new byte[] {'1', '0', '1', '\n', (byte) 0xe9, '\n'});
            case "only comments" -> file("empty.txt", "# nothing yet\n\n");
            default -> directory;
        };

        CliRun run = run(watch("--ids-from", list.toString()));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("teardown: ").contains(message);
        assertThat(run.err().lines()).hasSize(1);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void watch_badIdAmongSeveral_isAUsageErrorShowingItEscapedAndSendsNothing() {
        CliRun run = run(watch(SUCCEEDED, "\u001b[2J102", FAILED));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("DROPLET_ID").contains("'\\u001B[2J102'").doesNotContain("\u001b");
        assertThat(run.out()).isEmpty();
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void watch_noIdAtAll_isAUsageError() {
        CliRun run = run("watch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("DROPLET_ID").contains("--ids-from");
        api.verify(0, anyRequestedFor(anyUrl()));
    }
}
