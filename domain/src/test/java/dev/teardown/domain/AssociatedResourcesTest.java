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
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AssociatedResourcesTest {

    private static final DropletId ID = DropletId.of(61486916);
    private static final String IP = "6186916";
    private static final String VOLUME_ID = "ba49449a-7435-11ea-b89e-0a58ac14480f";
    private static final String VOLUME_SNAPSHOT_ID = "edb0478d-7436-11ea-86e6-0a58ac144b91";

    private static AssociatedResource resource(ResourceKind kind, String id, String cost) {
        return AssociatedResource.of(kind, id, kind + " " + id, cost);
    }

    private static AssociatedResources listed(AssociatedResource... resources) {
        return new AssociatedResources(ID, List.of(resources));
    }

    /** The example of the API's list response: one IP under both names, a snapshot, a volume, a volume snapshot. */
    private static AssociatedResources openApiExample() {
        return listed(
                AssociatedResource.of(RESERVED_IP, IP, "45.55.96.47", "4.00"),
                AssociatedResource.of(FLOATING_IP, IP, "45.55.96.47", "4.00"),
                AssociatedResource.of(SNAPSHOT, "61486916", "ubuntu-s-1vcpu-1gb-nyc1-01-1585758823330", "0.05"),
                AssociatedResource.of(VOLUME, VOLUME_ID, "volume-nyc1-01", "10.00"),
                AssociatedResource.of(VOLUME_SNAPSHOT, VOLUME_SNAPSHOT_ID, "volume-nyc1-01-1585758983629", "0.04"));
    }

    @Test
    void openApiExample_isFourResourcesCosting14_09() {
        AssociatedResources example = openApiExample();

        assertThat(example.resources()).extracting(AssociatedResource::kind)
                .containsExactly(RESERVED_IP, SNAPSHOT, VOLUME, VOLUME_SNAPSHOT);
        assertThat(example.monthlyCostTotal().toPlainString()).isEqualTo("14.09");
        assertThat(example.dropletId()).isEqualTo(ID);
    }

    @ParameterizedTest
    @CsvSource({
        "'0.05 4.00 14.04', 18.09",
        "'0.1 0.2', 0.3",
        "'4 0.125 1.5', 5.625",
        "'10.00 0.0000000001', 10.0000000001",
        "'999999999999999999.9999999999 999999999999999999.9999999999', 1999999999999999999.9999999998",
        "'0.00 0', 0.00",
    })
    void monthlyCostTotal_costs_isTheExactSumInTheLargestScale(String costs, String expected) {
        List<AssociatedResource> resources = new ArrayList<>();
        String[] each = costs.split(" ");
        for (int i = 0; i < each.length; i++) {
            resources.add(resource(SNAPSHOT, "snapshot-" + i, each[i]));
        }

        BigDecimal total = new AssociatedResources(ID, resources).monthlyCostTotal();

        assertThat(total).isEqualTo(new BigDecimal(expected));
        assertThat(total.toPlainString()).isEqualTo(expected);
    }

    @Test
    void monthlyCostTotal_noResources_isZero() {
        assertThat(listed().monthlyCostTotal()).isEqualTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void new_floatingIpAlsoListedAsReserved_isOneResourceTheReservedKept(boolean floatingFirst) {
        AssociatedResource reserved = AssociatedResource.of(RESERVED_IP, IP, "reserved name", "4.00");
        AssociatedResource floating = AssociatedResource.of(FLOATING_IP, IP, "floating name", "4.00");

        AssociatedResources resources = floatingFirst ? listed(floating, reserved) : listed(reserved, floating);

        assertThat(resources.resources()).containsExactly(reserved);
        assertThat(resources.monthlyCostTotal().toPlainString()).isEqualTo("4.00");
    }

    @ParameterizedTest
    @CsvSource({
        "4.00, 5.00, 5.00",
        "5.00, 4.00, 5.00",
        "4.00, 4.0, 4.00",
        "4.0, 4.00, 4.0",
        "0, 0.05, 0.05",
    })
    void new_reservedAndFloatingCostsDiffer_keepsTheReservedEntryAtTheLargerCost(
            String reservedCost, String floatingCost, String expected) {
        AssociatedResources resources = listed(
                AssociatedResource.of(FLOATING_IP, IP, "floating name", floatingCost),
                AssociatedResource.of(RESERVED_IP, IP, "reserved name", reservedCost));

        assertThat(resources.resources()).singleElement().satisfies(kept -> {
            assertThat(kept.kind()).isEqualTo(RESERVED_IP);
            assertThat(kept.name()).isEqualTo("reserved name");
            assertThat(kept.monthlyCost().toPlainString()).isEqualTo(expected);
        });
    }

    @Test
    void new_floatingIpNotListedAsReserved_isKeptAsAFloatingIp() {
        AssociatedResources resources = listed(resource(FLOATING_IP, "1", "4.00"), resource(RESERVED_IP, "2", "4.00"));

        assertThat(resources.count(FLOATING_IP)).isEqualTo(1);
        assertThat(resources.count(RESERVED_IP)).isEqualTo(1);
        assertThat(resources.monthlyCostTotal().toPlainString()).isEqualTo("8.00");
    }

    @ParameterizedTest
    @EnumSource(value = ResourceKind.class, names = "DROPLET", mode = EnumSource.Mode.EXCLUDE)
    void new_sameKindAndIdListedTwice_isOneResourceTheFirstKeptAtTheLargerCost(ResourceKind kind) {
        AssociatedResources resources = listed(
                AssociatedResource.of(kind, "1", "first", "1.00"),
                AssociatedResource.of(kind, "1", "second", "2.00"));

        assertThat(resources.resources()).containsExactly(AssociatedResource.of(kind, "1", "first", "2.00"));
    }

    @Test
    void new_sameIdUnderDifferentKinds_areDistinctResources() {
        AssociatedResources resources = listed(resource(SNAPSHOT, "61486916", "0.05"),
                resource(VOLUME, "61486916", "10.00"), resource(RESERVED_IP, "61486916", "4.00"));

        assertThat(resources.resources()).hasSize(3);
    }

    @Test
    void new_idsDifferingOnlyInCase_areDistinctResources() {
        assertThat(listed(resource(VOLUME, "abc", "1.00"), resource(VOLUME, "ABC", "1.00")).resources()).hasSize(2);
    }

    @Test
    void new_resources_areInKindOrderThenListingOrder() {
        AssociatedResources resources = listed(
                resource(VOLUME_SNAPSHOT, "vs", "0.04"), resource(VOLUME, "v2", "1.00"),
                resource(SNAPSHOT, "s", "0.05"), resource(VOLUME, "v1", "1.00"), resource(RESERVED_IP, "r", "4.00"));

        assertThat(resources.resources()).extracting(AssociatedResource::id)
                .containsExactly("r", "s", "v2", "v1", "vs");
    }

    @Test
    void new_listChangedAfterwards_isNotSeen() {
        List<AssociatedResource> given = new ArrayList<>(List.of(resource(VOLUME, "v", "1.00")));
        AssociatedResources resources = new AssociatedResources(ID, given);

        given.add(resource(SNAPSHOT, "s", "0.05"));

        assertThat(resources.resources()).hasSize(1);
        assertThatThrownBy(() -> resources.resources().add(resource(SNAPSHOT, "s", "0.05")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void new_nullList_isNoResources() {
        assertThat(new AssociatedResources(ID, null).isEmpty()).isTrue();
    }

    @Test
    void new_nullDropletId_isRejected() {
        assertThatNullPointerException().isThrownBy(() -> new AssociatedResources(null, List.of()))
                .withMessage("dropletId");
    }

    @Test
    void new_nullResource_isRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> new AssociatedResources(ID, Arrays.asList(resource(VOLUME, "v", "1.00"), null)))
                .withMessage("resources must not contain null");
    }

    @Test
    void isEmpty_someOrNone_tellsThem() {
        assertThat(listed().isEmpty()).isTrue();
        assertThat(openApiExample().isEmpty()).isFalse();
    }

    @Test
    void byKind_groupsThePresentKindsInKindOrder() {
        AssociatedResources resources = listed(resource(VOLUME, "v1", "1.00"), resource(SNAPSHOT, "s", "0.05"),
                resource(VOLUME, "v2", "2.00"));

        Map<ResourceKind, List<AssociatedResource>> byKind = resources.byKind();

        assertThat(byKind).containsOnlyKeys(SNAPSHOT, VOLUME);
        assertThat(byKind.keySet()).containsExactly(SNAPSHOT, VOLUME);
        assertThat(byKind.get(VOLUME)).extracting(AssociatedResource::id).containsExactly("v1", "v2");
        assertThatThrownBy(() -> byKind.put(DROPLET, List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "RESERVED_IP, 1",
        "FLOATING_IP, 0",
        "SNAPSHOT, 1",
        "VOLUME, 1",
        "VOLUME_SNAPSHOT, 1",
        "DROPLET, 0",
    })
    void count_openApiExample_countsEachResourceOnce(ResourceKind kind, int expected) {
        assertThat(openApiExample().count(kind)).isEqualTo(expected);
    }

    @Test
    void count_severalOfAKind_countsThemAll() {
        assertThat(listed(resource(VOLUME, "v1", "1"), resource(VOLUME, "v2", "1"), resource(SNAPSHOT, "s", "1"))
                .count(VOLUME)).isEqualTo(2);
    }

    @Test
    void monthlyCostByKind_sumsEachPresentKindExactlyInKindOrder() {
        AssociatedResources resources = listed(resource(VOLUME, "v1", "10.00"), resource(VOLUME, "v2", "2.5"),
                resource(SNAPSHOT, "s", "0.05"), resource(RESERVED_IP, IP, "4.00"), resource(FLOATING_IP, IP, "4.00"));

        Map<ResourceKind, BigDecimal> byKind = resources.monthlyCostByKind();

        assertThat(byKind).containsExactly(
                entry(RESERVED_IP, new BigDecimal("4.00")),
                entry(SNAPSHOT, new BigDecimal("0.05")),
                entry(VOLUME, new BigDecimal("12.50")));
    }

    @Test
    void monthlyCostByKind_none_isEmpty() {
        assertThat(listed().monthlyCostByKind()).isEmpty();
    }

    @Test
    void find_listedKindAndId_findsTheResource() {
        assertThat(openApiExample().find(VOLUME, VOLUME_ID)).hasValueSatisfying(volume -> {
            assertThat(volume.name()).isEqualTo("volume-nyc1-01");
            assertThat(volume.monthlyCost()).isEqualTo(new BigDecimal("10.00"));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "RESERVED_IP, RESERVED_IP",
        "RESERVED_IP, FLOATING_IP",
        "FLOATING_IP, RESERVED_IP",
        "FLOATING_IP, FLOATING_IP",
    })
    void find_ipByEitherName_findsTheListedEntry(ResourceKind listedAs, ResourceKind askedAs) {
        AssociatedResources resources = listed(resource(listedAs, IP, "4.00"));

        assertThat(resources.find(askedAs, IP)).map(AssociatedResource::kind).contains(listedAs);
        assertThat(resources.contains(askedAs, IP)).isTrue();
        assertThat(resources.contains(ResourceRef.of(askedAs, IP))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "VOLUME, 61486916",
        "SNAPSHOT, 6186916",
        "RESERVED_IP, 61486916",
        "DROPLET, 61486916",
        "SNAPSHOT, ' 61486916'",
        "VOLUME, BA49449A-7435-11EA-B89E-0A58AC14480F",
        "VOLUME, ''",
    })
    void find_notListedUnderThatKindAndId_isEmpty(ResourceKind kind, String id) {
        AssociatedResources example = openApiExample();

        assertThat(example.find(kind, id)).isEmpty();
        assertThat(example.contains(kind, id)).isFalse();
    }

    @Test
    void find_byRef_findsTheResource() {
        assertThat(openApiExample().find(ResourceRef.of(SNAPSHOT, "61486916")))
                .map(AssociatedResource::monthlyCost).contains(new BigDecimal("0.05"));
    }

    @Test
    void monthlyCostRetainedAfter_everything_isZero() {
        assertThat(openApiExample().monthlyCostRetainedAfter(DestroyRequest.everything()).signum()).isZero();
    }

    @Test
    void monthlyCostRetainedAfter_dropletOnly_isTheTotal() {
        assertThat(openApiExample().monthlyCostRetainedAfter(DestroyRequest.dropletOnly()).toPlainString())
                .isEqualTo("14.09");
    }

    @ParameterizedTest
    @CsvSource({
        "FLOATING_IP, 6186916, 10.09",
        "RESERVED_IP, 6186916, 10.09",
        "VOLUME, " + VOLUME_ID + ", 4.09",
        "SNAPSHOT, 61486916, 14.04",
        "SNAPSHOT, not-listed, 14.09",
    })
    void monthlyCostRetainedAfter_selection_isWhatIsNotSelected(ResourceKind kind, String id, String retained) {
        DestroyRequest request = DestroyRequest.selection().add(kind, id).build();

        assertThat(openApiExample().monthlyCostRetainedAfter(request).toPlainString()).isEqualTo(retained);
    }
}
