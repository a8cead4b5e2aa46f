package dev.teardown.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.teardown.adapters.http.ApiToken;
import dev.teardown.adapters.http.HttpClientConfig;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.in.CommandAnswer.Confirmation;
import dev.teardown.ports.in.DestroyTeardownUseCase;
import dev.teardown.ports.in.ListResourcesUseCase;
import dev.teardown.ports.in.ResourcesAnswer;
import dev.teardown.ports.in.RetryTeardownUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The family through the plain builder's {@link Teardown}, over a real loopback server: listing,
 * destroying and retrying, an ambiguous failure settled by the status call, and the cache that forgets
 * a Droplet after a command.
 */
class TeardownFamilyCallsTest {

    private static final DropletId DROPLET = DropletId.of(3164460);
    private static final String FAMILY = "/v2/droplets/3164460/destroy_with_associated_resources";
    private static final String STATUS = FAMILY + "/status";
    private static final String VOLUME = "ba49449a-7435-11ea-b89e-0a58ac14480f";
    private static final String LISTED = "{\"reserved_ips\":[{\"id\":\"6186916\",\"name\":\"45.55.96.47\",\"cost\":\"4.00\"}],"
            + "\"floating_ips\":[{\"id\":\"6186916\",\"name\":\"45.55.96.47\",\"cost\":\"4.00\"}],"
            + "\"snapshots\":[],\"volumes\":[{\"id\":\"" + VOLUME + "\",\"name\":\"data\",\"cost\":\"10.00\"}],"
            + "\"volume_snapshots\":[]}";

    private final ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
    private WireMockServer api;
    private Teardown teardown;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        teardown = Teardown.builder(HttpClientConfig.builder(ApiToken.of("test-token-0123456789"))
                        .baseUrl(api.baseUrl()).callDeadline(Duration.ofSeconds(30)).responseTimeout(Duration.ofSeconds(15))
                        .build())
                .clock(clock).sleeper(clock.sleeper()).build();
    }

    @AfterEach
    void stop() {
        teardown.close();
        api.stop();
    }

    private static TeardownStatus completedWithFailures() {
        return TeardownStatusBuilder.status(DROPLET).completedAt("2026-11-29T09:59:00Z")
                .dropletDestroyedAt("web", "2026-11-29T09:58:30Z").failures(1)
                .failed(ResourceKind.VOLUME, VOLUME, "data", "volume is still attached to another droplet")
                .build();
    }

    private static TeardownStatus inProgress() {
        return TeardownStatusBuilder.status(DROPLET).dropletDestroyedAt("web", "2026-11-29T09:58:30Z").failures(0)
                .pending(ResourceKind.VOLUME, VOLUME, "data")
                .build();
    }

    private static ResponseDefinitionBuilder statusDocument(TeardownStatus status) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.write(status));
    }

    private static ResponseDefinitionBuilder apiError(int status, String id, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.writeError(id, message, "r-" + status));
    }

    private static TeardownOutcome outcomeOf(StatusAnswer answer) {
        return ((StatusAnswer.Reported) answer).report().outcome();
    }

    private int statusLookups() {
        return api.countRequestsMatching(getRequestedFor(urlPathEqualTo(STATUS)).build()).getCount();
    }

    // Listing

    @Test
    void resources_knownDroplet_listsEachResourceOnceWithTheMonthlyTotal() {
        api.stubFor(get(urlPathEqualTo(FAMILY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(LISTED)));

        ResourcesAnswer answer = teardown.resources().list(DROPLET);

        assertThat(answer).isInstanceOfSatisfying(ResourcesAnswer.Listed.class, listed -> {
            assertThat(listed.resources().resources()).hasSize(2);
            assertThat(listed.resources().monthlyCostTotal()).isEqualTo(new BigDecimal("14.00"));
        });
    }

    @Test
    void resources_unknownDroplet_isUnknownDroplet() {
        api.stubFor(get(urlPathEqualTo(FAMILY)).willReturn(apiError(404, "not_found", "The resource was not found.")));

        assertThat(teardown.resources().list(DROPLET)).isEqualTo(new ResourcesAnswer.UnknownDroplet(DROPLET));
    }

    // Commands answered

    @Test
    void destroy_selection_sendsTheSelectiveDeleteOnceAndIsAnswered() {
        api.stubFor(delete(urlPathEqualTo(FAMILY + "/selective")).willReturn(aResponse().withStatus(202)));

        CommandAnswer answer = teardown.destroy().destroy(DROPLET,
                DestroyRequest.selection().add(ResourceKind.VOLUME, VOLUME).build());

        assertThat(answer).isEqualTo(new CommandAnswer.Accepted(DROPLET, Confirmation.ANSWERED));
        api.verify(1, deleteRequestedFor(urlPathEqualTo(FAMILY + "/selective"))
                .withRequestBody(equalToJson("{\"volumes\":[\"" + VOLUME + "\"]}")));
        api.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void destroy_everything_sendsTheDangerousDeleteWithItsHeader() {
        api.stubFor(delete(urlPathEqualTo(FAMILY + "/dangerous")).willReturn(aResponse().withStatus(202)));

        assertThat(teardown.destroy().destroy(DROPLET, DestroyRequest.everything()))
                .isEqualTo(new CommandAnswer.Accepted(DROPLET, Confirmation.ANSWERED));

        api.verify(1, deleteRequestedFor(urlPathEqualTo(FAMILY + "/dangerous")).withHeader("X-Dangerous", equalTo("true")));
    }

    @Test
    void destroy_dropletDestroyedBefore_isNotFound() {
        api.stubFor(delete(urlPathEqualTo(FAMILY + "/dangerous")).willReturn(apiError(404, "not_found", "not found")));

        assertThat(teardown.destroy().destroy(DROPLET, DestroyRequest.everything()))
                .isEqualTo(new CommandAnswer.NotFound(DROPLET));
    }

    @Test
    void retry_whileADestroyIsInProgress_isAlreadyInProgress() {
        api.stubFor(post(urlPathEqualTo(FAMILY + "/retry")).willReturn(apiError(409, "conflict", "in progress")));

        assertThat(teardown.retry().retry(DROPLET)).isEqualTo(new CommandAnswer.AlreadyInProgress(DROPLET));
    }

    // Ambiguous failures, settled once by the status call

    @Test
    void destroy_serverErrorAfterWhichTheStatusShowsATeardown_isAcceptedAsSeenAndSentOnce() {
        api.stubFor(delete(urlPathEqualTo(FAMILY + "/dangerous")).inScenario("destroy")
                .willReturn(apiError(503, "unavailable", "try later")).willSetStateTo("started"));
        api.stubFor(get(urlPathEqualTo(STATUS)).inScenario("destroy").whenScenarioStateIs("started")
                .willReturn(statusDocument(inProgress())));

        CommandAnswer answer = teardown.destroy().destroy(DROPLET, DestroyRequest.everything());

        assertThat(answer).isEqualTo(new CommandAnswer.Accepted(DROPLET, Confirmation.SEEN_IN_STATUS));
        api.verify(1, deleteRequestedFor(anyUrl()));
        assertThat(statusLookups()).isEqualTo(1);
    }

    @Test
    void destroy_connectionResetAndNoTeardownKnown_failsSayingTheApiDidNotStartOne() {
        api.stubFor(delete(urlPathEqualTo(FAMILY + "/selective")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        api.stubFor(get(urlPathEqualTo(STATUS)).willReturn(apiError(404, "not_found", "not found")));

        assertThatThrownBy(() -> teardown.destroy().destroy(DROPLET, DestroyRequest.dropletOnly()))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.operation()).isEqualTo(Operation.DESTROY_SELECTED);
                    assertThat(failure.reason()).isEqualTo(Reason.NETWORK);
                    assertThat(failure.mayHaveTakenEffect()).isFalse();
                    assertThat(failure.getMessage()).contains("the API did not start one");
                });
        api.verify(1, deleteRequestedFor(anyUrl()));
    }

    @Test
    void retry_serverErrorAndTheStatusLookupFailsToo_isOutcomeUnknownAndSentOnce() {
        api.stubFor(post(urlPathEqualTo(FAMILY + "/retry")).willReturn(apiError(500, "server_error", "oops")));
        api.stubFor(get(urlPathEqualTo(STATUS)).willReturn(apiError(503, "unavailable", "try later")));

        assertThatThrownBy(() -> teardown.retry().retry(DROPLET))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.operation()).isEqualTo(Operation.RETRY);
                    assertThat(failure.reason()).isEqualTo(Reason.OUTCOME_UNKNOWN);
                    assertThat(failure.mayHaveTakenEffect()).isTrue();
                    assertThat(failure.getMessage()).contains("HTTP 500", "whether the API accepted it is unknown",
                            "HTTP 503");
                });
        api.verify(1, postRequestedFor(anyUrl()));
        assertThat(statusLookups()).as("a lookup is safe to repeat").isEqualTo(3);
    }

    // The cache learns about commands

    @Test
    void check_afterARetry_asksTheApiAgainInsteadOfServingTheKeptFailure() {
        api.stubFor(get(urlPathEqualTo(STATUS)).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(statusDocument(completedWithFailures())));
        api.stubFor(post(urlPathEqualTo(FAMILY + "/retry")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(202)).willSetStateTo("retried"));
        api.stubFor(get(urlPathEqualTo(STATUS)).inScenario("retry").whenScenarioStateIs("retried")
                .willReturn(statusDocument(inProgress())));
        assertThat(outcomeOf(teardown.check().check(DROPLET))).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(outcomeOf(teardown.check().check(DROPLET))).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(statusLookups()).as("the second check is answered by the cache").isEqualTo(1);

        assertThat(teardown.retry().retry(DROPLET)).isEqualTo(new CommandAnswer.Accepted(DROPLET, Confirmation.ANSWERED));

        assertThat(outcomeOf(teardown.check().check(DROPLET))).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(statusLookups()).isEqualTo(2);
    }

    @Test
    void check_afterADestroy_asksTheApiAgainInsteadOfServingTheKeptNotFound() {
        api.stubFor(get(urlPathEqualTo(STATUS)).inScenario("destroy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(apiError(404, "not_found", "not found")));
        api.stubFor(delete(urlPathEqualTo(FAMILY + "/dangerous")).inScenario("destroy")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(202)).willSetStateTo("destroyed"));
        api.stubFor(get(urlPathEqualTo(STATUS)).inScenario("destroy").whenScenarioStateIs("destroyed")
                .willReturn(statusDocument(inProgress())));
        assertThat(teardown.check().check(DROPLET)).isEqualTo(new StatusAnswer.NotFound(DROPLET));
        assertThat(teardown.check().check(DROPLET)).isEqualTo(new StatusAnswer.NotFound(DROPLET));

        teardown.destroy().destroy(DROPLET, DestroyRequest.everything());

        assertThat(outcomeOf(teardown.check().check(DROPLET))).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(statusLookups()).isEqualTo(2);
    }

    @Test
    void check_afterACommandThatFailed_asksTheApiAgainToo() {
        api.stubFor(get(urlPathEqualTo(STATUS)).willReturn(statusDocument(completedWithFailures())));
        api.stubFor(post(urlPathEqualTo(FAMILY + "/retry")).willReturn(apiError(403, "forbidden", "no")));
        teardown.check().check(DROPLET);

        assertThatThrownBy(() -> teardown.retry().retry(DROPLET)).isInstanceOf(TeardownApiException.class);
        teardown.check().check(DROPLET);

        assertThat(statusLookups()).isEqualTo(2);
    }

    // Closed

    @Test
    void useCasesHandedOutBeforeClose_areRefusedAfterItAndSendNothing() {
        ListResourcesUseCase resources = teardown.resources();
        DestroyTeardownUseCase destroy = teardown.destroy();
        RetryTeardownUseCase retry = teardown.retry();

        teardown.close();

        assertThatThrownBy(() -> resources.list(DROPLET)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> destroy.destroy(DROPLET, DestroyRequest.everything()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> retry.retry(DROPLET)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(teardown::destroy).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        api.verify(0, anyRequestedFor(anyUrl()));
    }
}
