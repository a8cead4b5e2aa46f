package dev.teardown.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.teardown.adapters.http.StatusDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code teardown resources} against a WireMock server on loopback that plays the DigitalOcean API. */
class ResourcesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dop_v1_0123456789abcdef0123456789abcdef";
    private static final String LIST = "/v2/droplets/61486919/destroy_with_associated_resources";

    private WireMockServer api;

    @BeforeEach
    void start() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of("DIGITALOCEAN_ACCESS_TOKEN", TOKEN, "DIGITALOCEAN_API_URL", api.baseUrl()), args);
    }

    private void list(ResourceList resources) {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(resources.json())));
    }

    private void answer(int status, String id, String message) {
        api.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(StatusDocuments.writeError(id, message, "r-" + status))));
    }

    @Test
    void resources_openApiExample_printsATableWithEachResourceOnceAndTheTotal() {
        list(ResourceList.openApiExample());

        CliRun run = run("resources", "61486919");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Droplet 61486919: 4 associated resources, 14.09 USD a month while kept");
        assertThat(lines.get(2)).startsWith("KIND").contains("NAME").contains("ID").endsWith("USD/MONTH");
        assertThat(lines.subList(3, 7)).satisfiesExactly(
                line -> assertThat(line).startsWith("reserved_ip").contains("45.55.96.47").contains(" 6186916 ")
                        .endsWith(" 4.00"),
                line -> assertThat(line).startsWith("snapshot ").contains(ResourceList.SNAPSHOT).endsWith(" 0.05"),
                line -> assertThat(line).startsWith("volume ").contains(ResourceList.VOLUME).endsWith(" 10.00"),
                line -> assertThat(line).startsWith("volume_snapshot").contains(ResourceList.VOLUME_SNAPSHOT)
                        .endsWith(" 0.04"));
        assertThat(lines.get(7)).startsWith("total").endsWith(" 14.09");
        assertThat(lines).hasSize(8);
        assertThat(run.out()).doesNotContain("floating_ip");
        // Costs are right-aligned: their points line up.
        assertThat(lines.subList(2, 8).stream().map(String::length).distinct()).hasSize(1);
        api.verify(1, getRequestedFor(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void resources_json_hasTheDocumentedShapeWithCostsAsTheApisDecimalStrings() throws Exception {
        list(ResourceList.openApiExample());

        CliRun run = run("resources", "61486919", "--json");

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode document = JSON.readTree(run.out());
        assertThat(fieldNames(document)).containsExactly("droplet_id", "resources", "monthly_cost_total");
        assertThat(document.get("droplet_id").isNumber()).isTrue();
        assertThat(document.get("droplet_id").asLong()).isEqualTo(61486919L);
        assertThat(document.get("monthly_cost_total").isTextual()).isTrue();
        assertThat(document.get("monthly_cost_total").asText()).isEqualTo("14.09");
        JsonNode first = document.get("resources").get(0);
        assertThat(fieldNames(first)).containsExactly("kind", "id", "name", "monthly_cost");
        assertThat(JSON.writeValueAsString(first))
                .isEqualTo("{\"kind\":\"reserved_ip\",\"id\":\"6186916\",\"name\":\"45.55.96.47\",\"monthly_cost\":\"4.00\"}");
        List<String> kinds = new ArrayList<>();
        List<String> costs = new ArrayList<>();
        document.get("resources").forEach(resource -> {
            kinds.add(resource.get("kind").asText());
            costs.add(resource.get("monthly_cost").asText());
        });
        assertThat(kinds).containsExactly("reserved_ip", "snapshot", "volume", "volume_snapshot");
        assertThat(costs).containsExactly("4.00", "0.05", "10.00", "0.04");
        assertThat(run.out().lines()).hasSize(1);
    }

    @Test
    void resources_costsInAFinerScale_keepTheirDigitsAndTheTotalTheLargestScale() throws Exception {
        list(ResourceList.empty().add("snapshots", "s-1", "nightly", "0.0450").add("volumes", "v-1", "data", "10"));

        CliRun run = run("resources", "61486919", "--json");

        JsonNode document = JSON.readTree(run.out());
        assertThat(document.get("resources").get(0).get("monthly_cost").asText()).isEqualTo("0.0450");
        assertThat(document.get("resources").get(1).get("monthly_cost").asText()).isEqualTo("10");
        assertThat(document.get("monthly_cost_total").asText()).isEqualTo("10.0450");
    }

    @Test
    void resources_noneListed_saysSoAndTheJsonTotalIsZero() throws Exception {
        list(ResourceList.empty());

        CliRun human = run("resources", "61486919");
        CliRun json = run("resources", "61486919", "--json");

        assertThat(human.exitCode()).isEqualTo(0);
        assertThat(human.out()).isEqualTo("Droplet 61486919: no associated resources that this token may list.\n");
        assertThat(JSON.readTree(json.out())).isEqualTo(
                JSON.readTree("{\"droplet_id\":61486919,\"resources\":[],\"monthly_cost_total\":\"0.00\"}"));
    }

    @Test
    void resources_unknownDroplet_exitsFive() throws Exception {
        answer(404, "not_found", "The resource you requested could not be found.");

        CliRun human = run("resources", "61486919");
        CliRun json = run("resources", "61486919", "--json");

        assertThat(human.exitCode()).isEqualTo(5);
        assertThat(human.out()).contains("Droplet 61486919: no such droplet");
        assertThat(json.exitCode()).isEqualTo(5);
        assertThat(JSON.readTree(json.out()))
                .isEqualTo(JSON.readTree("{\"droplet_id\":61486919,\"outcome\":\"not_found\"}"));
    }

    @Test
    void resources_401_exitsOneInOneLineWithoutTheToken() {
        answer(401, "unauthorized", "Unable to authenticate you.");

        CliRun run = run("resources", "61486919", "--verbose");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> line.startsWith("teardown: "))).hasSize(1);
        assertThat(run.err()).contains("DIGITALOCEAN_ACCESS_TOKEN").contains("> GET " + LIST + " -> 401");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void resources_403_namesTheScopeTheListNeeds() {
        answer(403, "forbidden", "You do not have access for the attempted action.");

        CliRun run = run("resources", "61486919");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("droplet:read");
    }

    @Test
    void resources_serverErrorEveryTime_exitsOneWithinTheTimeout() {
        answer(500, "server_error", "Unexpected server-side error");

        CliRun run = run("resources", "61486919", "--timeout", "5s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("retry later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc"})
    void resources_badDropletId_isAUsageErrorAndSendsNothing(String bad) {
        CliRun run = run("resources", bad);

        assertThat(run.exitCode()).isEqualTo(2);
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void resources_noToken_exitsOneAndSendsNothing() {
        CliRun run = CliRun.of(Map.of("DIGITALOCEAN_API_URL", api.baseUrl()), "resources", "61486919");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("DIGITALOCEAN_ACCESS_TOKEN");
        api.verify(0, anyRequestedFor(anyUrl()));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
