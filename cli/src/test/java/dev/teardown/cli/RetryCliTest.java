package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code teardown retry} against a WireMock server on loopback that plays the DigitalOcean API. */
class RetryCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String FAMILY = "/v2/droplets/61486917/destroy_with_associated_resources";
    private static final String RETRY = FAMILY + "/retry";
    private static final String STATUS = FAMILY + "/status";

    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        api.stubFor(post(urlEqualTo(RETRY)).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private Map<String, String> environment() {
        return Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl());
    }

    private CliRun run(String... args) {
        return CliRun.of(environment(), args);
    }

    private int retries() {
        return api.findAll(postRequestedFor(anyUrl())).size();
    }

    private static ResponseDefinitionBuilder error(int status, String id, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.writeError(id, message, "r-" + status));
    }

    private static ResponseDefinitionBuilder status(TeardownStatusBuilder status) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.write(status.build()));
    }

    private static TeardownStatusBuilder failedVolume() {
        return TeardownStatusBuilder.status(61486917).completedAt("2026-11-29T10:00:06Z").failures(1)
                .dropletDestroyedAt("web-02", "2026-11-29T10:00:01Z")
                .failed(ResourceKind.VOLUME, "ba49449a", "web-02-data", "volume is still attached to another droplet");
    }

    private static TeardownStatusBuilder volumePending() {
        return TeardownStatusBuilder.status(61486917).dropletDestroyedAt("web-02", "2026-11-29T10:00:01Z")
                .pending(ResourceKind.VOLUME, "ba49449a", "web-02-data");
    }

    private static TeardownStatusBuilder succeeded() {
        return TeardownStatusBuilder.status(61486917).completedAt("2026-11-29T10:01:00Z")
                .dropletDestroyedAt("web-02", "2026-11-29T10:00:01Z")
                .destroyed(ResourceKind.VOLUME, "ba49449a", "web-02-data", "2026-11-29T10:00:58Z");
    }

    @Test
    void retry_withYes_sendsOnePostWithNoBodyAndExitsZero() {
        CliRun run = run("retry", "61486917", "--yes");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("Droplet 61486917: retry accepted; follow it with: teardown watch 61486917\n");
        api.verify(1, postRequestedFor(urlEqualTo(RETRY)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(api.findAll(postRequestedFor(urlEqualTo(RETRY))).get(0).getBody()).isEmpty();
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void retry_json_hasTheResultDocument() throws Exception {
        CliRun run = run("retry", "61486917", "--yes", "--json");

        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree("{\"droplet_id\":61486917,\"command\":\"retry\","
                + "\"result\":\"accepted\",\"confirmation\":\"answered\",\"error\":null}"));
    }

    @Test
    void retry_whileADestroyIsInProgress_exitsFour() throws Exception {
        api.stubFor(post(urlEqualTo(RETRY)).willReturn(error(409, "conflict", "A destroy is already in progress.")));

        CliRun human = run("retry", "61486917", "--yes");
        CliRun json = run("retry", "61486917", "--yes", "--json");

        assertThat(human.exitCode()).isEqualTo(4);
        assertThat(human.out()).contains("a destroy is still in progress; retry once it has completed");
        assertThat(JSON.readTree(json.out()).get("result").asText()).isEqualTo("in_progress");
        assertThat(retries()).isEqualTo(2);
    }

    @Test
    void retry_noTeardownKnown_exitsFive() throws Exception {
        api.stubFor(post(urlEqualTo(RETRY)).willReturn(error(404, "not_found", "The resource you requested could not be found.")));

        CliRun human = run("retry", "61486917", "--yes");
        CliRun json = run("retry", "61486917", "--yes", "--json");

        assertThat(human.exitCode()).isEqualTo(5);
        assertThat(human.out()).contains("no teardown request is known for this droplet; nothing to retry");
        assertThat(JSON.readTree(json.out()).get("result").asText()).isEqualTo("not_found");
    }

    @Test
    void retry_withoutYesAndWithoutATerminal_refusesAndSendsNothing() {
        CliRun run = run("retry", "61486917");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("standard input is not a terminal").contains("add --yes");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void retry_onATerminal_showsWhatFailedAndRetriesWhenTheIdIsTyped() {
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(status(failedVolume())));
        TypedInput input = TypedInput.lines("61486917");

        CliRun run = CliRun.typing(environment(), input, "retry", "61486917");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(input.reads()).isEqualTo(1);
        assertThat(run.out()).startsWith("Droplet 61486917: completed with failures")
                .contains("Not destroyed:\n  - volume web-02-data (ba49449a): failed: volume is still attached")
                .contains("A retry destroys again what was not destroyed: the resources above that failed.")
                .endsWith("Droplet 61486917: retry accepted; follow it with: teardown watch 61486917\n");
        assertThat(run.err()).isEqualTo("Type the droplet id (61486917) to retry its teardown, anything else to cancel: ");
        assertThat(retries()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "61486919"})
    void retry_onATerminalTypingAnythingElse_sendsNoRetry(String typed) {
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(status(failedVolume())));

        CliRun run = CliRun.typing(environment(), TypedInput.lines(typed), "retry", "61486917");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).endsWith("teardown: retry of droplet 61486917 not confirmed: typed '" + typed
                + "', not 61486917; nothing was sent\n");
        assertThat(retries()).isZero();
    }

    @Test
    void retry_onATerminalWithNoTeardownKnown_exitsFiveWithoutAsking() {
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(error(404, "not_found", "The resource you requested could not be found.")));
        TypedInput input = TypedInput.lines("61486917");

        CliRun run = CliRun.typing(environment(), input, "retry", "61486917");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(input.reads()).isZero();
        assertThat(retries()).isZero();
    }

    @Test
    void retry_onATerminalWhileInProgress_exitsFourWithoutAsking() {
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(status(volumePending())));
        TypedInput input = TypedInput.lines("61486917");

        CliRun run = CliRun.typing(environment(), input, "retry", "61486917", "--json");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("\"result\":\"in_progress\"");
        assertThat(input.reads()).isZero();
        assertThat(retries()).isZero();
    }

    @Test
    void retry_watch_followsTheRetriedTeardownToItsEnd() {
        // The status the confirmation shows would be served from the cache for 30 s; the watch must not see it.
        api.stubFor(get(urlEqualTo(STATUS)).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(failedVolume())).willSetStateTo("retried"));
        api.stubFor(get(urlEqualTo(STATUS)).inScenario("retry").whenScenarioStateIs("retried")
                .willReturn(status(volumePending())).willSetStateTo("done"));
        api.stubFor(get(urlEqualTo(STATUS)).inScenario("retry").whenScenarioStateIs("done")
                .willReturn(status(succeeded())));

        CliRun run = CliRun.typing(environment(), TypedInput.lines("61486917"), "retry", "61486917", "--watch");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        String watched = run.out().substring(run.out().indexOf("retry accepted"));
        assertThat(watched).contains("in progress: 1 destroyed, 0 failed, 1 pending of 2")
                .contains("Droplet 61486917: succeeded (completed 2026-11-29T10:01:00Z)")
                .doesNotContain("completed with failures");
        assertThat(retries()).isEqualTo(1);
    }

    @Test
    void retry_noAnswerAndNoStatus_exitsOneSayingTheOutcomeIsUnknownAndSendsItOnce() {
        api.stubFor(post(urlEqualTo(RETRY)).willReturn(error(502, "bad_gateway", "Bad gateway")));
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(error(503, "service_unavailable", "try later")));

        CliRun run = run("retry", "61486917", "--yes", "--timeout", "5s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("the API may have accepted it; check with teardown status 61486917");
        assertThat(retries()).isEqualTo(1);
    }

    @Test
    void retry_noAnswerAndTheStatusStillFailed_exitsOneAndSendsItOnce() {
        api.stubFor(post(urlEqualTo(RETRY)).willReturn(error(500, "server_error", "Unexpected server-side error")));
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(status(failedVolume())));

        CliRun run = run("retry", "61486917", "--yes", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"result\":\"failed\"").contains("\"reason\":\"server_error\"");
        assertThat(retries()).isEqualTo(1);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("did not start the retry");
    }
}
