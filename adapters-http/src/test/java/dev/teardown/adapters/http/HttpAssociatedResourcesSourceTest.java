package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.AssociatedResourcesBuilder;
import dev.teardown.testkit.ManualClock;
import dev.teardown.testkit.ReferenceExamples;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The list call over a real loopback server: its request, its answers, and the transport's failures named for it. */
class HttpAssociatedResourcesSourceTest {

    private static final long DROPLET = 3164444;
    private static final DropletId DROPLET_ID = DropletId.of(DROPLET);
    private static final String PATH = "/v2/droplets/3164444/destroy_with_associated_resources";
    /** Makes every full-jitter draw the middle of its range. */
    private static final RandomGenerator HALF = () -> Long.MIN_VALUE;

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    private ManualClock clock;
    private HttpTransport transport;
    private HttpAssociatedResourcesSource source;

    @BeforeEach
    void newSource() {
        api.reset();
        clock = ManualClock.at("2026-11-29T10:00:00Z");
        transport = HttpTransport.builder(api.config().build()).clock(clock).sleeper(clock.sleeper()).jitter(HALF).build();
        source = HttpAssociatedResourcesSource.over(transport);
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    private static void answer(ResponseDefinitionBuilder response) {
        api.wireMock().stubFor(get(urlPathEqualTo(PATH)).willReturn(response));
    }

    private static void answerInTurn(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        api.wireMock().stubFor(get(urlPathEqualTo(PATH)).inScenario("list").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("then"));
        api.wireMock().stubFor(get(urlPathEqualTo(PATH)).inScenario("list").whenScenarioStateIs("then").willReturn(then));
    }

    private static int requests() {
        return api.wireMock().countRequestsMatching(getRequestedFor(urlPathEqualTo(PATH)).build()).getCount();
    }

    private static AssociatedResources someResources() {
        return AssociatedResourcesBuilder.associatedResources(DROPLET)
                .reservedIp("6186916", "45.55.96.47", "4.00")
                .volume("ba49449a-7435-11ea-b89e-0a58ac14480f", "volume-nyc1-01", "10.00")
                .build();
    }

    private void assertFailure(Consumer<TeardownApiException> requirements) {
        assertThatThrownBy(() -> source.resourcesOf(DROPLET_ID))
                .asInstanceOf(type(TeardownApiException.class))
                .satisfies(failure -> {
                    assertThat(failure.operation()).isEqualTo(Operation.LIST_RESOURCES);
                    assertThat(failure.dropletId()).isEqualTo(DROPLET_ID);
                    assertThat(failure.getMessage()).startsWith("no list of associated resources for droplet 3164444: ");
                    assertThat(failure.getMessage()).doesNotContain(ApiServer.TOKEN_TEXT);
                })
                .satisfies(requirements);
    }

    // The request

    @Test
    void resourcesOf_anyDroplet_sendsTheDocumentedRequest() {
        answer(ApiServer.json(200, ResourcesDocuments.write(someResources())));

        source.resourcesOf(DROPLET_ID);

        assertThat(api.requests()).singleElement().satisfies(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("GET");
            assertThat(request.getUrl()).isEqualTo(PATH);
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ApiServer.TOKEN_TEXT);
            assertThat(request.getHeader("Accept")).isEqualTo("application/json");
            assertThat(request.getHeader("User-Agent")).matches("teardown/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\d+\\)");
            assertThat(request.getBody()).isEmpty();
        });
    }

    // The answers

    @Test
    void resourcesOf_openApiExample_isTheDocumentedResourcesToTheCent() {
        api.wireMock().stubFor(get(urlPathEqualTo(
                "/v2/droplets/" + ReferenceExamples.DROPLET_ID.value() + "/destroy_with_associated_resources"))
                .willReturn(ApiServer.json(200, ResourcesDocuments.openApiExample())));

        AssociatedResources found = source.resourcesOf(ReferenceExamples.DROPLET_ID).orElseThrow();

        assertThat(found).isEqualTo(AssociatedResourcesBuilder.openApiExample().build());
        assertThat(found.monthlyCostTotal()).isEqualTo(new BigDecimal("14.09"));
    }

    @Test
    void resourcesOf_noResources_isPresentAndEmpty() {
        answer(ApiServer.json(200, "{\"reserved_ips\":[],\"floating_ips\":[],\"snapshots\":[],\"volumes\":[],\"volume_snapshots\":[]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(source.resourcesOf(DROPLET_ID)).hasValueSatisfying(found -> assertThat(found.isEmpty()).isTrue());
    }

    @Test
    void resourcesOf_404_isEmpty() {
        answer(ApiServer.error(404, "not_found", "The resource you were accessing could not be found.", "r-404"));

        assertThat(source.resourcesOf(DROPLET_ID)).isEmpty();
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void resourcesOf_404WithoutBody_isEmpty() {
        answer(aResponse().withStatus(404));

        assertThat(source.resourcesOf(DROPLET_ID)).isEmpty();
    }

    @Test
    void resourcesOf_htmlPage404_isAnUnexpectedResponseNotAnUnknownDroplet() {
        answer(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>404 Not Found</h1>nginx</body></html>"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(failure.httpStatus()).hasValue(404);
            assertThat(failure.getMessage()).contains("not the API's answer", "check the base URL");
        });
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void resourcesOf_malformedDocument_isABadResponseNamingTheField() {
        answer(ApiServer.json(200, "{\"volumes\":[{\"id\":\"v-1\",\"cost\":\"1e999999999\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(failure.getMessage()).contains("is not a list of associated resources", "volumes[0].cost");
            assertThat(failure.attempts()).isEqualTo(1);
        });
    }

    @Test
    void resourcesOf_htmlWith200_isABadResponse() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>"));

        assertFailure(failure -> assertThat(failure.reason()).isEqualTo(Reason.BAD_RESPONSE));
    }

    // Failures, classified by the transport and named for this call

    @Test
    void resourcesOf_401_failsWithAuthenticationAfterOneRequest() {
        answer(ApiServer.error(401, "unauthorized", "Unable to authenticate you.", "r-401"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
            assertThat(failure.httpStatus()).hasValue(401);
            assertThat(failure.requestId()).contains("r-401");
        });
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void resourcesOf_403_failsWithPermissionNamingWhatTheTokenMayNotDo() {
        answer(ApiServer.error(403, "forbidden", "You do not have access for the attempted action.", "r-403"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.PERMISSION);
            assertThat(failure.getMessage()).contains("may not list these resources: the call needs the droplet:read scope");
        });
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void resourcesOf_429Always_failsRateLimitedAfterAllAttempts() {
        answer(ApiServer.error(429, "too_many_requests", "API Rate limit exceeded.", "r-429"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
            assertThat(failure.attempts()).isEqualTo(3);
        });
    }

    @Test
    void resourcesOf_500Always_failsWithServerErrorAfterThreeAttempts() {
        answer(ApiServer.error(500, "server_error", "Unexpected server-side error", "r-500"));

        assertFailure(failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(failure.attempts()).isEqualTo(3);
        });
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void resourcesOf_503Then200_isRetriedAsASafeCall() {
        answerInTurn(aResponse().withStatus(503), ApiServer.json(200, ResourcesDocuments.write(someResources())));

        assertThat(source.resourcesOf(DROPLET_ID)).contains(someResources());
        assertThat(requests()).isEqualTo(2);
        assertThat(clock.sleeps()).hasSize(1);
    }

    @Test
    void resourcesOf_callerDeadlineAlreadyPassed_sendsNothing() {
        answer(ApiServer.json(200, ResourcesDocuments.write(someResources())));
        Instant passed = clock.instant().minus(Duration.ofSeconds(1));

        assertThatThrownBy(() -> source.resourcesOf(DROPLET_ID, passed))
                .isInstanceOfSatisfying(TeardownApiException.class, failure -> {
                    assertThat(failure.operation()).isEqualTo(Operation.LIST_RESOURCES);
                    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                    assertThat(failure.attempts()).isZero();
                    assertThat(failure.getMessage()).startsWith("no list of associated resources for droplet 3164444: ");
                });
        assertThat(requests()).isZero();
    }

    @Test
    void resourcesOf_sharedTransport_servesTheStatusCallToo() {
        answer(ApiServer.json(200, ResourcesDocuments.write(someResources())));
        HttpTeardownStatusSource status = HttpTeardownStatusSource.over(transport);

        assertThat(source.resourcesOf(DROPLET_ID)).contains(someResources());
        assertThat(status.statusOf(DROPLET_ID)).isEmpty();
        assertThat(transport.lastKnownQuota()).isEqualTo(status.lastKnownQuota());
    }

    @Test
    void resourcesOf_closedTransport_isRefused() {
        transport.close();

        assertThatThrownBy(() -> source.resourcesOf(DROPLET_ID)).isInstanceOf(IllegalStateException.class);
        assertThat(source.toString()).endsWith(", closed]");
    }

    @Test
    void resourcesOf_nullArguments_areRejected() {
        assertThatThrownBy(() -> source.resourcesOf(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> source.resourcesOf(DROPLET_ID, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> HttpAssociatedResourcesSource.over(null)).isInstanceOf(NullPointerException.class);
    }
}
