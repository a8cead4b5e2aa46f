package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.testkit.AssociatedResourcesBuilder;
import dev.teardown.testkit.ReferenceExamples;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResourcesDocumentReaderTest {

    private static final DropletId ID = ReferenceExamples.DROPLET_ID;
    private static final int LIMIT = 64 * 1024;

    private final ResourcesDocumentReader reader = new ResourcesDocumentReader(LIMIT);

    private AssociatedResources read(String json) throws MalformedDocumentException {
        return reader.read(ID, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String oneVolume(String entry) {
        return "{\"volumes\": [" + entry + "]}";
    }

    private static String withCost(String costJson) {
        return oneVolume("{\"id\": \"v-1\", \"name\": \"data\", \"cost\": " + costJson + "}");
    }

    // What the API documents

    @Test
    void read_openApiExample_isTheDocumentedResources() throws Exception {
        AssociatedResources read = reader.read(ID, ResourcesDocuments.openApiExample());

        assertThat(read).isEqualTo(AssociatedResourcesBuilder.openApiExample().build());
    }

    @Test
    void read_openApiExample_costs14_09AMonthExactly() throws Exception {
        AssociatedResources read = reader.read(ID, ResourcesDocuments.openApiExample());

        assertThat(read.monthlyCostTotal()).isEqualTo(new BigDecimal("14.09"));
        assertThat(read.resources()).extracting(r -> r.monthlyCost().toPlainString())
                .containsExactly("4.00", "0.05", "10.00", "0.04");
    }

    @Test
    void read_reservedAndFloatingIpWithOneId_countsTheAddressOnce() throws Exception {
        AssociatedResources read = reader.read(ID, ResourcesDocuments.openApiExample());

        assertThat(read.count(ResourceKind.RESERVED_IP)).isEqualTo(1);
        assertThat(read.count(ResourceKind.FLOATING_IP)).isZero();
        assertThat(read.resources()).hasSize(4);
    }

    @Test
    void read_floatingIpOnly_isKeptAsAFloatingIp() throws Exception {
        AssociatedResources read = read("{\"floating_ips\": [{\"id\": \"9\", \"name\": \"10.0.0.9\", \"cost\": \"5.00\"}]}");

        assertThat(read.resources()).containsExactly(AssociatedResource.of(ResourceKind.FLOATING_IP, "9", "10.0.0.9", "5.00"));
    }

    // What may be absent

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"volumes\": null, \"snapshots\": []}", "{\"volumes\": [null]}"})
    void read_missingNullOrEmptyLists_isAnEmptyListing(String json) throws Exception {
        AssociatedResources read = read(json);

        assertThat(read.isEmpty()).isTrue();
        assertThat(read.dropletId()).isEqualTo(ID);
        assertThat(read.monthlyCostTotal()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void read_unknownListsAndFields_areIgnored() throws Exception {
        AssociatedResources read = read("""
                {"load_balancers": [{"id": "lb-1", "cost": "12.00"}], "droplet": {"id": 7}, "links": {},
                 "volumes": [{"id": "v-1", "name": "data", "cost": "10.00", "region": {"slug": "nyc1"}}]}
                """);

        assertThat(read.resources()).containsExactly(AssociatedResource.of(ResourceKind.VOLUME, "v-1", "data", "10.00"));
    }

    @Test
    void read_missingOrNullName_isEmpty() throws Exception {
        AssociatedResources read = read("{\"volumes\": [{\"id\": \"v-1\", \"cost\": \"1.00\"}, {\"id\": \"v-2\", \"name\": null, \"cost\": \"2.00\"}]}");

        assertThat(read.resources()).extracting(AssociatedResource::name).containsExactly("", "");
    }

    @Test
    void read_wholeNumberId_isItsDigits() throws Exception {
        AssociatedResources read = read("{\"snapshots\": [{\"id\": 61486916, \"cost\": \"0.05\"}]}");

        assertThat(read.resources()).extracting(AssociatedResource::id).containsExactly("61486916");
    }

    @Test
    void read_listNamedTwice_countsAsItsLastNaming() throws Exception {
        AssociatedResources read = read("{\"volumes\": [{\"id\": \"a\", \"cost\": \"1.00\"}], \"volumes\": [{\"id\": \"b\", \"cost\": \"2.00\"}]}");

        assertThat(read.resources()).extracting(AssociatedResource::id).containsExactly("b");
    }

    // Costs

    @ParameterizedTest
    @CsvSource({"'\"4.00\"', 4.00", "'\"0.05\"', 0.05", "'\"12\"', 12", "'\"0.1234567891\"', 0.1234567891",
            "'\"999999999999999999.99\"', 999999999999999999.99", "4.00, 4.00", "10, 10", "'\" 4.00 \"', 4.00"})
    void read_cost_isExactInItsOwnScale(String costJson, String expected) throws Exception {
        BigDecimal cost = read(withCost(costJson)).resources().get(0).monthlyCost();

        assertThat(cost.toPlainString()).isEqualTo(expected);
    }

    @Test
    void read_costWithDigitsADoubleWouldLose_staysExact() throws Exception {
        AssociatedResources read = read("""
                {"snapshots": [{"id": "1", "cost": "0.1"}, {"id": "2", "cost": "0.2"}],
                 "volumes": [{"id": "3", "cost": "123456789012345678.1"}]}
                """);

        assertThat(read.monthlyCostTotal().toPlainString()).isEqualTo("123456789012345678.4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"  \"", "\"-1.00\"", "\"+4.00\"", "\"4,00\"", "\"1,000.00\"", "\"4.\"", "\".5\"",
            "\"NaN\"", "\"Infinity\"", "\"1e3\"", "\"1E+999999999\"", "\"0x10\"", "\"\u0664.\u0660\u0660\"", "\"4.00 USD\"",
            "\"$4.00\"", "\"1234567890123456789\"", "\"0.12345678901\"", "1e3", "-1.00", "1.5e-2"})
    void read_oddCost_isMalformedNamingTheField(String costJson) {
        assertThatThrownBy(() -> read(withCost(costJson)))
                .isInstanceOf(MalformedDocumentException.class)
                .hasMessageStartingWith("volumes[0].cost");
    }

    @Test
    void read_costOfNinetyThousandDigits_isRefusedNamingTheField() {
        ResourcesDocumentReader roomy = new ResourcesDocumentReader(4 * JsonFields.MAX_STRING_LENGTH);
        String digits = "9".repeat(JsonFields.MAX_STRING_LENGTH - 10);
        byte[] body = withCost("\"" + digits + "\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> roomy.read(ID, body))
                .isInstanceOf(MalformedDocumentException.class)
                .hasMessageStartingWith("volumes[0].cost")
                .hasMessageContaining("at most 18 digits before the point");
    }

    @Test
    void read_costStringOverTheStringLimit_isMalformed() {
        ResourcesDocumentReader roomy = new ResourcesDocumentReader(4 * JsonFields.MAX_STRING_LENGTH);
        String digits = "1".repeat(JsonFields.MAX_STRING_LENGTH + 1);
        byte[] body = withCost("\"" + digits + "\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> roomy.read(ID, body))
                .isInstanceOf(MalformedDocumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "{}", "[]"})
    void read_costOfAnotherType_isMalformedNamingTheField(String costJson) {
        assertThatThrownBy(() -> read(withCost(costJson)))
                .isInstanceOf(MalformedDocumentException.class)
                .hasMessage("volumes[0].cost must be a decimal string such as \"4.00\", is "
                        + switch (costJson) {
                            case "true" -> "a boolean";
                            case "{}" -> "an object";
                            default -> "a list";
                        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": \"v-1\"}", "{\"id\": \"v-1\", \"cost\": null}"})
    void read_missingCost_isMalformedNotZero(String entry) {
        assertThatThrownBy(() -> read(oneVolume(entry)))
                .isInstanceOf(MalformedDocumentException.class)
                .hasMessage("volumes[0].cost is missing");
    }

    // Ids and shapes

    @ParameterizedTest
    @ValueSource(strings = {"{\"cost\": \"1.00\"}", "{\"id\": null, \"cost\": \"1.00\"}", "{\"id\": \"\", \"cost\": \"1.00\"}",
            "{\"id\": \"   \", \"cost\": \"1.00\"}"})
    void read_entryWithoutAnId_isMalformedNamingTheField(String entry) {
        assertThatThrownBy(() -> read(oneVolume(entry)))
                .isInstanceOf(MalformedDocumentException.class)
                .hasMessage("volumes[0].id is missing or blank");
    }

    @Test
    void read_secondEntryWithoutAnId_namesItsIndex() {
        assertThatThrownBy(() -> read("{\"snapshots\": [{\"id\": \"1\", \"cost\": \"0.05\"}, {\"cost\": \"0.05\"}]}"))
                .hasMessage("snapshots[1].id is missing or blank");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"volumes\": {}}|volumes must be a list, is an object",
            "{\"reserved_ips\": \"6186916\"}|reserved_ips must be a list, is a string",
            "{\"snapshots\": [\"61486916\"]}|snapshots[0] must be an object, is a string",
            "{\"volumes\": [{\"id\": true, \"cost\": \"1.00\"}]}|volumes[0].id must be a string or a whole number, is a boolean",
            "{\"volumes\": [{\"id\": \"v\", \"name\": 7, \"cost\": \"1.00\"}]}|volumes[0].name must be a string, is a whole number",
            "{\"volume_snapshots\": [{\"id\": \"v\", \"cost\": \"1.00\"}, 3]}|volume_snapshots[1] must be an object, is a whole number"})
    void read_fieldOfTheWrongType_isMalformedNamingIt(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedDocumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"volumes\"", "{\"volumes\": [", "{} {}", "<html>404</html>"})
    void read_notOneJsonObject_isMalformed(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedDocumentException.class);
    }

    @Test
    void read_documentOverTheLimit_isMalformed() {
        StringBuilder json = new StringBuilder("{\"snapshots\": [");
        for (int i = 0; json.length() <= LIMIT; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"cost\": \"0.05\"}");
        }
        json.append("]}");

        assertThatThrownBy(() -> read(json.toString())).isInstanceOf(MalformedDocumentException.class);
    }

    @Test
    void read_nestedTooDeep_isMalformed() {
        String deep = "[".repeat(JsonFields.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonFields.MAX_NESTING_DEPTH + 1);

        assertThatThrownBy(() -> read("{\"extra\": " + deep + "}")).isInstanceOf(MalformedDocumentException.class);
    }
}
