package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.testkit.ReferenceExamples;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The DROPLET_ID argument: only the digits 0-9 name a droplet; anything else is a usage error and sends nothing. */
class DropletIdArgumentCliTest {

    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";

    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        // Were anything sent, it would get a teardown that succeeded, and the command would exit 0.
        api.stubFor(get(urlPathMatching("/v2/droplets/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ReferenceExamples.checkStatusDocJson())));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl()), args);
    }

    static Stream<Arguments> idsNotWrittenInTheDigitsZeroToNineAndHowTheyAreShown() {
        return Stream.of(
                Arguments.of("\u0665", "'\u0665'"),
                Arguments.of("\uff15", "'\uff15'"),
                Arguments.of("\u09ea", "'\u09ea'"),
                Arguments.of("6148691\u09ea", "'6148691\u09ea'"),
                Arguments.of("+5", "'+5'"),
                Arguments.of("+61486916", "'+61486916'"),
                Arguments.of("007", "'007'"),
                Arguments.of("061486916", "'061486916'"),
                Arguments.of(" 61486916", "' 61486916'"),
                Arguments.of("61486916 ", "'61486916 '"),
                Arguments.of("\t61486916\n", "'\\u000961486916\\u000A'"),
                Arguments.of("61486916\u00a0", "'61486916\\u00A0'"),
                Arguments.of("\u001b[2J61486916", "'\\u001B[2J61486916'"),
                Arguments.of("61486916\u0007", "'61486916\\u0007'"),
                Arguments.of("61486916\u202e", "'61486916\\u202E'"));
    }

    @ParameterizedTest
    @MethodSource("idsNotWrittenInTheDigitsZeroToNineAndHowTheyAreShown")
    void status_idNotWrittenInTheDigitsZeroToNine_isAUsageErrorShowingTheValueAndSendsNothing(String id, String shown) {
        CliRun run = run("status", id);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("DROPLET_ID").contains(shown);
        assertThat(run.err().codePoints().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r')).isEmpty();
        assertThat(run.out()).isEmpty();
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @MethodSource("idsNotWrittenInTheDigitsZeroToNineAndHowTheyAreShown")
    void watch_idNotWrittenInTheDigitsZeroToNine_isAUsageErrorShowingTheValueAndSendsNothing(String id, String shown) {
        CliRun run = run("watch", id);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("DROPLET_ID").contains(shown);
        assertThat(run.out()).isEmpty();
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "18446744073709551616", "99999999999999999999",
        "123456789012345678901234567890123456789012345678901234567890"})
    void status_idBeyond64Bits_isAUsageErrorSayingOutOfRangeAndSendsNothing(String id) {
        CliRun run = run("status", id);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("DROPLET_ID").contains("out of range");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "61486916", "9223372036854775807"})
    void status_idInTheDigitsZeroToNine_isAsked(String id) {
        CliRun run = run("status", id, "--no-cache");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        api.verify(1, anyRequestedFor(anyUrl()));
    }
}
