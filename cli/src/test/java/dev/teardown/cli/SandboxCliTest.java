package dev.teardown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole stack, CLI to sandbox over real HTTP on loopback, with time on a manual clock. */
class SandboxCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void watch_succeedingTeardown_followsItToTheEndAndExitsZero() {
        CliRun run = CliRun.sandbox("watch", "61486916");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("in progress: 0 destroyed, 0 failed, 5 pending of 5")
                .contains("succeeded: 5 destroyed, 0 failed, 0 pending of 5")
                .contains("Droplet 61486916: succeeded (completed 2026-11-29T10:00:06Z)");
        assertThat(run.out().lines().filter(line -> line.startsWith("reserved_ip"))).hasSize(1);
        assertThat(run.out()).doesNotContain("floating_ip");
    }

    @Test
    void watch_teardownWithAFailedVolume_exitsThreeAndShowsWhy() {
        CliRun run = CliRun.sandbox("watch", "61486917");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("completed with failures: 4 destroyed, 1 failed, 0 pending of 5")
                .contains("volume is still attached to another droplet");
    }

    @Test
    void watch_teardownThatNeverEnds_exitsFourAtTheTimeout() {
        CliRun run = CliRun.sandbox("watch", "61486918", "--timeout", "90s");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("still in progress after 1m30s");
        assertThat(run.out()).contains("Droplet 61486918: in progress");
    }

    @Test
    void watch_unknownDroplet_exitsFive() {
        CliRun run = CliRun.sandbox("watch", "12345");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).contains("no teardown request is known");
    }

    @Test
    void watch_json_printsOneObjectPerLookupTheFinalOneLast() throws Exception {
        CliRun run = CliRun.sandbox("watch", "61486916", "--json");

        List<String> lines = run.out().lines().toList();
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(lines).hasSizeGreaterThan(2);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("droplet_id").asLong()).isEqualTo(61486916L);
        }
        assertThat(JSON.readTree(lines.get(0)).get("outcome").asText()).isEqualTo("in_progress");
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("outcome").asText()).isEqualTo("succeeded");
    }

    @Test
    void watch_onATerminal_redrawsAProgressBarInPlace() {
        CliRun run = CliRun.of(Map.of(), true, "watch", "61486916", "--sandbox");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("\r[").contains("100%").contains("5 destroyed, 0 failed, 0 pending");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(booleans = {false, true})
    void watch_stoppedBySignal_printsTheLastReportOnceAndNothingAfterIt(boolean terminal) {
        CliRun run = CliRun.stoppedAt(3, terminal, "watch", "61486918", "--sandbox", "--timeout", "2m");

        assertThat(run.out().split("Droplet 61486918: ", -1)).as(run.out()).hasSize(2);
        assertThat(run.out()).contains("Droplet 61486918: in progress").contains("1 destroyed, 0 failed, 4 pending of 5");
        assertThat(run.out().substring(run.out().indexOf("Droplet 61486918: "))).doesNotContain("[");
        assertThat(run.err()).isEqualTo("teardown: interrupted while watching droplet 61486918" + System.lineSeparator());
    }

    @Test
    void watch_jsonStoppedBySignal_printsNoMoreLinesAndSaysSo() throws Exception {
        CliRun run = CliRun.stoppedAt(3, false, "watch", "61486918", "--sandbox", "--json", "--timeout", "2m");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("outcome").asText()).isEqualTo("in_progress");
        }
        assertThat(run.err()).isEqualTo("teardown: interrupted while watching droplet 61486918" + System.lineSeparator());
    }

    @Test
    void watch_signalAfterTheEnd_changesNothing() {
        CliRun plain = CliRun.sandbox("watch", "61486916");
        CliRun stoppedLate = CliRun.stoppedAt(1_000, false, "watch", "61486916", "--sandbox");

        assertThat(stoppedLate).isEqualTo(plain);
    }

    @Test
    void status_sandboxFirstLookup_isInProgressExitFour() throws Exception {
        CliRun run = CliRun.sandbox("status", "61486917", "--json");

        JsonNode document = JSON.readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(document.get("outcome").asText()).isEqualTo("in_progress");
        assertThat(document.get("completed_at").isNull()).isTrue();
        assertThat(document.get("progress").get("pending").asInt()).isEqualTo(5);
    }

    @Test
    void status_sandboxUnknownDroplet_printsNotFoundJson() throws Exception {
        CliRun run = CliRun.sandbox("status", "7", "--json");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree("{\"droplet_id\":7,\"outcome\":\"not_found\"}"));
    }

    // --- the walk of the README: list, dry run, destroy and follow it, on droplets not destroyed yet ---

    @Test
    void resources_droplet61486919_listsTheApisExampleResourcesAndTheirTotal() {
        CliRun run = CliRun.sandbox("resources", "61486919");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Droplet 61486919: 4 associated resources, 14.09 USD a month while kept")
                .contains("45.55.96.47").contains("ba49449a-7435-11ea-b89e-0a58ac14480f");
        assertThat(run.out().lines().filter(line -> line.startsWith("reserved_ip"))).hasSize(1);
        assertThat(run.out().lines().filter(line -> line.startsWith("total"))).singleElement().asString().endsWith("14.09");
    }

    @Test
    void resources_json_matchesTheListedCostsExactly() throws Exception {
        CliRun run = CliRun.sandbox("resources", "61486919", "--json");

        JsonNode document = JSON.readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(document.get("monthly_cost_total").asText()).isEqualTo("14.09");
        assertThat(document.get("resources")).hasSize(4);
        assertThat(document.get("resources").get(0).get("kind").asText()).isEqualTo("reserved_ip");
        assertThat(document.get("resources").get(0).get("monthly_cost").asText()).isEqualTo("4.00");
    }

    @Test
    void resources_alreadyDestroyedOrUnknownDroplet_exitsFive() {
        assertThat(CliRun.sandbox("resources", "12345").exitCode()).isEqualTo(5);
    }

    @Test
    void destroy_dryRun_showsThePlanAndDestroysNothing() {
        CliRun run = CliRun.sandbox("destroy", "61486919", "--all", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Destroy droplet 61486919 with every associated resource (dangerous)")
                .contains("Kept, and still costing money: nothing").contains("Dry run: nothing was destroyed.");
    }

    @Test
    void destroy_idNotAssociated_isAUsageErrorAndNothingIsSent() {
        CliRun run = CliRun.sandbox("destroy", "61486919", "--volume", "not-a-volume-of-this-droplet", "--yes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'not-a-volume-of-this-droplet' is not associated with droplet 61486919")
                .contains("nothing was sent");
    }

    @Test
    void destroy_allWithYesAndWatch_followsTheTeardownToSuccess() {
        CliRun run = CliRun.sandbox("destroy", "61486919", "--all", "--yes", "--watch");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Droplet 61486919: destroy accepted")
                .contains("in progress: 0 destroyed, 0 failed, 5 pending of 5")
                .contains("Droplet 61486919: succeeded");
    }

    @Test
    void destroy_selectionWithWatch_destroysOnlyWhatWasSelected() {
        CliRun run = CliRun.sandbox("destroy", "61486919", "--volume", "ba49449a-7435-11ea-b89e-0a58ac14480f",
                "--reserved-ip", "6186916", "--yes", "--watch");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("Droplet 61486919: succeeded")
                .contains("volume-nyc1-01").doesNotContain("edb0478d-7436-11ea-86e6-0a58ac144b91  destroyed");
    }

    @Test
    void destroy_dropletWhoseVolumeFails_watchEndsCompletedWithFailures() {
        CliRun run = CliRun.sandbox("destroy", "61486920", "--all", "--yes", "--watch");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("completed with failures").contains("Not destroyed:");
    }

    @Test
    void destroy_alreadyDestroyedDroplet_exitsFiveWithoutDeleting() {
        CliRun run = CliRun.sandbox("destroy", "61486916", "--all", "--yes");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
    }

    @Test
    void retry_whileTheTeardownIsStillRunning_exitsFour() {
        CliRun run = CliRun.sandbox("retry", "61486918", "--yes");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
    }

    @Test
    void retry_noTeardownKnown_exitsFive() {
        assertThat(CliRun.sandbox("retry", "12345", "--yes").exitCode()).isEqualTo(5);
    }
}
