package dev.teardown.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.teardown.domain.DropletId;
import dev.teardown.testkit.JavaLogCapture;
import dev.teardown.testkit.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token appears in no exception, no {@code toString()} and no log line, whatever the server sends back. */
class TokenSecrecyTest {

    private static final long DROPLET = 5190002;
    private static final DropletId DROPLET_ID = DropletId.of(DROPLET);

    @RegisterExtension
    static final ApiServer api = ApiServer.start();

    @BeforeEach
    void resetServer() {
        api.reset();
    }

    private static HttpTeardownStatusSource source() {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        return HttpTeardownStatusSource.builder(api.config().build()).clock(clock).sleeper(clock.sleeper()).build();
    }

    /** Every failure the server can provoke, several of which echo the token back at us. */
    private static List<ResponseDefinitionBuilder> provocations() {
        String echo = "Bearer " + ApiServer.TOKEN_TEXT;
        return List.of(
                ApiServer.error(401, "unauthorized", "token " + ApiServer.TOKEN_TEXT + " is revoked", echo),
                aResponse().withStatus(500).withBody("<html>Authorization: " + echo + "</html>"),
                aResponse().withStatus(200).withBody("<pre>" + echo + "</pre>"),
                aResponse().withStatus(200).withBody("{\"completed_at\": \"" + ApiServer.TOKEN_TEXT + "\"}"),
                aResponse().withStatus(200).withBody("{\"failures\": " + ApiServer.TOKEN_TEXT + "}"),
                aResponse().withStatus(403).withHeader("x-request-id", ApiServer.TOKEN_TEXT),
                aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/" + ApiServer.TOKEN_TEXT),
                aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    @Test
    void statusOf_anyFailure_neverQuotesTheToken() {
        for (ResponseDefinitionBuilder provocation : provocations()) {
            api.reset();
            api.answer(DROPLET, provocation);
            try (HttpTeardownStatusSource source = source()) {
                Throwable failure = catchThrowable(() -> source.statusOf(DROPLET_ID));

                assertThat(failure).as("failure for %s", provocation.build().getStatus()).isNotNull();
                assertThat(everythingShownBy(failure)).doesNotContain(ApiServer.TOKEN_TEXT);
            }
        }
    }

    @Test
    void statusOf_failureEchoingTheToken_saysRedactedInstead() {
        api.answer(DROPLET, ApiServer.error(401, "unauthorized", "token " + ApiServer.TOKEN_TEXT + " is revoked", "r"));

        try (HttpTeardownStatusSource source = source()) {
            assertThatThrownBy(() -> source.statusOf(DROPLET_ID)).hasMessageContaining("token [redacted] is revoked");
        }
    }

    @Test
    void logs_atEveryLevelOfHttpClientAndTheAdapter_neverCarryTheToken() {
        api.answerInTurn(DROPLET, aResponse().withStatus(503), ApiServer.json(200, "{}".getBytes(StandardCharsets.UTF_8)));

        try (JavaLogCapture logs = JavaLogCapture.of("org.apache.hc", "dev.teardown");
                HttpTeardownStatusSource source = source()) {
            source.statusOf(DROPLET_ID);

            // The capture must see HttpClient's header log, or this test could not fail.
            assertThat(logs.all()).contains("Authorization: Bearer [redacted]", "retrying");
            assertThat(logs.all()).doesNotContain(ApiServer.TOKEN_TEXT);
        }
    }

    @Test
    void toString_ofTokenConfigurationAndSource_neverShowsTheToken() {
        HttpClientConfig config = api.config().build();
        try (HttpTeardownStatusSource source = source()) {
            assertThat(List.of(ApiServer.TOKEN.toString(), config.toString(), source.toString()))
                    .allSatisfy(text -> assertThat(text).doesNotContain(ApiServer.TOKEN_TEXT));
        }
        assertThat(config.toString()).contains("token=ApiToken[redacted]");
    }

    @Test
    void apiTokenOf_invalidToken_doesNotRepeatIt() {
        String withNewline = ApiServer.TOKEN_TEXT + "\r\nX-Injected: yes";

        assertThatThrownBy(() -> ApiToken.of(withNewline))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(ApiServer.TOKEN_TEXT);
    }

    private static String everythingShownBy(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        StringBuilder all = new StringBuilder(trace.toString());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append('\n').append(t);
        }
        return all.toString();
    }
}
