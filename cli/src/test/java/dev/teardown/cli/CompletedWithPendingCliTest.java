package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A status that says completed while something is still pending is not a success: exit 3, and what was not destroyed is listed. */
class CompletedWithPendingCliTest {

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

    private CliRun run(TeardownStatus answer, String... args) {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(StatusDocuments.write(answer))));
        return CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl()), args);
    }

    private static TeardownStatusBuilder completedWithoutFailures() {
        return TeardownStatusBuilder.status(61486916).completedAt("2026-11-29T10:00:09Z").failures(0);
    }

    static Stream<Arguments> completedStatusesWithSomethingPending() {
        return Stream.of(
                Arguments.of("the droplet", completedWithoutFailures().dropletPending("web-01")
                        .destroyed(ResourceKind.SNAPSHOT, "3", "nightly", "2026-11-29T10:00:02Z").build(),
                        List.of("droplet web-01 (61486916): still pending")),
                Arguments.of("a reserved IP", completedWithoutFailures().dropletDestroyedAt("web-01", "2026-11-29T10:00:08Z")
                        .pending(ResourceKind.RESERVED_IP, "6186916", "45.55.96.47").build(),
                        List.of("reserved_ip 45.55.96.47 (6186916): still pending")),
                Arguments.of("a volume", completedWithoutFailures().dropletDestroyedAt("web-01", "2026-11-29T10:00:08Z")
                        .pending(ResourceKind.VOLUME, "ba49449a", "data").build(),
                        List.of("volume data (ba49449a): still pending")),
                Arguments.of("a snapshot and a volume snapshot", completedWithoutFailures()
                        .dropletDestroyedAt("web-01", "2026-11-29T10:00:08Z")
                        .pending(ResourceKind.SNAPSHOT, "3", "nightly")
                        .pending(ResourceKind.VOLUME_SNAPSHOT, "edb0478d", "data-nightly").build(),
                        List.of("snapshot nightly (3): still pending", "volume_snapshot data-nightly (edb0478d): still pending")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completedStatusesWithSomethingPending")
    void status_completedWhileSomethingIsPending_exitsThreeListingWhatWasNotDestroyed(
            String what, TeardownStatus answer, List<String> notDestroyed) {
        CliRun run = run(answer, "status", "61486916");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).startsWith("Droplet 61486916: completed with failures (completed 2026-11-29T10:00:09Z)")
                .contains("Not destroyed:")
                .contains("still pending");
        for (String line : notDestroyed) {
            assertThat(run.out()).contains("  - " + line + "\n");
        }
        assertThat(run.out()).containsPattern("completed at 2026-11-29T10:00:09Z but \\d resources? (is|are) still pending");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completedStatusesWithSomethingPending")
    void statusJson_completedWhileSomethingIsPending_exitsThreeWithTheReportedFailuresCount(
            String what, TeardownStatus answer, List<String> notDestroyed) throws Exception {
        CliRun run = run(answer, "status", "61486916", "--json");

        JsonNode document = JSON.readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(document.get("outcome").asText()).isEqualTo("completed_with_failures");
        assertThat(document.get("failures").asInt()).isZero();
        assertThat(document.get("progress").get("pending").asInt()).isEqualTo(notDestroyed.size());
        assertThat(document.get("inconsistencies").toString()).contains("still pending");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completedStatusesWithSomethingPending")
    void watch_completedWhileSomethingIsPending_stopsAndExitsThree(
            String what, TeardownStatus answer, List<String> notDestroyed) {
        CliRun run = run(answer, "watch", "61486916");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("Droplet 61486916: completed with failures").contains("Not destroyed:");
    }
}
