package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A DigitalOcean API stand-in on loopback (WireMock), with the few stubs these tests need; registered
 * as a JUnit extension, it stops after the test class.
 */
final class ApiServer implements AutoCloseable, AfterAllCallback {

    /** Looks like a real token, and is long enough that finding it anywhere cannot be chance. */
    static final String TOKEN_TEXT = "dop_v1_5e3b1c0ffee2a9d4b7c68f01e2d3c4b5a6978877665544332211aabbccddeeff";
    static final ApiToken TOKEN = ApiToken.of(TOKEN_TEXT);

    private final WireMockServer server;

    private ApiServer(WireMockConfiguration options) {
        this.server = new WireMockServer(options);
        server.start();
        serveNotFoundByDefault();
    }

    static ApiServer start() {
        return new ApiServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    }

    /** Plain http, with WireMock extensions such as a transformer that answers every request itself. */
    static ApiServer startWith(Extension... extensions) {
        return new ApiServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(extensions));
    }

    /** Plain http and https (WireMock's self-signed certificate, which a client must refuse). */
    static ApiServer startWithHttps() {
        return new ApiServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort());
    }

    /** Plain http, and https with the certificate in this PKCS #12 key store. */
    static ApiServer startWithHttps(String keyStorePath, String password) {
        return new ApiServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .keystoreType("PKCS12").keystorePath(keyStorePath).keystorePassword(password).keyManagerPassword(password));
    }

    int httpsPort() {
        return server.httpsPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    String httpsBaseUrl() {
        return "https://localhost:" + server.httpsPort();
    }

    /** Short timeouts, so a failing test fails in seconds. */
    HttpClientConfig.Builder config() {
        return HttpClientConfig.builder(TOKEN)
                .baseUrl(baseUrl())
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(Duration.ofSeconds(2))
                .callDeadline(Duration.ofSeconds(5));
    }

    static String statusPath(DropletId dropletId) {
        return "/v2/droplets/" + dropletId.value() + "/destroy_with_associated_resources/status";
    }

    static String statusPath(long dropletId) {
        return statusPath(DropletId.of(dropletId));
    }

    void reset() {
        server.resetAll();
        serveNotFoundByDefault();
    }

    void serve(TeardownStatus status) {
        answer(status.dropletId().value(), aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(StatusDocuments.write(status)));
    }

    void answer(long dropletId, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(statusPath(dropletId))).willReturn(response));
    }

    /** Answers the lookups of this Droplet with these responses in turn; the last one keeps being answered. */
    void answerInTurn(long dropletId, ResponseDefinitionBuilder... responses) {
        String scenario = "droplet-" + dropletId;
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer-" + i;
            var stub = get(urlPathEqualTo(statusPath(dropletId)))
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i]);
            if (i + 1 < responses.length) {
                stub = stub.willSetStateTo("answer-" + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    int requestsFor(long dropletId) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(statusPath(dropletId))).build()).getCount();
    }

    List<LoggedRequest> requests() {
        return server.findAll(getRequestedFor(anyUrl()));
    }

    WireMockServer wireMock() {
        return server;
    }

    static ResponseDefinitionBuilder json(int status, byte[] body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String id, String message, String requestId) {
        return json(status, StatusDocuments.writeError(id, message, requestId));
    }

    private void serveNotFoundByDefault() {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(
                error(404, "not_found", "The resource you were accessing could not be found.", "default-404")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop();
    }
}
