package dev.teardown.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teardown.domain.DropletId;
import dev.teardown.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a sandbox counts, read in process and from {@code GET /sandbox/stats}. */
class SandboxStatisticsTest {

    private final ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");

    @Test
    void statistics_countRequestsByDropletAndByStatusAnd429s() {
        try (SandboxServer sandbox = SandboxServer.builder().clock(clock).rateLimits(4, 100).start()) {
            SandboxApi api = new SandboxApi(sandbox);
            api.status(61486916);
            api.status(61486916);
            api.list(12345);
            api.send("GET", "/v2/account", null, "Authorization", SandboxApi.TOKEN);
            api.status(61486917);

            SandboxStatistics statistics = sandbox.statistics();

            assertThat(statistics.requests()).isEqualTo(5);
            assertThat(statistics.rateLimited()).isEqualTo(1);
            assertThat(statistics.requestsByDroplet()).isEqualTo(Map.of(
                    DropletId.of(61486916), 2L, DropletId.of(12345), 1L, DropletId.of(61486917), 1L));
            assertThat(statistics.requestsFor(DropletId.of(61486918))).isZero();
            assertThat(statistics.answersByStatus()).isEqualTo(Map.of(200, 2L, 404, 2L, 429, 1L));
            assertThat(statistics.summary())
                    .isEqualTo("5 requests, 1 refused with 429, 3 droplets; by status: 200=2 404=2 429=1");
        }
    }

    @Test
    void statisticsEndpoint_answersTheSameAsJsonAndIsNotCounted() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, clock)) {
            SandboxApi api = new SandboxApi(sandbox);
            api.status(61486916);
            api.dangerous(61486919);

            HttpResponse<byte[]> first = api.send("GET", SandboxServer.STATISTICS_PATH, null);
            HttpResponse<byte[]> second = api.send("GET", SandboxServer.STATISTICS_PATH, null);

            JsonNode expected = SandboxApi.JSON.readTree("""
                    {"requests": 2, "rate_limited": 0, "by_droplet": {"61486916": 1, "61486919": 1},
                     "by_status": {"200": 1, "202": 1}}""");
            assertThat(SandboxApi.json(first)).isEqualTo(expected);
            assertThat(SandboxApi.json(second)).isEqualTo(expected);
            assertThat(SandboxApi.header(first, "content-type")).isEqualTo("application/json; charset=utf-8");
            assertThat(SandboxApi.JSON.readTree(sandbox.statistics().toJson())).isEqualTo(expected);
            assertThat(api.send("POST", SandboxServer.STATISTICS_PATH, "").statusCode()).isEqualTo(405);
        }
    }

    @Test
    void statistics_newSandbox_countNothing() {
        try (SandboxServer sandbox = SandboxServer.start(0, clock)) {
            assertThat(sandbox.statistics()).isEqualTo(new SandboxStatistics(0, 0, Map.of(), Map.of()));
            assertThat(sandbox.statistics().summary()).isEqualTo("0 requests, 0 refused with 429, 0 droplets");
        }
    }
}
