package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

/**
 * {@code teardown destroy} against a WireMock server on loopback that plays the DigitalOcean API: the
 * exact requests, how many destroys reach the server (none before a plan is confirmed), exit codes and JSON.
 */
class DestroyCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String FAMILY = "/v2/droplets/61486919/destroy_with_associated_resources";
    private static final String DANGEROUS = FAMILY + "/dangerous";
    private static final String SELECTIVE = FAMILY + "/selective";
    private static final String STATUS = FAMILY + "/status";

    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        api.stubFor(get(urlEqualTo(FAMILY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ResourceList.openApiExample().json())));
        api.stubFor(delete(urlPathMatching(FAMILY + "/.*")).willReturn(aResponse().withStatus(202)));
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

    private CliRun typing(TypedInput input, String... args) {
        return CliRun.typing(environment(), input, args);
    }

    private List<LoggedRequest> deletes() {
        return api.findAll(deleteRequestedFor(anyUrl()));
    }

    private static ResponseDefinitionBuilder error(int status, String id, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.writeError(id, message, "r-" + status));
    }

    private static ResponseDefinitionBuilder status(TeardownStatusBuilder status) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.write(status.build()));
    }

    private static TeardownStatusBuilder inProgress() {
        return TeardownStatusBuilder.status(61486919).dropletPending("web-03")
                .pending(ResourceKind.VOLUME, ResourceList.VOLUME, "volume-nyc1-01");
    }

    // --- what is sent ---------------------------------------------------------------------------------

    @Test
    void destroy_allWithYes_listsFirstThenSendsOneDangerousDeleteWithTheHeader() {
        CliRun run = run("destroy", "61486919", "--all", "--yes");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(deletes()).hasSize(1);
        api.verify(1, deleteRequestedFor(urlEqualTo(DANGEROUS)).withHeader("X-Dangerous", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        List<String> order = new java.util.ArrayList<>(api.getAllServeEvents().stream()
                .map(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl()).toList());
        java.util.Collections.reverse(order);
        assertThat(order).containsExactly("GET " + FAMILY, "DELETE " + DANGEROUS);
        assertThat(run.out()).contains("Destroy droplet 61486919 with every associated resource (dangerous)")
                .contains("Also destroyed: any associated resource this token may not list.")
                .contains("Kept, and still costing money: nothing")
                .endsWith("Droplet 61486919: destroy accepted; follow it with: teardown watch 61486919\n");
    }

    @Test
    void destroy_selectionWithYes_sendsTheSelectedIdsPerKindWithoutTheDangerousHeader() {
        CliRun run = run("destroy", "61486919", "--yes", "--volume", ResourceList.VOLUME,
                "--reserved-ip", ResourceList.RESERVED_IP, "--volume", ResourceList.VOLUME);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(deletes()).hasSize(1);
        api.verify(1, deleteRequestedFor(urlEqualTo(SELECTIVE)).withHeader("X-Dangerous", absent())
                .withRequestBody(equalToJson("{\"reserved_ips\":[\"6186916\"],\"volumes\":[\"" + ResourceList.VOLUME
                        + "\"]}")));
        assertThat(run.out()).contains("Destroy droplet 61486919 with 2 of its 4 associated resources:");
        String kept = run.out().substring(run.out().indexOf("Kept, and still costing money:"));
        assertThat(kept).contains(ResourceList.SNAPSHOT).contains(ResourceList.VOLUME_SNAPSHOT)
                .doesNotContain(ResourceList.VOLUME + " ").containsPattern("total +0\\.09\n");
    }

    @Test
    void destroy_floatingIp_isSentUnderTheDeprecatedNameItWasGiven() {
        CliRun run = run("destroy", "61486919", "--yes", "--floating-ip", ResourceList.RESERVED_IP);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        api.verify(1, deleteRequestedFor(urlEqualTo(SELECTIVE))
                .withRequestBody(equalToJson("{\"floating_ips\":[\"6186916\"]}")));
    }

    @Test
    void destroy_dropletOnly_sendsAnEmptySelectionAndShowsEverythingKept() {
        CliRun run = run("destroy", "61486919", "--droplet-only", "--yes");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        api.verify(1, deleteRequestedFor(urlEqualTo(SELECTIVE)).withRequestBody(equalToJson("{}")));
        assertThat(run.out()).contains("Destroy droplet 61486919 alone:")
                .contains("Destroyed with the droplet: nothing else")
                .containsPattern("Kept, and still costing money:\n(.*\n){5}total +14\\.09\n");
    }

    // --- refused before any destroy ---------------------------------------------------------------------

    @Test
    void destroy_idNotAssociated_exitsTwoNamingItAndSendsNoDelete() {
        CliRun run = run("destroy", "61486919", "--yes", "--volume", ResourceList.VOLUME, "--volume", "vol-nope",
                "--snapshot", "snap\u001b[2J");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("teardown: destroy: --snapshot 'snap\\u001b[2J', --volume 'vol-nope' are not"
                + " associated with droplet 61486919; teardown resources 61486919 lists what is; nothing was sent\n");
        assertThat(deletes()).isEmpty();
        api.verify(1, getRequestedFor(urlEqualTo(FAMILY)));
    }

    @Test
    void destroy_idOfAnotherKind_isNotAssociated() {
        CliRun run = run("destroy", "61486919", "--yes", "--volume", ResourceList.SNAPSHOT);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--volume '61486916' is not associated");
        assertThat(deletes()).isEmpty();
    }

    @Test
    void destroy_nothingSaidToDestroy_isAUsageErrorThatSendsNothing() {
        CliRun run = run("destroy", "61486919", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("--all").contains("--droplet-only").contains("--volume");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--all --volume v-1", "--all --droplet-only", "--droplet-only --snapshot s-1"})
    void destroy_twoWaysToSayWhatToDestroy_isAUsageErrorThatSendsNothing(String flags) {
        List<String> args = new java.util.ArrayList<>(List.of("destroy", "61486919", "--yes"));
        args.addAll(List.of(flags.split(" ")));

        CliRun run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("teardown: destroy: choose one of");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void destroy_blankId_isAUsageErrorThatSendsNothing() {
        CliRun run = run("destroy", "61486919", "--yes", "--volume", " ");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("teardown: destroy: --volume needs an id, was blank\n");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void destroy_unknownDroplet_exitsFiveAndSendsNoDelete() throws Exception {
        api.stubFor(get(urlEqualTo(FAMILY)).willReturn(error(404, "not_found", "The resource you requested could not be found.")));

        CliRun human = run("destroy", "61486919", "--all", "--yes");
        CliRun json = run("destroy", "61486919", "--all", "--yes", "--json");

        assertThat(human.exitCode()).isEqualTo(5);
        assertThat(human.out()).contains("Droplet 61486919: no such droplet").contains("nothing was destroyed");
        assertThat(json.exitCode()).isEqualTo(5);
        assertThat(JSON.readTree(json.out())).isEqualTo(JSON.readTree("{\"droplet_id\":61486919,\"command\":\"destroy\","
                + "\"result\":\"not_found\",\"confirmation\":null,\"error\":null}"));
        assertThat(deletes()).isEmpty();
    }

    @Test
    void destroy_listFails_exitsOneAndSendsNoDelete() {
        api.stubFor(get(urlEqualTo(FAMILY)).willReturn(error(401, "unauthorized", "Unable to authenticate you.")));

        CliRun run = run("destroy", "61486919", "--all", "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("DIGITALOCEAN_ACCESS_TOKEN");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
        assertThat(deletes()).isEmpty();
    }

    // --- dry run ------------------------------------------------------------------------------------------

    @Test
    void destroy_dryRun_printsThePlanAndSendsNoDelete() {
        CliRun run = run("destroy", "61486919", "--snapshot", ResourceList.SNAPSHOT, "--volume-snapshot",
                ResourceList.VOLUME_SNAPSHOT, "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).startsWith("Destroy droplet 61486919 with 2 of its 4 associated resources:\n\n"
                        + "Destroyed with the droplet:\nKIND")
                .containsPattern("total +0\\.09\n\nKept, and still costing money:\n")
                .containsPattern("total +14\\.00\n")
                .endsWith("\nDry run: nothing was destroyed.\n");
        assertThat(deletes()).isEmpty();
    }

    @Test
    void destroy_dryRunJson_listsWhatWouldBeDestroyedAndKeptWithTheirCosts() throws Exception {
        CliRun run = run("destroy", "61486919", "--reserved-ip", ResourceList.RESERVED_IP, "--dry-run", "--json");

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode document = JSON.readTree(run.out());
        assertThat(ResourcesCliTest.fieldNames(document)).containsExactly("droplet_id", "command", "result", "destroy",
                "destroyed", "kept", "monthly_cost_destroyed", "monthly_cost_kept");
        assertThat(document.get("droplet_id").asLong()).isEqualTo(61486919L);
        assertThat(document.get("command").asText()).isEqualTo("destroy");
        assertThat(document.get("result").asText()).isEqualTo("dry_run");
        assertThat(document.get("destroy").asText()).isEqualTo("selection");
        assertThat(document.get("destroyed")).isEqualTo(JSON.readTree("[{\"kind\":\"reserved_ip\",\"id\":\"6186916\","
                + "\"name\":\"45.55.96.47\",\"monthly_cost\":\"4.00\"}]"));
        assertThat(document.get("kept")).hasSize(3);
        assertThat(document.get("kept").get(0).get("kind").asText()).isEqualTo("snapshot");
        assertThat(document.get("monthly_cost_destroyed").asText()).isEqualTo("4.00");
        assertThat(document.get("monthly_cost_kept").asText()).isEqualTo("10.09");
        assertThat(deletes()).isEmpty();
    }

    @Test
    void destroy_dryRunOfEverything_keepsNothing() throws Exception {
        CliRun run = run("destroy", "61486919", "--all", "--dry-run", "--json");

        JsonNode document = JSON.readTree(run.out());
        assertThat(document.get("destroy").asText()).isEqualTo("everything");
        assertThat(document.get("destroyed")).hasSize(4);
        assertThat(document.get("kept")).isEmpty();
        assertThat(document.get("monthly_cost_destroyed").asText()).isEqualTo("14.09");
        assertThat(document.get("monthly_cost_kept").asText()).isEqualTo("0.00");
        assertThat(deletes()).isEmpty();
    }

    @Test
    void destroy_dryRunWithAnUnknownId_exitsTwo() {
        CliRun run = run("destroy", "61486919", "--volume", "nope", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--volume 'nope' is not associated");
    }

    @Test
    void destroy_dryRunAndWatch_isAUsageError() {
        CliRun run = run("destroy", "61486919", "--all", "--dry-run", "--watch");

        assertThat(run.exitCode()).isEqualTo(2);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    // --- confirmation -------------------------------------------------------------------------------------

    @Test
    void destroy_withoutYesAndWithoutATerminal_refusesSayingToAddYesAndSendsNothing() {
        CliRun run = run("destroy", "61486919", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("teardown: destroy of droplet 61486919 not confirmed: standard input is not"
                + " a terminal").contains("add --yes").contains("--dry-run");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void destroy_onATerminalTypingTheDropletId_showsThePlanAsksOnceAndDestroys() {
        TypedInput input = TypedInput.lines(" 61486919 ");

        CliRun run = typing(input, "destroy", "61486919", "--all");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(input.reads()).isEqualTo(1);
        assertThat(run.out()).startsWith("Destroy droplet 61486919 with every associated resource (dangerous):")
                .endsWith("Droplet 61486919: destroy accepted; follow it with: teardown watch 61486919\n");
        assertThat(run.err()).isEqualTo("Type the droplet id (61486919) to destroy it with everything associated,"
                + " anything else to cancel: ");
        assertThat(deletes()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"61486918", "yes", "", "061486919", "61486919\u001b[2J"})
    void destroy_onATerminalTypingAnythingElse_isNotConfirmedAndSendsNoDelete(String typed) {
        CliRun run = typing(TypedInput.lines(typed), "destroy", "61486919", "--volume", ResourceList.VOLUME);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("Destroy droplet 61486919 with 1 of its 4 associated resources:");
        assertThat(run.err()).contains("teardown: destroy of droplet 61486919 not confirmed: typed '")
                .endsWith("', not 61486919; nothing was sent\n").doesNotContain("\u001b");
        assertThat(deletes()).isEmpty();
    }

    @Test
    void destroy_onATerminalAtTheEndOfInput_isNotConfirmedAndSendsNoDelete() {
        CliRun run = typing(TypedInput.endOfInput(), "destroy", "61486919", "--all");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).endsWith("\nteardown: destroy of droplet 61486919 not confirmed: no answer (end of input);"
                + " nothing was sent\n");
        assertThat(deletes()).isEmpty();
    }

    @Test
    void destroy_onATerminalWithYes_asksNothing() {
        TypedInput input = TypedInput.endOfInput();

        CliRun run = typing(input, "destroy", "61486919", "--all", "--yes");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(input.reads()).isZero();
        assertThat(deletes()).hasSize(1);
    }

    @Test
    void destroy_onATerminalWithJson_keepsStandardOutputToTheResultDocument() throws Exception {
        CliRun run = typing(TypedInput.lines("61486919"), "destroy", "61486919", "--all", "--json");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out().lines()).hasSize(1);
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree("{\"droplet_id\":61486919,\"command\":\"destroy\","
                + "\"result\":\"accepted\",\"confirmation\":\"answered\",\"error\":null}"));
        assertThat(run.err()).startsWith("Destroy droplet 61486919 with every associated resource").contains("Type the droplet id");
    }

    // --- the API's answers --------------------------------------------------------------------------------

    @Test
    void destroy_json_printsTheResultDocumentOnly() throws Exception {
        CliRun run = run("destroy", "61486919", "--all", "--yes", "--json");

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode document = JSON.readTree(run.out());
        assertThat(ResourcesCliTest.fieldNames(document)).containsExactly("droplet_id", "command", "result",
                "confirmation", "error");
        assertThat(document.get("result").asText()).isEqualTo("accepted");
        assertThat(document.get("confirmation").asText()).isEqualTo("answered");
        assertThat(run.out().lines()).hasSize(1);
    }

    @Test
    void destroy_answered404_exitsFive() throws Exception {
        api.stubFor(delete(urlEqualTo(DANGEROUS)).willReturn(error(404, "not_found", "The resource you requested could not be found.")));

        CliRun run = run("destroy", "61486919", "--all", "--yes", "--json");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(JSON.readTree(run.out()).get("result").asText()).isEqualTo("not_found");
        assertThat(deletes()).hasSize(1);
    }

    @Test
    void destroy_answered409_exitsFourSayingADestroyIsInProgress() {
        api.stubFor(delete(urlEqualTo(SELECTIVE)).willReturn(error(409, "conflict", "A destroy is already in progress.")));

        CliRun run = run("destroy", "61486919", "--volume", ResourceList.VOLUME, "--yes", "--watch");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("Droplet 61486919: a destroy is already in progress, so this one was refused;"
                + " follow it with: teardown watch 61486919");
        assertThat(deletes()).hasSize(1);
        api.verify(0, getRequestedFor(urlEqualTo(STATUS)));
    }

    @Test
    void destroy_403_exitsOneNamingBothScopes() {
        api.stubFor(delete(urlEqualTo(DANGEROUS)).willReturn(error(403, "forbidden", "You do not have access for the attempted action.")));

        CliRun run = run("destroy", "61486919", "--all", "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("droplet:delete and block_storage:delete scopes");
        assertThat(deletes()).hasSize(1);
    }

    @Test
    void destroy_noAnswerAndNoStatus_exitsOneSayingTheOutcomeIsUnknownAndSendsItOnce() throws Exception {
        api.stubFor(delete(urlEqualTo(DANGEROUS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(error(503, "service_unavailable", "try later")));

        CliRun human = run("destroy", "61486919", "--all", "--yes", "--timeout", "5s");

        assertThat(human.exitCode()).isEqualTo(1);
        assertThat(human.err().lines()).hasSize(1);
        assertThat(human.err()).startsWith("teardown: ")
                .endsWith("(the API may have accepted it; check with teardown status 61486919 before sending it again)\n");
        assertThat(deletes()).hasSize(1);
        api.resetRequests();

        CliRun json = run("destroy", "61486919", "--all", "--yes", "--timeout", "5s", "--json");

        JsonNode document = JSON.readTree(json.out());
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(document.get("result").asText()).isEqualTo("failed");
        assertThat(document.get("error").get("reason").asText()).isEqualTo("outcome_unknown");
        assertThat(deletes()).hasSize(1);
    }

    @Test
    void destroy_noAnswerButTheStatusShowsTheTeardown_isAcceptedAsSeenInTheStatusAndSentOnce() throws Exception {
        api.stubFor(delete(urlEqualTo(DANGEROUS)).willReturn(error(500, "server_error", "Unexpected server-side error")));
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(status(inProgress())));

        CliRun run = run("destroy", "61486919", "--all", "--yes", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(JSON.readTree(run.out()).get("confirmation").asText()).isEqualTo("seen_in_status");
        assertThat(deletes()).hasSize(1);
    }

    @Test
    void destroy_verbose_logsTheDeleteButNeverTheToken() {
        CliRun run = run("destroy", "61486919", "--all", "--yes", "--verbose");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).contains("> GET " + FAMILY + " -> 200").contains("> DELETE " + DANGEROUS + " -> 202");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    // --- --watch -----------------------------------------------------------------------------------------

    private void statusesThen(TeardownStatusBuilder last) {
        api.stubFor(get(urlEqualTo(STATUS)).inScenario("teardown").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(inProgress())).willSetStateTo("done"));
        api.stubFor(get(urlEqualTo(STATUS)).inScenario("teardown").whenScenarioStateIs("done")
                .willReturn(status(last)));
    }

    @Test
    void destroy_watch_followsTheTeardownToItsEndAndExitsWithTheWatchsCode() {
        statusesThen(TeardownStatusBuilder.status(61486919).completedAt("2026-11-29T10:00:09Z")
                .dropletDestroyedAt("web-03", "2026-11-29T10:00:02Z")
                .destroyed(ResourceKind.VOLUME, ResourceList.VOLUME, "volume-nyc1-01", "2026-11-29T10:00:05Z"));

        CliRun run = run("destroy", "61486919", "--all", "--yes", "--watch");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Droplet 61486919: destroy accepted")
                .contains("in progress: 0 destroyed, 0 failed, 2 pending of 2")
                .contains("succeeded: 2 destroyed, 0 failed, 0 pending of 2")
                .contains("Droplet 61486919: succeeded (completed 2026-11-29T10:00:09Z)");
        assertThat(deletes()).hasSize(1);
    }

    @Test
    void destroy_watchEndingWithFailures_exitsThree() {
        statusesThen(TeardownStatusBuilder.status(61486919).completedAt("2026-11-29T10:00:09Z").failures(1)
                .dropletDestroyedAt("web-03", "2026-11-29T10:00:02Z")
                .failed(ResourceKind.VOLUME, ResourceList.VOLUME, "volume-nyc1-01", "volume is still attached"));

        CliRun run = run("destroy", "61486919", "--all", "--yes", "--watch", "--json");

        assertThat(run.exitCode()).isEqualTo(3);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("\"result\":\"accepted\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"outcome\":\"completed_with_failures\"");
        assertThat(deletes()).hasSize(1);
    }

    @Test
    void destroy_watchPastItsTimeout_exitsFourNamingTheWatchTimeout() {
        api.stubFor(get(urlEqualTo(STATUS)).willReturn(status(inProgress())));

        CliRun run = run("destroy", "61486919", "--all", "--yes", "--watch", "--watch-timeout", "1m");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("still in progress after 1m00s (the --watch-timeout)");
        assertThat(deletes()).hasSize(1);
    }
}
