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
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a server sends reaches the terminal as printable text: no escape sequence, control
 * character or bidi mark gets through, and no line can be forged. {@code --json} keeps it exact.
 */
class HostileTextCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String PATH = "/v2/droplets/61486916/destroy_with_associated_resources/status";
    private static final String FORGED = "Droplet 61486916: succeeded";

    // One server for the few hundred cases, reset before each.
    private static WireMockServer api;

    @BeforeAll
    static void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    /** Every kind of text that steers a terminal instead of being shown. */
    static Stream<Arguments> hostileTexts() {
        Stream<Arguments> sequences = Stream.of(
                Arguments.of("CSI clear screen", "web\u001b[2J\u001b[Hdata"),
                Arguments.of("OSC window title", "web\u001b]0;you have been pwned\u0007data"),
                Arguments.of("OSC 8 hyperlink", "\u001b]8;;https://evil.example\u001b\\web\u001b]8;;\u001b\\"),
                Arguments.of("SGR colour", "\u001b[31;1mweb\u001b[0m"),
                Arguments.of("C1 CSI", "web\u009b2Jdata"),
                Arguments.of("C1 OSC", "web\u009d0;title\u009cdata"),
                Arguments.of("BEL and backspaces", "web\u0007\b\b\bdata"),
                Arguments.of("DEL", "web\u007fdata"),
                Arguments.of("NUL", "web\u0000data"),
                Arguments.of("newline forging a line", "web\n" + FORGED),
                Arguments.of("carriage return overwriting the line", "web\r" + FORGED),
                Arguments.of("CRLF forging a line", "web\r\n" + FORGED),
                Arguments.of("vertical tab and form feed", "web\u000b\fdata"),
                Arguments.of("next line (C1)", "web\u0085" + FORGED),
                Arguments.of("line and paragraph separators", "web\u2028" + FORGED + "\u2029"),
                Arguments.of("arabic letter mark", "web\u061cdata"),
                Arguments.of("left-to-right and right-to-left marks", "web\u200e\u200fdata"));
        Stream<Arguments> bidi = Stream.of('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067',
                        '\u2068', '\u2069')
                .map(mark -> Arguments.of(String.format("bidi U+%04X", (int) mark), "web" + mark + "atad.exe"));
        return Stream.concat(sequences, bidi);
    }

    /** Where in a status a server can put text that the human report prints. */
    static Stream<Arguments> placesInAStatus() {
        return Stream.of(
                Arguments.of("droplet name", (UnaryOperator<String>) text -> document(TeardownStatusBuilder.status(61486916)
                        .dropletPending(text).build())),
                Arguments.of("resource name", (UnaryOperator<String>) text -> document(TeardownStatusBuilder.status(61486916)
                        .dropletPending("web-01").pending(ResourceKind.VOLUME, "ba49449a", text).build())),
                Arguments.of("resource id", (UnaryOperator<String>) text -> document(TeardownStatusBuilder.status(61486916)
                        .dropletPending("web-01").pending(ResourceKind.SNAPSHOT, text, "nightly").build())),
                Arguments.of("error message", (UnaryOperator<String>) text -> document(TeardownStatusBuilder.status(61486916)
                        .completedAt("2026-11-29T10:00:09Z").failures(1)
                        .dropletDestroyedAt("web-01", "2026-11-29T10:00:01Z")
                        .failed(ResourceKind.VOLUME, "ba49449a", "data", text).build())),
                Arguments.of("inconsistency", (UnaryOperator<String>) text -> document(TeardownStatusBuilder.status(61486916)
                        .completedAt("2026-11-29T10:00:09Z").failures(1)
                        .dropletDestroyedAt("web-01", "2026-11-29T10:00:01Z")
                        .failed(ResourceKind.SNAPSHOT, "s-1", "nightly", "still in use")
                        .resource(ResourceTeardown.destroyed(ResourceKind.VOLUME, text, "data",
                                Instant.parse("2026-11-29T10:00:30Z")))
                        .build())));
    }

    static Stream<Arguments> hostileTextsInEveryPlace() {
        return placesInAStatus().flatMap(place -> hostileTexts().map(text -> Arguments.of(
                place.get()[0], place.get()[1], text.get()[0], text.get()[1])));
    }

    private static String document(TeardownStatus status) {
        return new String(StatusDocuments.write(status), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void answer(int status, String body) {
        api.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
    }

    private CliRun run(boolean terminal, String... args) {
        return CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl()), terminal, args);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("hostileTextsInEveryPlace")
    void status_hostileTextInTheStatus_isPrintedPrintably(String place, UnaryOperator<String> status, String kind,
            String text) {
        answer(200, status.apply(text));

        CliRun run = run(false, "status", "61486916");

        assertPrintable(run, text);
        assertThat(run.out()).contains("Droplet 61486916:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void status_json_keepsTheTextExactInEveryPlace(String kind, String text) throws Exception {
        answer(200, everywhere(text));

        CliRun run = run(false, "status", "61486916", "--json");

        assertThat(run.out().strip()).doesNotContain("\u001b").doesNotContain("\n").doesNotContain("\r");
        JsonNode document = JSON.readTree(run.out());
        assertThat(document.get("droplet").get("name").asText()).isEqualTo(text);
        for (JsonNode resource : document.get("resources")) {
            if (resource.get("kind").asText().equals("volume")) {
                assertThat(resource.get("id").asText()).isEqualTo(text);
                assertThat(resource.get("name").asText()).isEqualTo(text);
            } else {
                assertThat(resource.get("error_message").asText()).isEqualTo(text);
            }
        }
        assertThat(document.get("resources")).hasSize(2);
    }

    /** A status with the text as the droplet's name, a resource's id and name, and an error message. */
    private static String everywhere(String text) {
        return document(TeardownStatusBuilder.status(61486916)
                .dropletPending(text)
                .pending(ResourceKind.VOLUME, text, text)
                .failed(ResourceKind.SNAPSHOT, "s-1", "nightly", text)
                .build());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("hostileTexts")
    void watch_hostileTextEverywhereInTheStatus_isPrintedPrintablyPipedAndOnATerminal(String kind, String text) {
        answer(200, everywhere(text));

        for (boolean terminal : List.of(false, true)) {
            CliRun run = run(terminal, "watch", "61486916", "--timeout", "30s");

            assertPrintable(run, text);
            assertThat(run.exitCode()).isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("hostileTexts")
    void anyCommand_hostileTextInAnApiError_isPrintedPrintablyInTheMessageAndTheRequestLog(String kind, String text) {
        answer(403, new String(StatusDocuments.writeError("forbidden", text, "r-" + text),
                java.nio.charset.StandardCharsets.UTF_8));

        for (String[] args : List.of(new String[] {"status", "61486916", "--verbose"},
                new String[] {"watch", "61486916", "--verbose"})) {
            for (boolean terminal : List.of(false, true)) {
                CliRun run = run(terminal, args);

                assertPrintable(run, text);
                assertThat(run.exitCode()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("hostileTexts")
    void status_hostileTextInAnEnvironmentValueItEchoes_isPrintedPrintably(String kind, String text) {
        CliRun run = CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", "http://" + text),
                "status", "61486916");

        assertPrintable(run, text);
        assertThat(run.exitCode()).isEqualTo(2);
    }

    /**
     * Nothing that steers a terminal is left but the command's own line ends (and the progress bar's
     * carriage returns, each at the start of a redraw), and no line anywhere is the forged one.
     */
    static void assertPrintable(CliRun run, String hostile) {
        String printed = run.out() + run.err();
        assertThat(printed).doesNotContain(hostile);
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            boolean ownLineEnd = c == '\n' || c == '\r' && (i + 1 == printed.length() || printed.charAt(i + 1) == '['
                    || printed.charAt(i + 1) == '\n');
            boolean steers = Character.isISOControl(c) && !ownLineEnd
                    || c == '\u061c' || c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e'
                    || c >= '\u2066' && c <= '\u2069' || c == '\u2028' || c == '\u2029';
            assertThat(steers).as("U+%04X at %d in:%n%s", (int) c, i, printed).isFalse();
        }
        assertThat(printed.split("[\r\n]")).noneMatch(line -> line.startsWith(FORGED));
    }
}
