package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.adapters.http.StatusDocuments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a server sends reaches the terminal as printable text in {@code resources}, {@code destroy} and
 * {@code retry} too: the names and ids of the list, in the table and in the plan, and the API's error
 * messages. {@code --json} keeps the text exact.
 */
class HostileTextCommandsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String FAMILY = "/v2/droplets/61486916/destroy_with_associated_resources";

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

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> hostileTexts() {
        return HostileTextCliTest.hostileTexts();
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl()), args);
    }

    /** A list with the text as a volume's name and a snapshot's id. */
    private static void listWith(String text) {
        api.stubFor(get(urlEqualTo(FAMILY)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(ResourceList.empty().add("volumes", "v-1", text, "10.00").add("snapshots", text, "nightly", "0.05")
                        .json())));
    }

    private static String error(String text) {
        return new String(StatusDocuments.writeError("forbidden", text, "r-1"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void resourcesAndDestroyPlan_hostileNamesAndIds_arePrintedPrintably(String kind, String text) {
        listWith(text);

        for (String[] args : List.of(new String[] {"resources", "61486916"},
                new String[] {"destroy", "61486916", "--all", "--dry-run"},
                new String[] {"destroy", "61486916", "--volume", "v-1", "--dry-run"})) {
            CliRun run = run(args);

            HostileTextCliTest.assertPrintable(run, text);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(0);
            assertThat(run.out()).contains("nightly");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void resourcesJson_keepsTheTextExact(String kind, String text) throws Exception {
        listWith(text);

        CliRun run = run("resources", "61486916", "--json");

        assertThat(run.out().strip()).doesNotContain("\u001b").doesNotContain("\n").doesNotContain("\r");
        JsonNode resources = JSON.readTree(run.out()).get("resources");
        assertThat(resources.get(0).get("id").asText()).isEqualTo(text);
        assertThat(resources.get(1).get("name").asText()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void destroyAndRetry_hostileTextInAnApiError_isPrintedPrintably(String kind, String text) {
        listWith("data");
        api.stubFor(delete(urlEqualTo(FAMILY + "/dangerous")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(error(text))));
        api.stubFor(post(urlEqualTo(FAMILY + "/retry")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(error(text))));

        for (String[] args : List.of(new String[] {"destroy", "61486916", "--all", "--yes", "--verbose"},
                new String[] {"retry", "61486916", "--yes", "--verbose"})) {
            CliRun run = run(args);

            HostileTextCliTest.assertPrintable(run, text);
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }
}
