package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.testkit.ReferenceExamples;
import dev.teardown.testkit.TeardownStatusBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StatusDocumentsTest {

    private static final DropletId DROPLET = DropletId.of(61486916);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TeardownStatus read(String json) {
        return StatusDocuments.read(DROPLET, json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode written(TeardownStatus status) throws IOException {
        return JSON.readTree(StatusDocuments.write(status));
    }

    // Reading

    @Test
    void read_referenceExamples_giveTheDocumentedStatuses() {
        assertThat(StatusDocuments.read(DROPLET, ReferenceExamples.checkStatusDocJson()))
                .isEqualTo(ReferenceExamples.checkStatusDocStatus());
        assertThat(StatusDocuments.read(DROPLET, ReferenceExamples.openApiJson()))
                .isEqualTo(ReferenceExamples.openApiStatus());
    }

    @Test
    void read_emptyObject_isAStatusWithNothingKnown() {
        assertThat(read("{}")).isEqualTo(
                new TeardownStatus(DROPLET, Optional.empty(), Optional.empty(), OptionalInt.empty(), List.of()));
    }

    @Test
    void read_everyFieldNull_isAStatusWithNothingKnown() {
        assertThat(read("""
                {"completed_at": null, "droplet": null, "failures": null,
                 "resources": {"reserved_ips": null, "floating_ips": null, "snapshots": null,
                               "volumes": null, "volume_snapshots": null}}
                """)).isEqualTo(read("{}"));
    }

    @Test
    void read_unknownFields_areIgnored() {
        assertThat(read("""
                {"completed_at": null, "links": {"pages": {}}, "meta": [1, 2],
                 "resources": {"load_balancers": [{"id": 1}], "snapshots": [{"id": "7", "extra": true}]}}
                """).resources()).containsExactly(ResourceTeardown.pending(ResourceKind.SNAPSHOT, "7", ""));
    }

    @Test
    void read_numericId_isKeptAsItsDigits() {
        assertThat(read("{\"droplet\": {\"id\": 187000742, \"name\": \"web\"}}").droplet())
                .contains(ResourceTeardown.pending(ResourceKind.DROPLET, "187000742", "web"));
    }

    @Test
    void read_timestampWithOffset_isTheSameInstant() {
        assertThat(read("{\"completed_at\": \"2020-04-01T20:11:49.5+02:00\"}").completedAt())
                .contains(Instant.parse("2020-04-01T18:11:49.500Z"));
    }

    @Test
    void read_blankTimestamp_isAbsent() {
        assertThat(read("{\"completed_at\": \"\"}").completedAt()).isEmpty();
    }

    @Test
    void read_blankErrorMessage_isNoError() {
        ResourceTeardown volume = read("""
                {"resources": {"volumes": [{"id": "v", "destroyed_at": "2020-04-01T18:11:49Z", "error_message": " "}]}}
                """).resources().get(0);

        assertThat(volume.errorMessage()).isEmpty();
    }

    @Test
    void read_nullListElement_isSkipped() {
        assertThat(read("{\"resources\": {\"snapshots\": [null, {\"id\": \"1\"}]}}").resources()).hasSize(1);
    }

    @Test
    void read_wrongTypes_areRejectedNamingTheField() {
        assertThat(List.of(
                "{\"failures\": 1.5}",
                "{\"completed_at\": 1585764709}",
                "{\"completed_at\": \"yesterday\"}",
                "{\"droplet\": \"web\"}",
                "{\"droplet\": {\"id\": 1.5}}",
                "{\"droplet\": {\"name\": []}}",
                "{\"resources\": []}",
                "{\"resources\": {\"volumes\": {}}}",
                "{\"resources\": {\"volumes\": [\"v\"]}}"))
                .allSatisfy(json -> assertThatThrownBy(() -> read(json))
                        .as(json)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(" must be "));
    }

    @Test
    void read_notAnObject_isRejected() {
        assertThat(List.of("[]", "null", "42", "\"status\"", "", "   ", "{} {}", "{\"a\": 1}}"))
                .allSatisfy(json -> assertThatThrownBy(() -> read(json))
                        .as(json)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("not a status document"));
    }

    @Test
    void read_stringLongerThanTheLimit_isRejected() {
        String longName = "n".repeat(StatusDocumentReader.MAX_STRING_LENGTH + 1);

        assertThatThrownBy(() -> read("{\"droplet\": {\"name\": \"" + longName + "\"}}"))
                .hasMessageContaining("String value length");
    }

    // Writing

    @Test
    void write_status_hasTheApiShape() throws IOException {
        JsonNode document = written(ReferenceExamples.openApiStatus());

        assertThat(document.fieldNames()).toIterable().containsExactly("completed_at", "droplet", "failures", "resources");
        assertThat(document.get("completed_at").asText()).isEqualTo("2020-04-01T18:11:49Z");
        assertThat(document.get("failures").intValue()).isZero();
        assertThat(document.get("droplet").get("id").asText()).isEqualTo("187000742");
        assertThat(document.get("resources").fieldNames()).toIterable()
                .containsExactly("reserved_ips", "floating_ips", "snapshots", "volumes", "volume_snapshots");
        assertThat(document.get("resources").get("snapshots").get(0).get("error_message").asText()).isEqualTo(" ");
    }

    @Test
    void write_reservedIp_isListedUnderFloatingIpsAsWell() throws IOException {
        JsonNode resources = written(ReferenceExamples.openApiStatus()).get("resources");

        assertThat(resources.get("floating_ips")).isEqualTo(resources.get("reserved_ips"));
        assertThat(resources.get("floating_ips").get(0).get("id").asText()).isEqualTo("6186916");
    }

    @Test
    void write_reservedAndFloatingIpThatDisagree_writesEachUnderItsNameAndReadsBackEqual() throws IOException {
        TeardownStatus status = TeardownStatusBuilder.status(DROPLET)
                .completedAt("2026-11-29T10:00:09Z")
                .destroyed(ResourceKind.RESERVED_IP, "6186916", "45.55.96.47", "2026-11-29T10:00:01Z")
                .failed(ResourceKind.FLOATING_IP, "6186916", "45.55.96.47", "the IP is still assigned")
                .build();

        JsonNode resources = written(status).get("resources");

        assertThat(resources.get("reserved_ips").get(0).get("destroyed_at").asText()).isEqualTo("2026-11-29T10:00:01Z");
        assertThat(resources.get("floating_ips").get(0).get("error_message").asText()).isEqualTo("the IP is still assigned");
        assertThat(StatusDocuments.read(DROPLET, StatusDocuments.write(status))).isEqualTo(status);
    }

    @Test
    void write_floatingIpNotReserved_isListedOnce() throws IOException {
        TeardownStatus status = TeardownStatusBuilder.status(DROPLET)
                .pending(ResourceKind.FLOATING_IP, "99", "10.0.0.1")
                .build();

        JsonNode resources = written(status).get("resources");

        assertThat(resources.get("reserved_ips")).isEmpty();
        assertThat(resources.get("floating_ips")).hasSize(1);
    }

    @Test
    void write_inProgress_writesNullsForWhatIsNotKnown() throws IOException {
        JsonNode document = written(new TeardownStatus(DROPLET, Optional.empty(), Optional.empty(), OptionalInt.empty(), List.of()));

        assertThat(document.get("completed_at").isNull()).isTrue();
        assertThat(document.get("droplet").isNull()).isTrue();
        assertThat(document.get("failures").isNull()).isTrue();
    }

    @Test
    void write_thenRead_givesAnEqualStatus() {
        TeardownStatus status = TeardownStatusBuilder.status(DROPLET)
                .completedAt(Instant.parse("2026-11-29T10:00:09.123456789Z"))
                .dropletDestroyedAt("web \"quoted\" \u00e9\u4e2d\ud83d\ude00", "2026-11-29T10:00:08Z")
                .failures(-1)
                .destroyed(ResourceKind.RESERVED_IP, "6186916", "45.55.96.47", "2026-11-29T10:00:01Z")
                .pending(ResourceKind.RESERVED_IP, "", "no id")
                .pending(ResourceKind.FLOATING_IP, "77", "only floating")
                .failed(ResourceKind.VOLUME, "ba49449a", "data", "still attached\nto droplet 7")
                .pending(ResourceKind.VOLUME_SNAPSHOT, "", "")
                .build();

        assertThat(StatusDocuments.read(DROPLET, StatusDocuments.write(status))).isEqualTo(status);
    }

    @Test
    void writeError_parts_areTheApiErrorBody() throws IOException {
        JsonNode error = JSON.readTree(StatusDocuments.writeError("not_found", "The resource could not be found.", "r-1"));

        assertThat(error.fieldNames()).toIterable().containsExactly("id", "message", "request_id");
        assertThat(error.get("message").asText()).isEqualTo("The resource could not be found.");
        assertThat(new StatusDocumentReader(1024).readError(StatusDocuments.writeError("a", "b", "c")))
                .isEqualTo(new ErrorDocument(Optional.of("a"), Optional.of("b"), Optional.of("c"), true));
    }

    @Test
    void writeError_nullParts_areWrittenAsNull() throws IOException {
        JsonNode error = JSON.readTree(StatusDocuments.writeError(null, "boom", null));

        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.get("request_id").isNull()).isTrue();
    }
}
