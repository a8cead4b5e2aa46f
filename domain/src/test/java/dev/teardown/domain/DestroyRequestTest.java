package dev.teardown.domain;

import static dev.teardown.domain.ResourceKind.DROPLET;
import static dev.teardown.domain.ResourceKind.FLOATING_IP;
import static dev.teardown.domain.ResourceKind.RESERVED_IP;
import static dev.teardown.domain.ResourceKind.SNAPSHOT;
import static dev.teardown.domain.ResourceKind.VOLUME;
import static dev.teardown.domain.ResourceKind.VOLUME_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DestroyRequest.Selection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestroyRequestTest {

    private static final DropletId ID = DropletId.of(61486916);
    private static final String IP = "6186916";
    private static final String VOLUME_ID = "ba49449a-7435-11ea-b89e-0a58ac14480f";

    private static AssociatedResources listed(AssociatedResource... resources) {
        return new AssociatedResources(ID, List.of(resources));
    }

    private static AssociatedResource resource(ResourceKind kind, String id) {
        return AssociatedResource.of(kind, id, "", "1.00");
    }

    @ParameterizedTest
    @EnumSource(value = ResourceKind.class, names = "DROPLET", mode = EnumSource.Mode.EXCLUDE)
    void everything_anyResource_isDestroyed(ResourceKind kind) {
        assertThat(DestroyRequest.everything().destroys(ResourceRef.of(kind, "never-listed"))).isTrue();
    }

    @Test
    void selection_idsAdded_areKeptByKindInTheOrderGiven() {
        Selection selection = DestroyRequest.selection()
                .add(VOLUME, "v2", "v1")
                .add(SNAPSHOT, "s")
                .add(VOLUME, "v3")
                .build();

        assertThat(selection.ids(VOLUME)).containsExactly("v2", "v1", "v3");
        assertThat(selection.ids(SNAPSHOT)).containsExactly("s");
        assertThat(selection.idsByKind().keySet()).containsExactly(SNAPSHOT, VOLUME);
    }

    @Test
    void selection_repeatedId_isKeptOnce() {
        Selection selection = DestroyRequest.selection().add(VOLUME, "v", "v").add(ResourceRef.of(VOLUME, "v")).build();

        assertThat(selection.ids(VOLUME)).containsExactly("v");
        assertThat(selection.size()).isEqualTo(1);
    }

    @Test
    void selection_kindNotSelected_hasNoIds() {
        assertThat(DestroyRequest.selection().add(VOLUME, "v").build().ids(SNAPSHOT)).isEmpty();
    }

    @Test
    void selection_floatingIp_staysDistinctFromReservedIp() {
        Selection selection = DestroyRequest.selection().add(FLOATING_IP, IP).build();

        assertThat(selection.ids(FLOATING_IP)).containsExactly(IP);
        assertThat(selection.ids(RESERVED_IP)).isEmpty();
        assertThat(selection).isNotEqualTo(DestroyRequest.selection().add(RESERVED_IP, IP).build());
    }

    @Test
    void selection_droplet_isRejectedNamingIt() {
        assertThatThrownBy(() -> DestroyRequest.selection().add(DROPLET, "187000742"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selected kind must be a kind of associated resource, not DROPLET");
    }

    @Test
    void of_droplet_isRejectedNamingIt() {
        assertThatThrownBy(() -> Selection.of(Map.of(DROPLET, List.of("187000742"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selected kind must be a kind of associated resource, not DROPLET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void selection_blankId_isRejectedShowingIt(String blank) {
        assertThatThrownBy(() -> DestroyRequest.selection().add(SNAPSHOT, "s", blank))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selected SNAPSHOT id must not be blank, was '" + blank + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void of_blankId_isRejectedShowingIt(String blank) {
        assertThatThrownBy(() -> Selection.of(Map.of(VOLUME_SNAPSHOT, List.of(blank))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selected VOLUME_SNAPSHOT id must not be blank, was '" + blank + "'");
    }

    @Test
    void selection_nullId_isRejected() {
        assertThatThrownBy(() -> DestroyRequest.selection().add(VOLUME, (String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selected VOLUME id must not be blank, was null");
    }

    @Test
    void of_nullKind_isRejected() {
        Map<ResourceKind, List<String>> withNullKind = new HashMap<>();
        withNullKind.put(null, List.of("1"));

        assertThatNullPointerException().isThrownBy(() -> Selection.of(withNullKind)).withMessage("selected kind");
    }

    @Test
    void of_nullIds_isRejected() {
        Map<ResourceKind, List<String>> withNullIds = new HashMap<>();
        withNullIds.put(VOLUME, null);

        assertThatNullPointerException().isThrownBy(() -> Selection.of(withNullIds)).withMessage("ids of VOLUME");
    }

    @Test
    void of_listsWithRepeats_areKeptAsOrderedSets() {
        Selection selection = Selection.of(Map.of(VOLUME, List.of("b", "a", "b")));

        assertThat(selection.ids(VOLUME)).containsExactly("b", "a");
    }

    @Test
    void of_mapChangedAfterwards_isNotSeen() {
        List<String> ids = new ArrayList<>(List.of("a"));
        Map<ResourceKind, List<String>> given = new EnumMap<>(Map.of(VOLUME, ids));
        Selection selection = Selection.of(given);

        ids.add("b");
        given.put(SNAPSHOT, List.of("s"));

        assertThat(selection.idsByKind()).containsOnlyKeys(VOLUME);
        assertThat(selection.ids(VOLUME)).containsExactly("a");
    }

    @Test
    void idsByKind_isUnmodifiable() {
        Selection selection = DestroyRequest.selection().add(VOLUME, "v").build();

        assertThatThrownBy(() -> selection.idsByKind().put(SNAPSHOT, Set.of("s")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> selection.ids(VOLUME).add("w")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dropletOnly_selectsNothing() {
        Selection dropletOnly = DestroyRequest.dropletOnly();

        assertThat(dropletOnly.isEmpty()).isTrue();
        assertThat(dropletOnly.size()).isZero();
        assertThat(dropletOnly.destroys(ResourceRef.of(VOLUME, VOLUME_ID))).isFalse();
    }

    @Test
    void dropletOnly_equalsEveryWayOfSelectingNothing() {
        assertThat(DestroyRequest.dropletOnly())
                .isEqualTo(DestroyRequest.selection().build())
                .isEqualTo(DestroyRequest.selection().add(VOLUME).build())
                .isEqualTo(Selection.of(Map.of()))
                .isEqualTo(Selection.of(Map.of(VOLUME, List.of())));
    }

    @Test
    void equals_sameIdsInAnotherOrder_isEqual() {
        assertThat(DestroyRequest.selection().add(VOLUME, "a", "b").build())
                .isEqualTo(DestroyRequest.selection().add(VOLUME, "b", "a").build());
    }

    @ParameterizedTest
    @CsvSource({
        "'VOLUME:a', 1",
        "'VOLUME:a VOLUME:b SNAPSHOT:a', 3",
        "'RESERVED_IP:1 FLOATING_IP:1', 1",
        "'RESERVED_IP:1 FLOATING_IP:2', 2",
        "'FLOATING_IP:1 FLOATING_IP:2 RESERVED_IP:2 VOLUME_SNAPSHOT:2', 3",
    })
    void size_selection_countsDistinctResources(String selected, int expected) {
        Selection.Builder builder = DestroyRequest.selection();
        for (String pair : selected.split(" ")) {
            String[] kindAndId = pair.split(":");
            builder.add(ResourceKind.valueOf(kindAndId[0]), kindAndId[1]);
        }

        assertThat(builder.build().size()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "RESERVED_IP, RESERVED_IP, true",
        "RESERVED_IP, FLOATING_IP, true",
        "FLOATING_IP, RESERVED_IP, true",
        "VOLUME, VOLUME, true",
        "VOLUME, SNAPSHOT, false",
        "SNAPSHOT, VOLUME_SNAPSHOT, false",
    })
    void destroys_selectedId_underThatKindOrTheOtherIpName(ResourceKind selectedAs, ResourceKind askedAs,
            boolean destroyed) {
        Selection selection = DestroyRequest.selection().add(selectedAs, "1").build();

        assertThat(selection.destroys(ResourceRef.of(askedAs, "1"))).isEqualTo(destroyed);
        assertThat(selection.destroys(ResourceRef.of(askedAs, "2"))).isFalse();
    }

    @Test
    void unknownIn_everySelectedResourceListed_isEmpty() {
        AssociatedResources associated = listed(resource(RESERVED_IP, IP), resource(FLOATING_IP, IP),
                resource(VOLUME, VOLUME_ID), resource(SNAPSHOT, "61486916"));
        Selection selection = DestroyRequest.selection().add(VOLUME, VOLUME_ID).add(RESERVED_IP, IP).build();

        assertThat(selection.unknownIn(associated)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "RESERVED_IP, FLOATING_IP",
        "FLOATING_IP, RESERVED_IP",
        "FLOATING_IP, FLOATING_IP",
    })
    void unknownIn_ipListedUnderEitherName_isKnown(ResourceKind listedAs, ResourceKind selectedAs) {
        Selection selection = DestroyRequest.selection().add(selectedAs, IP).build();

        assertThat(selection.unknownIn(listed(resource(listedAs, IP)))).isEmpty();
    }

    @Test
    void unknownIn_someNotListed_namesThemInKindOrderThenTheOrderGiven() {
        AssociatedResources associated = listed(resource(VOLUME, VOLUME_ID), resource(SNAPSHOT, "61486916"));
        Selection selection = DestroyRequest.selection()
                .add(VOLUME, "typo", VOLUME_ID, "other")
                .add(SNAPSHOT, "61486916")
                .add(FLOATING_IP, IP)
                .build();

        assertThat(selection.unknownIn(associated)).containsExactly(
                ResourceRef.of(FLOATING_IP, IP), ResourceRef.of(VOLUME, "typo"), ResourceRef.of(VOLUME, "other"));
    }

    @Test
    void unknownIn_idListedUnderAnotherKind_isUnknown() {
        Selection selection = DestroyRequest.selection().add(VOLUME, "61486916").build();

        assertThat(selection.unknownIn(listed(resource(SNAPSHOT, "61486916"))))
                .containsExactly(ResourceRef.of(VOLUME, "61486916"));
    }

    @Test
    void unknownIn_nothingListed_namesEverySelectedResource() {
        Selection selection = DestroyRequest.selection().add(SNAPSHOT, "s").add(VOLUME, "v").build();

        assertThat(selection.unknownIn(listed())).containsExactly(
                ResourceRef.of(SNAPSHOT, "s"), ResourceRef.of(VOLUME, "v"));
    }

    @Test
    void unknownIn_dropletOnly_isEmpty() {
        assertThat(DestroyRequest.dropletOnly().unknownIn(listed())).isEmpty();
    }

    @Test
    void destroys_null_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> DestroyRequest.everything().destroys(null));
        assertThatNullPointerException().isThrownBy(() -> DestroyRequest.dropletOnly().destroys(null));
    }
}
