package dev.teardown.sandbox;

import static dev.teardown.sandbox.SandboxApi.header;
import static dev.teardown.sandbox.SandboxApi.json;
import static dev.teardown.sandbox.SandboxApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceState;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every call of the family as the sandbox answers it, over real HTTP, with time on a manual clock. */
class SandboxCallsTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final long DESTROYABLE = 61486919;
    private static final long FAILS_ONCE = 61486920;
    private static final String API_EXAMPLE = """
            {
              "reserved_ips": [{"id": "6186916", "name": "45.55.96.47", "cost": "4.00"}],
              "floating_ips": [{"id": "6186916", "name": "45.55.96.47", "cost": "4.00"}],
              "snapshots": [{"id": "61486916", "name": "ubuntu-s-1vcpu-1gb-nyc1-01-1585758823330", "cost": "0.05"}],
              "volumes": [{"id": "ba49449a-7435-11ea-b89e-0a58ac14480f", "name": "volume-nyc1-01", "cost": "10.00"}],
              "volume_snapshots": [{"id": "edb0478d-7436-11ea-86e6-0a58ac144b91", "name": "volume-nyc1-01-1585758983629", "cost": "0.04"}]
            }
            """;

    private final ManualClock clock = new ManualClock(START);
    private SandboxServer sandbox;
    private SandboxApi api;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(0, clock);
        api = new SandboxApi(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String id) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("request_id").asText()).isEqualTo(header(response, "x-request-id"));
        assertThat(header(response, "content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(header(response, "ratelimit-limit")).isEqualTo("5000");
    }

    private static void assertAccepted(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "ratelimit-remaining")).isNotBlank();
        assertThat(header(response, "x-request-id")).isNotBlank();
    }

    private static ResourceTeardown resource(TeardownStatus status, ResourceKind kind) {
        return status.resources().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    // The list call

    @Test
    void list_destroyableDroplet_isTheApisOwnExampleWithHeaders() throws Exception {
        HttpResponse<byte[]> response = api.list(DESTROYABLE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(SandboxApi.JSON.readTree(API_EXAMPLE));
        assertThat(header(response, "content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(header(response, "ratelimit-limit")).isEqualTo("5000");
        assertThat(header(response, "ratelimit-remaining")).isEqualTo("4999");
        assertThat(header(response, "ratelimit-reset")).isEqualTo(Long.toString(START.getEpochSecond() + 3600));
        assertThat(header(response, "x-request-id")).isNotBlank();
    }

    @Test
    void list_scriptedDroplet_answersWhatItHadBeforeItsDestroy() {
        AssociatedResources resources = api.resourcesOf(61486916);

        assertThat(resources.resources()).extracting(r -> r.kind())
                .containsExactly(ResourceKind.RESERVED_IP, ResourceKind.SNAPSHOT, ResourceKind.VOLUME, ResourceKind.VOLUME_SNAPSHOT);
        assertThat(json(api.list(61486916)).get("floating_ips").get(0).get("id").asText())
                .isEqualTo(resources.resources().get(0).id());
    }

    @Test
    void list_unknownDroplet_is404WithTheApisErrorBody() {
        HttpResponse<byte[]> response = api.list(12345);

        assertError(response, 404, "not_found");
        assertThat(json(response).get("message").asText()).isEqualTo("The resource you were accessing could not be found.");
    }

    @Test
    void list_fleetDroplet_is404AsForAnyDestroyedDroplet() {
        assertError(api.list(70000000), 404, "not_found");
    }

    // The selective destroy

    @Test
    void selective_startsATeardownOfTheDropletAndTheSelectedResourcesThatFollowsTime() {
        assertAccepted(api.selective(DESTROYABLE,
                "{\"reserved_ips\": [\"6186916\"], \"volumes\": [\"ba49449a-7435-11ea-b89e-0a58ac14480f\"]}"));

        TeardownStatus started = api.statusOf(DESTROYABLE);
        assertThat(started.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(started.progress().pending()).isEqualTo(3);
        assertThat(started.resources()).extracting(ResourceTeardown::kind)
                .containsExactly(ResourceKind.RESERVED_IP, ResourceKind.VOLUME);

        clock.advance(Duration.ofSeconds(10));
        TeardownStatus midway = api.statusOf(DESTROYABLE);
        assertThat(midway.droplet().orElseThrow().destroyedAt()).hasValue(START.plusSeconds(4));
        assertThat(resource(midway, ResourceKind.RESERVED_IP).destroyedAt()).hasValue(START.plusSeconds(10));
        assertThat(resource(midway, ResourceKind.VOLUME).state()).isEqualTo(ResourceState.PENDING);

        clock.advance(Duration.ofSeconds(10));
        TeardownStatus done = api.statusOf(DESTROYABLE);
        assertThat(done.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(done.completedAt()).hasValue(START.plusSeconds(20));
        assertThat(resource(done, ResourceKind.VOLUME).destroyedAt()).hasValue(START.plusSeconds(16));
        assertThat(done.inconsistencies()).isEmpty();
    }

    @Test
    void selective_ipSelectedByItsFloatingName_destroysTheReservedIp() {
        assertAccepted(api.selective(DESTROYABLE, "{\"floating_ips\": [\"6186916\"]}"));

        assertThat(api.statusOf(DESTROYABLE).resources()).extracting(ResourceTeardown::id).containsExactly("6186916");
    }

    @Test
    void selective_nothingSelected_destroysTheDropletAloneInTwentySeconds() {
        assertAccepted(api.selective(DESTROYABLE, "{}"));
        clock.advance(Duration.ofSeconds(20));

        TeardownStatus done = api.statusOf(DESTROYABLE);
        assertThat(done.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(done.resources()).isEmpty();
    }

    @Test
    void selective_idNotAssociated_is422NamingItAndStartsNothing() {
        HttpResponse<byte[]> response = api.selective(DESTROYABLE,
                "{\"volumes\": [\"ba49449a-7435-11ea-b89e-0a58ac14480f\", \"not-mine\"], \"snapshots\": [\"61486916\"]}");

        assertError(response, 422, "unprocessable_entity");
        assertThat(json(response).get("message").asText()).contains("volumes not-mine").doesNotContain("ba49449a");
        assertError(api.status(DESTROYABLE), 404, "not_found");
        assertThat(api.list(DESTROYABLE).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "body [{0}]")
    @ValueSource(strings = {"", "not json", "[]", "{\"volumes\": \"ba49449a\"}", "{\"volumes\": [\" \"]}", "{\"volumes\": [null]}"})
    void selective_malformedBody_is400AndStartsNothing(String body) {
        assertError(api.selective(DESTROYABLE, body), 400, "bad_request");

        assertError(api.status(DESTROYABLE), 404, "not_found");
    }

    @Test
    void selective_bodyOverTheCap_is413AndStartsNothing() {
        String body = "{\"volumes\": [\"" + "v".repeat(SandboxServer.MAX_BODY_BYTES) + "\"]}";

        assertError(api.selective(DESTROYABLE, body), 413, "request_entity_too_large");
        assertError(api.status(DESTROYABLE), 404, "not_found");
    }

    @Test
    void selective_withoutToken_is401AndStartsNothing() {
        HttpResponse<byte[]> response = api.send("DELETE", SandboxApi.path(DESTROYABLE, "selective"), "{}");

        assertError(response, 401, "unauthorized");
        assertError(api.status(DESTROYABLE), 404, "not_found");
    }

    @Test
    void selective_unknownDroplet_is404() {
        assertError(api.selective(12345, "{}"), 404, "not_found");
    }

    // The dangerous destroy

    @Test
    void dangerous_destroysTheDropletAndEverythingAndSucceedsAfter32Seconds() {
        assertAccepted(api.dangerous(DESTROYABLE));

        clock.advance(Duration.ofSeconds(31));
        assertThat(api.statusOf(DESTROYABLE).outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        clock.advance(Duration.ofSeconds(1));
        TeardownStatus done = api.statusOf(DESTROYABLE);

        assertThat(done.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(done.progress().destroyed()).isEqualTo(5);
        assertThat(done.resources()).extracting(ResourceTeardown::id).containsExactly("6186916", "61486916",
                "ba49449a-7435-11ea-b89e-0a58ac14480f", "edb0478d-7436-11ea-86e6-0a58ac144b91");
        assertThat(json(api.status(DESTROYABLE)).get("resources").get("floating_ips").get(0).get("id").asText())
                .isEqualTo("6186916");
    }

    @ParameterizedTest(name = "X-Dangerous [{0}]")
    @ValueSource(strings = {"", "false", "yes"})
    void dangerous_withoutXDangerousTrue_is412SayingTheHeaderIsNeededAndStartsNothing(String value) {
        HttpResponse<byte[]> response = value.isEmpty()
                ? api.send("DELETE", SandboxApi.path(DESTROYABLE, "dangerous"), null, "Authorization", SandboxApi.TOKEN)
                : api.send("DELETE", SandboxApi.path(DESTROYABLE, "dangerous"), null,
                        "Authorization", SandboxApi.TOKEN, "X-Dangerous", value);

        assertError(response, 412, "precondition_failed");
        assertThat(json(response).get("message").asText()).contains("X-Dangerous");
        assertError(api.status(DESTROYABLE), 404, "not_found");
    }

    @Test
    void destroy_destroyedDroplet_is404ForBothDestroysAndTheList() {
        assertAccepted(api.dangerous(DESTROYABLE));

        assertError(api.dangerous(DESTROYABLE), 404, "not_found");
        assertError(api.selective(DESTROYABLE, "{}"), 404, "not_found");
        assertError(api.list(DESTROYABLE), 404, "not_found");
    }

    @Test
    void destroy_sentAtOnceFromManyClients_isAcceptedOnce() throws Exception {
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                boolean dangerous = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    go.await();
                    return (dangerous ? api.dangerous(DESTROYABLE) : api.selective(DESTROYABLE, "{}")).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(statuses).containsOnlyOnce(202).filteredOn(status -> status != 202).containsOnly(404);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void destroy_scriptedDroplet_is404AsItWasDestroyedBefore() {
        assertError(api.dangerous(61486916), 404, "not_found");
        assertError(api.selective(61486917, "{}"), 404, "not_found");
    }

    // The status call

    @Test
    void status_liveDroplet_is404UntilItIsDestroyed() {
        assertError(api.status(DESTROYABLE), 404, "not_found");
        assertError(api.status(FAILS_ONCE), 404, "not_found");
    }

    // The retry

    @Test
    void retry_noTeardownRequest_is404() {
        assertError(api.retry(DESTROYABLE), 404, "not_found");
        assertError(api.retry(12345), 404, "not_found");
    }

    @Test
    void retry_whileInProgress_is409Conflict() {
        assertAccepted(api.dangerous(DESTROYABLE));
        clock.advance(Duration.ofSeconds(31));

        assertError(api.retry(DESTROYABLE), 409, "conflict");
    }

    @Test
    void retry_stuckTeardown_isAlways409() {
        api.statusOf(61486918);
        clock.advance(Duration.ofHours(1));

        assertError(api.retry(61486918), 409, "conflict");
    }

    @Test
    void retry_scriptedFailedVolume_succeedsTheSecondTime() {
        api.statusOf(61486917);
        clock.advance(Duration.ofSeconds(6));
        assertThat(api.statusOf(61486917).outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);

        assertAccepted(api.retry(61486917));
        TeardownStatus retrying = api.statusOf(61486917);
        assertThat(retrying.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(resource(retrying, ResourceKind.VOLUME).state()).isEqualTo(ResourceState.PENDING);
        assertThat(retrying.reportedFailures()).hasValue(0);
        assertError(api.retry(61486917), 409, "conflict");

        clock.advance(Duration.ofSeconds(2));
        TeardownStatus done = api.statusOf(61486917);
        assertThat(done.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(done.completedAt()).hasValue(START.plusSeconds(8));
        assertThat(resource(done, ResourceKind.VOLUME).destroyedAt()).hasValue(START.plusSeconds(7));
        assertThat(done.reportedFailures()).hasValue(0);
        assertThat(done.inconsistencies()).isEmpty();
    }

    @Test
    void retry_scriptedBeforeAnyStatus_beginsTheTeardownAndIs409() {
        assertError(api.retry(61486917), 409, "conflict");

        assertThat(api.statusOf(61486917).progress().pending()).isEqualTo(5);
    }

    @Test
    void retry_succeededTeardown_isAcceptedAndChangesNothing() {
        api.statusOf(61486916);
        clock.advance(Duration.ofSeconds(6));
        TeardownStatus before = api.statusOf(61486916);

        assertAccepted(api.retry(61486916));

        assertThat(api.statusOf(61486916)).isEqualTo(before);
    }

    @Test
    void retry_destroyWithAFailedVolume_completesWithoutFailuresAfterTheRetry() {
        assertAccepted(api.dangerous(FAILS_ONCE));
        clock.advance(Duration.ofSeconds(26));
        TeardownStatus failed = api.statusOf(FAILS_ONCE);
        assertThat(failed.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(failed.failedResources()).extracting(ResourceTeardown::kind).containsExactly(ResourceKind.VOLUME);

        assertAccepted(api.retry(FAILS_ONCE));
        clock.advance(Duration.ofSeconds(5));
        assertThat(api.statusOf(FAILS_ONCE).outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        clock.advance(Duration.ofSeconds(1));

        TeardownStatus done = api.statusOf(FAILS_ONCE);
        assertThat(done.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(done.completedAt()).hasValue(START.plusSeconds(32));
        assertThat(done.inconsistencies()).isEmpty();
    }

    @Test
    void selective_failsOnceDropletWithoutItsVolume_succeeds() {
        assertAccepted(api.selective(FAILS_ONCE, "{\"reserved_ips\": [\"6186920\"]}"));
        clock.advance(Duration.ofSeconds(20));

        assertThat(api.statusOf(FAILS_ONCE).outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
    }

    // Paths and methods

    @Test
    void otherPaths_are404() {
        assertError(api.send("GET", "/v2/droplets/61486916", null, "Authorization", SandboxApi.TOKEN), 404, "not_found");
        assertError(api.send("GET", SandboxApi.path(61486916, "statuses"), null, "Authorization", SandboxApi.TOKEN),
                404, "not_found");
        assertError(api.send("GET", "/", null), 404, "not_found");
    }

    @Test
    void wrongMethod_is405NamingTheAllowedOne() {
        HttpResponse<byte[]> getSelective = api.send("GET", SandboxApi.path(DESTROYABLE, "selective"), null,
                "Authorization", SandboxApi.TOKEN);
        HttpResponse<byte[]> postStatus = api.send("POST", SandboxApi.path(61486916, "status"), null,
                "Authorization", SandboxApi.TOKEN);

        assertError(getSelective, 405, "method_not_allowed");
        assertThat(header(getSelective, "allow")).isEqualTo("DELETE");
        assertError(postStatus, 405, "method_not_allowed");
        assertThat(header(postStatus, "allow")).isEqualTo("GET");
        assertError(api.status(DESTROYABLE), 404, "not_found");
    }

    @Test
    void eachSandbox_hasItsOwnState() {
        assertAccepted(api.dangerous(DESTROYABLE));

        try (SandboxServer other = SandboxServer.start(0, clock)) {
            assertThat(new SandboxApi(other).list(DESTROYABLE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void scenarios_describeWhatTheListCallAnswers() {
        assertThat(SandboxScenarios.associatedResources(DropletId.of(DESTROYABLE))).hasValue(api.resourcesOf(DESTROYABLE));
        assertThat(SandboxScenarios.associatedResources(DropletId.of(DESTROYABLE)).orElseThrow().monthlyCostTotal())
                .hasToString("14.09");
        assertThat(SandboxScenarios.associatedResources(DropletId.of(70000000))).isEqualTo(Optional.empty());
    }
}
