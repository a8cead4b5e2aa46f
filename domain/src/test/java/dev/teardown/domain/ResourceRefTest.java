package dev.teardown.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceRefTest {

    @ParameterizedTest
    @EnumSource(value = ResourceKind.class, names = "DROPLET", mode = EnumSource.Mode.EXCLUDE)
    void of_associatedKind_keepsKindAndId(ResourceKind kind) {
        ResourceRef ref = ResourceRef.of(kind, "61486916");

        assertThat(ref.kind()).isEqualTo(kind);
        assertThat(ref.id()).isEqualTo("61486916");
    }

    @Test
    void of_droplet_isRejectedNamingIt() {
        assertThatThrownBy(() -> ResourceRef.of(ResourceKind.DROPLET, "187000742"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource kind must be a kind of associated resource, not DROPLET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void of_blankId_isRejectedShowingTheId(String blank) {
        assertThatThrownBy(() -> ResourceRef.of(ResourceKind.VOLUME, blank))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource id must not be blank, was '" + blank + "'");
    }

    @Test
    void of_longBlankId_isShownAbbreviated() {
        assertThatThrownBy(() -> ResourceRef.of(ResourceKind.VOLUME, " ".repeat(100)))
                .hasMessage("resource id must not be blank, was '" + " ".repeat(40) + "...'");
    }

    @Test
    void of_idWithSpaces_isKeptExactly() {
        assertThat(ResourceRef.of(ResourceKind.SNAPSHOT, " 1 ").id()).isEqualTo(" 1 ");
    }

    @Test
    void equals_floatingAndReservedIpOfOneId_differ() {
        assertThat(ResourceRef.of(ResourceKind.FLOATING_IP, "6186916"))
                .isNotEqualTo(ResourceRef.of(ResourceKind.RESERVED_IP, "6186916"));
    }
}
