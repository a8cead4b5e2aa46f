package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command against a WireMock server on loopback that plays the DigitalOcean API. */
class ApiCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String PATH = "/v2/droplets/61486916/destroy_with_associated_resources/status";

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

    private Map<String, String> environment() {
        return Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl());
    }

    private void answer(int status, byte[] body) {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
    }

    private CliRun run(String... args) {
        return CliRun.of(environment(), args);
    }

    @Test
    void status_referenceExample_printsTheReportAndExitsZero() {
        answer(200, ReferenceExamples.checkStatusDocJson());

        CliRun run = run("status", "61486916");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("Droplet 61486916: succeeded (completed 2020-04-01T18:11:49Z)")
                .contains("5 destroyed, 0 failed, 0 pending of 5 (100% done)")
                .contains("KIND").contains("volume_snapshot");
        api.verify(1, getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void status_json_hasExactlyTheDocumentedKeys() throws Exception {
        answer(200, ReferenceExamples.checkStatusDocJson());

        CliRun run = run("status", "61486916", "--json");

        JsonNode document = JSON.readTree(run.out());
        assertThat(fieldNames(document)).containsExactly("droplet_id", "outcome", "completed_at", "failures",
                "progress", "droplet", "resources", "inconsistencies");
        assertThat(document.get("droplet_id").isNumber()).isTrue();
        assertThat(document.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(document.get("completed_at").asText()).isEqualTo("2020-04-01T18:11:49Z");
        assertThat(document.get("failures").asInt()).isZero();
        assertThat(fieldNames(document.get("progress"))).containsExactly("total", "destroyed", "failed", "pending");
        assertThat(document.get("droplet").get("kind").asText()).isEqualTo("droplet");
        assertThat(fieldNames(document.get("droplet")))
                .containsExactly("kind", "id", "name", "state", "destroyed_at", "error_message");
        assertThat(document.get("droplet").get("error_message").isNull()).isTrue();
        List<String> kinds = new ArrayList<>();
        document.get("resources").forEach(resource -> kinds.add(resource.get("kind").asText()));
        assertThat(kinds).containsExactly("reserved_ip", "snapshot", "volume", "volume_snapshot");
        assertThat(document.get("inconsistencies")).isEmpty();
    }

    @Test
    void status_partialFailure_exitsThreeWithTheErrorAndTheContradiction() throws Exception {
        TeardownStatus status = TeardownStatusBuilder.status(61486916)
                .completedAt("2026-11-29T10:00:09Z")
                .dropletDestroyedAt("web-01", "2026-11-29T10:00:08Z")
                .failures(2)
                .failed(ResourceKind.VOLUME, "ba49449a", "data \"main\"", "volume is still attached\nto droplet 7")
                .build();
        answer(200, StatusDocuments.write(status));

        CliRun run = run("status", "61486916", "--json");

        JsonNode document = JSON.readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(document.get("outcome").asText()).isEqualTo("completed_with_failures");
        assertThat(document.get("resources").get(0).get("state").asText()).isEqualTo("failed");
        assertThat(document.get("resources").get(0).get("name").asText()).isEqualTo("data \"main\"");
        assertThat(document.get("resources").get(0).get("error_message").asText())
                .isEqualTo("volume is still attached\nto droplet 7");
        assertThat(document.get("inconsistencies").get(0).asText())
                .isEqualTo("failures count is 2 but 1 resource reports an error");
    }

    @Test
    void status_404_exitsFive() {
        answer(404, StatusDocuments.writeError("not_found", "The resource you requested could not be found.", "r-1"));

        CliRun run = run("status", "61486916");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).contains("no teardown request is known");
    }

    @Test
    void status_401_exitsOneWithOneLineNamingTheVariableAndNeverTheToken() {
        answer(401, StatusDocuments.writeError("unauthorized", "Unable to authenticate you.", "r-2"));

        CliRun run = run("status", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("teardown: ").contains("DIGITALOCEAN_ACCESS_TOKEN");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void status_403_exitsOneNamingTheScope() {
        answer(403, StatusDocuments.writeError("forbidden", "You do not have access for the attempted action.", "r-5"));

        CliRun run = run("status", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("droplet:delete");
    }

    @Test
    void status_rateLimitedForAnHour_exitsOneAtOnceSayingWhenToRetry() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withBody(StatusDocuments.writeError("too_many_requests", "API rate limit exceeded.", "r-6"))));

        CliRun run = run("status", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("rate limited: retry after 2026-11-29T11:00:00Z");
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void watch_rateLimitedOnce_waitsAndFinishes() {
        api.stubFor(get(urlEqualTo(PATH)).inScenario("limit").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "40")
                        .withBody(StatusDocuments.writeError("too_many_requests", "API rate limit exceeded.", "r-7")))
                .willSetStateTo("allowed"));
        api.stubFor(get(urlEqualTo(PATH)).inScenario("limit").whenScenarioStateIs("allowed")
                .willReturn(aResponse().withStatus(200).withBody(ReferenceExamples.checkStatusDocJson())));

        CliRun run = run("watch", "61486916");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("lookup failed (rate_limited)").contains("succeeded");
    }

    @Test
    void status_serverErrorEveryTime_exitsOneWithTheCause() {
        answer(500, StatusDocuments.writeError("server_error", "Unexpected server-side error", "r-3"));

        CliRun run = run("status", "61486916", "--timeout", "5s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("500").contains("retry later");
    }

    @Test
    void status_htmlErrorPage_exitsOneSayingItWasNotAStatus() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));

        CliRun run = run("status", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("--api-url");
    }

    @Test
    void status_htmlNotFoundPageFromAWrongBaseUrl_exitsOneNotFive() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>404 Not Found</body></html>")));

        CliRun run = run("status", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("not the API's answer").contains("--api-url");
    }

    @Test
    void status_noToken_exitsOneNamingTheVariableAndSendsNothing() {
        CliRun run = CliRun.of(Map.of("DIGITALOCEAN_API_URL", api.baseUrl()), "status", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("DIGITALOCEAN_ACCESS_TOKEN").contains("--sandbox");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void status_fallbackTokenAndApiUrlFlag_areUsed() {
        answer(200, ReferenceExamples.checkStatusDocJson());

        CliRun run = CliRun.of(Map.of("DIGITALOCEAN_TOKEN", "fallback-token-123", "DIGITALOCEAN_API_URL", "http://127.0.0.1:1"),
                "status", "61486916", "--api-url", api.baseUrl());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        api.verify(1, getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer fallback-token-123")));
    }

    @Test
    void status_verbose_logsEachRequestLineButNeverTheToken() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "4321")
                .withBody(ReferenceExamples.checkStatusDocJson())));

        CliRun run = run("status", "61486916", "--verbose");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).contains("> GET " + PATH + " -> 200 (attempt 1, ").contains("ratelimit-remaining 4321)");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void status_verbose_logsThePermitsTheDefaultRateBudgetHasLeft() {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody(ReferenceExamples.checkStatusDocJson())));

        CliRun run = run("status", "61486916", "--verbose");

        assertThat(run.exitCode()).isEqualTo(0);
        // 80 % of DigitalOcean's 250 a minute, one of them spent
        assertThat(run.err()).contains("> GET " + PATH + " -> 200 (attempt 1, ").contains(" ms, budget-remaining 199)");
    }

    @Test
    void status_noCache_stillAnswers() {
        answer(200, ReferenceExamples.openApiJson());

        assertThat(run("status", "61486916", "--no-cache").exitCode()).isEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1.5"})
    void status_badDropletId_isAUsageErrorAndSendsNothing(String bad) {
        CliRun run = run("status", bad);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("DROPLET_ID");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void status_plainHttpToARemoteHost_isRefusedInOneLineAndNothingIsSent() {
        CliRun run = CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN), "status", "61486916",
                "--api-url", "http://api.example.com");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("teardown: ").contains("https");
        assertThat(run.err()).doesNotContain(TOKEN);
    }

    @Test
    void status_apiUrlVariableNotAUrl_namesTheVariable() {
        CliRun run = CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", "not a url"),
                "status", "61486916");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("teardown: DIGITALOCEAN_API_URL is not a URL: 'not a url'" + System.lineSeparator());
    }

    @Test
    void status_malformedToken_namesTheVariableNotTheToken() {
        CliRun run = CliRun.of(Map.of("DIGITALOCEAN_TOKEN", "dop_v1_secret\u0007part", "DIGITALOCEAN_API_URL", api.baseUrl()),
                "status", "61486916");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("DIGITALOCEAN_TOKEN").doesNotContain("secret");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dop_v1_secretword", "dop_v1_secretword and more words", "61486916", "61486916 --json --no-cache"})
    void status_atFileArgument_isTakenLiterallyNeverReadNorEchoed(String contents, @TempDir Path directory)
            throws Exception {
        answer(200, ReferenceExamples.checkStatusDocJson());
        Path file = Files.writeString(directory.resolve("secretfile"), contents + "\n");

        CliRun run = run("status", "@" + file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("was '@").doesNotContain(contents.split(" ")[0]);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    static Stream<Arguments> absurdDurations() {
        List<String[]> options = List.of(new String[] {"status", "--timeout"}, new String[] {"watch", "--timeout"},
                new String[] {"watch", "--interval"});
        List<String> values = List.of("3000000h", "PT3000000H", "pt3000000h", "99999999999999999999ms",
                "9223372036854775807ms", "9223372036854775807s", "153722867280912931m", "PT2562047788015216H",
                "P106751991167301D", "PT9223372036854775807S", "169h", "10081m", "P8D", "PT0.0001S", "0ms", "PT-5S");
        return options.stream().flatMap(option -> values.stream()
                .map(value -> Arguments.of(option[0], option[1], value)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("absurdDurations")
    void anyCommand_durationOutOfRange_isAUsageErrorShowingTheValueAndTheRange(String command, String option, String value) {
        CliRun run = run(command, "61486916", option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'" + value + "'").contains("from 1ms to 168h").doesNotContain("unexpected");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ms", "168h", "10080m", "604800s", "PT168H", "P7D", "PT0.001S"})
    void status_durationAtTheEdgesOfTheRange_isAccepted(String value) {
        answer(200, ReferenceExamples.checkStatusDocJson());

        CliRun run = run("status", "61486916", "--timeout", value);

        assertThat(run.err()).doesNotContain("out of range");
    }

    @Test
    void status_unknownOption_isAUsageError() {
        CliRun run = run("status", "61486916", "--colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--colour");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void noSubcommand_printsUsageAndExitsTwo() {
        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: teardown").contains("Exit codes");
    }

    @Test
    void watch_serverKeepsFailing_exitsOneAfterTheFailureLimit() {
        answer(503, StatusDocuments.writeError("service_unavailable", "try later", "r-4"));

        CliRun run = run("watch", "61486916");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).contains("lookup failed (server_error), retrying");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
