package dev.teardown.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.ResourceKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The body of a selective destroy as a server reads it with {@link StatusDocuments#readDestroySelection}. */
class DestroySelectionDocumentsTest {

    private static DestroyRequest.Selection read(String json) {
        return StatusDocuments.readDestroySelection(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_openApiExample_selectsEveryListedId() {
        DestroyRequest.Selection selection = read("""
                {"floating_ips": ["6186916"], "reserved_ips": ["6186916"], "snapshots": ["61486916"],
                 "volumes": ["ba49449a-7435-11ea-b89e-0a58ac14480f"],
                 "volume_snapshots": ["edb0478d-7436-11ea-86e6-0a58ac144b91"]}
                """);

        assertThat(selection).isEqualTo(DestroyRequest.selection()
                .add(ResourceKind.FLOATING_IP, "6186916")
                .add(ResourceKind.RESERVED_IP, "6186916")
                .add(ResourceKind.SNAPSHOT, "61486916")
                .add(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f")
                .add(ResourceKind.VOLUME_SNAPSHOT, "edb0478d-7436-11ea-86e6-0a58ac144b91")
                .build());
        assertThat(selection.size()).isEqualTo(4);
    }

    @Test
    void read_emptyObjectNullAndEmptyLists_selectNothing() {
        assertThat(read("{}").isEmpty()).isTrue();
        assertThat(read("{\"volumes\": null, \"snapshots\": []}").isEmpty()).isTrue();
    }

    @Test
    void read_numericIdsAndUnknownFields_areIdsAndIgnored() {
        assertThat(read("{\"snapshots\": [61486916], \"note\": {\"x\": 1}}").ids(ResourceKind.SNAPSHOT))
                .containsExactly("61486916");
    }

    @Test
    void read_listNamedTwice_countsItsLastNaming() {
        assertThat(read("{\"volumes\": [\"a\"], \"volumes\": [\"b\"]}").ids(ResourceKind.VOLUME)).containsExactly("b");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "''|the body is empty",
            "[]|the body is JSON but not an object, it is a list",
            "{\"volumes\": \"v-1\"}|volumes must be a list, is a string",
            "{\"volumes\": [null]}|volumes[0] must be an id, is null",
            "{\"volumes\": [\"a\", \" \"]}|volumes[1] must not be blank",
            "{\"volumes\": [{\"id\": \"a\"}]}|volumes[0] must be an id (a string), is an object",
            "{\"volumes\": [1.5]}|volumes[0] must be an id (a string), is a decimal number",
            "{\"volumes\": [\"a\"]} {}|the body is not valid JSON: more follows the document"})
    void read_malformed_isRejectedNamingTheField(String body, String reason) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a selective destroy body: " + reason);
    }

    @Test
    void read_notJson_isRejectedWithoutQuotingTheBody() {
        assertThatThrownBy(() -> read("{\"volumes\": [secret-token]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a selective destroy body: the body is not valid JSON")
                .hasMessageNotContaining("secret-token");
    }
}
