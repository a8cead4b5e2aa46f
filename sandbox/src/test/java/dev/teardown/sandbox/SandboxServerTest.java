package dev.teardown.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceState;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox over real HTTP on loopback, read with the JDK's own client. */
class SandboxServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxServer sandbox;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(0, clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<byte[]> get(String path, boolean authorized) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.uri() + path));
        if (authorized) {
            request.header("Authorization", "Bearer any-token");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String statusPath(long dropletId) {
        return "/v2/droplets/" + dropletId + "/destroy_with_associated_resources/status";
    }

    private TeardownStatus statusOf(long dropletId) throws Exception {
        HttpResponse<byte[]> response = get(statusPath(dropletId), true);
        assertThat(response.statusCode()).isEqualTo(200);
        return StatusDocuments.read(DropletId.of(dropletId), response.body());
    }

    @Test
    void uri_isOnLoopback() {
        assertThat(sandbox.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.uri().getPort()).isPositive();
    }

    @Test
    void status_answersLikeTheApiWithRateLimitHeadersAndBothIpLists() throws Exception {
        HttpResponse<byte[]> response = get(statusPath(61486916), true);

        JsonNode document = JSON.readTree(response.body());
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("ratelimit-limit")).hasValue("5000");
        assertThat(response.headers().firstValue("ratelimit-remaining")).hasValue("4999");
        assertThat(response.headers().firstValue("ratelimit-reset")).isPresent();
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        assertThat(document.get("resources").get("reserved_ips").get(0).get("id"))
                .isEqualTo(document.get("resources").get("floating_ips").get(0).get("id"));
    }

    @Test
    void status_succeedingTeardown_destroysOneResourceASecondAndSucceedsAfterSix() throws Exception {
        assertThat(statusOf(61486916).progress().pending()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(3));
        TeardownStatus midway = statusOf(61486916);
        assertThat(midway.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(midway.progress().destroyed()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(3));
        TeardownStatus done = statusOf(61486916);
        assertThat(done.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(done.progress().destroyed()).isEqualTo(5);
        assertThat(done.inconsistencies()).isEmpty();
    }

    @Test
    void status_failingTeardown_endsWithOneFailedVolume() throws Exception {
        statusOf(61486917);
        clock.advance(Duration.ofSeconds(6));

        TeardownStatus done = statusOf(61486917);

        assertThat(done.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(done.reportedFailures()).hasValue(1);
        assertThat(done.failedResources()).singleElement().satisfies(volume -> {
            assertThat(volume.state()).isEqualTo(ResourceState.FAILED);
            assertThat(volume.errorMessage()).get().asString().contains("still attached");
        });
        assertThat(done.inconsistencies()).isEmpty();
    }

    @Test
    void status_stuckTeardown_staysInProgress() throws Exception {
        statusOf(61486918);
        clock.advance(Duration.ofHours(1));

        TeardownStatus later = statusOf(61486918);

        assertThat(later.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(later.progress().destroyed()).isEqualTo(1);
        assertThat(later.progress().pending()).isEqualTo(4);
    }

    @Test
    void status_eachDropletHasItsOwnTimeline() throws Exception {
        statusOf(61486916);
        clock.advance(Duration.ofSeconds(6));

        assertThat(statusOf(61486917).progress().pending()).isEqualTo(5);
        assertThat(statusOf(61486916).outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
    }

    @Test
    void status_otherDroplet_is404WithAnErrorBody() throws Exception {
        HttpResponse<byte[]> response = get(statusPath(12345), true);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("id").asText()).isEqualTo("not_found");
    }

    @Test
    void status_notADropletId_is404() throws Exception {
        assertThat(get("/v2/droplets/abc/destroy_with_associated_resources/status", true).statusCode()).isEqualTo(404);
    }

    @Test
    void status_withoutBearerToken_is401LikeTheApi() throws Exception {
        HttpResponse<byte[]> response = get(statusPath(61486916), false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("Unable to authenticate you.");
    }

    @Test
    void otherPath_is404() throws Exception {
        assertThat(get("/v2/droplets/61486916", true).statusCode()).isEqualTo(404);
    }
}
