package dev.teardown.domain;

import static dev.teardown.domain.ResourceKind.DROPLET;
import static dev.teardown.domain.ResourceKind.FLOATING_IP;
import static dev.teardown.domain.ResourceKind.RESERVED_IP;
import static dev.teardown.domain.ResourceKind.SNAPSHOT;
import static dev.teardown.domain.ResourceKind.VOLUME;
import static dev.teardown.domain.ResourceKind.VOLUME_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TeardownStatusTest {

    private static final DropletId ID = DropletId.of(61486916);
    private static final Instant COMPLETED = Instant.parse("2020-04-01T18:11:49Z");
    private static final Instant EARLIER = Instant.parse("2020-04-01T18:11:44Z");
    private static final String NAME = "ubuntu-s-1vcpu-1gb-nyc1-01-1585758823330";

    /** As the document of check-status-doc.txt reads: one id everywhere, error_message " " everywhere. */
    private static ResourceTeardown asDocumented(ResourceKind kind) {
        return new ResourceTeardown(kind, "61486916", NAME, Optional.of(COMPLETED), Optional.of(" "));
    }

    private static TeardownStatus status(Instant completedAt, Integer failures, ResourceTeardown droplet,
            ResourceTeardown... resources) {
        return new TeardownStatus(ID, Optional.ofNullable(completedAt), Optional.ofNullable(droplet),
                failures == null ? OptionalInt.empty() : OptionalInt.of(failures), List.of(resources));
    }

    @Test
    void checkStatusDocExample_succeedsWithFiveDistinctResources() {
        TeardownStatus status = status(COMPLETED, 0, asDocumented(DROPLET),
                asDocumented(FLOATING_IP), asDocumented(RESERVED_IP), asDocumented(SNAPSHOT),
                asDocumented(VOLUME_SNAPSHOT), asDocumented(VOLUME));

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(status.progress()).isEqualTo(new TeardownProgress(5, 0, 0));
        assertThat(status.progress().fractionDone()).isEqualTo(1.0);
        assertThat(status.failedResources()).isEmpty();
        assertThat(status.inconsistencies()).isEmpty();
        assertThat(status.resources()).extracting(ResourceTeardown::kind)
                .containsExactly(RESERVED_IP, SNAPSHOT, VOLUME, VOLUME_SNAPSHOT);
    }

    @Test
    void openApiExample_succeedsWithReservedIpSnapshotAndVolumeSnapshot() {
        TeardownStatus status = status(COMPLETED, 0,
                ResourceTeardown.destroyed(DROPLET, "187000742", "ubuntu-s-1vcpu-1gb-nyc1-01", COMPLETED),
                ResourceTeardown.destroyed(RESERVED_IP, "6186916", "45.55.96.47", EARLIER),
                ResourceTeardown.destroyed(FLOATING_IP, "6186916", "45.55.96.47", EARLIER),
                ResourceTeardown.destroyed(SNAPSHOT, "61486916", NAME, EARLIER),
                ResourceTeardown.destroyed(VOLUME_SNAPSHOT, "edb0478d-7436-11ea-86e6-0a58ac144b91",
                        "volume-nyc1-01-1585758983629", EARLIER));

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(status.progress()).isEqualTo(new TeardownProgress(4, 0, 0));
        assertThat(status.inconsistencies()).isEmpty();
    }

    @Test
    void outcome_withoutCompletionTime_isInProgress() {
        TeardownStatus status = status(null, 0, ResourceTeardown.pending(DROPLET, "1", "web"),
                ResourceTeardown.destroyed(SNAPSHOT, "2", "nightly", EARLIER),
                ResourceTeardown.pending(VOLUME, "3", "data"));

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(status.progress()).isEqualTo(new TeardownProgress(1, 0, 2));
        assertThat(status.progress().fractionDone()).isEqualTo(1.0 / 3);
        assertThat(status.inconsistencies()).isEmpty();
    }

    @Test
    void outcome_completedWithOneFailedResource_isCompletedWithFailures() {
        ResourceTeardown volume = ResourceTeardown.failed(VOLUME, "ba49449a", "data", "volume is attached");
        TeardownStatus status = status(COMPLETED, 1, ResourceTeardown.destroyed(DROPLET, "1", "web", COMPLETED),
                ResourceTeardown.destroyed(SNAPSHOT, "2", "nightly", EARLIER), volume);

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(status.progress()).isEqualTo(new TeardownProgress(2, 1, 0));
        assertThat(status.failedResources()).containsExactly(volume);
        assertThat(status.inconsistencies()).isEmpty();
    }

    @Test
    void outcome_completedWithFailureCountButNoFailedResource_isCompletedWithFailures() {
        TeardownStatus status = status(COMPLETED, 2, null, ResourceTeardown.destroyed(SNAPSHOT, "2", "s", EARLIER));

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
    }

    @Test
    void outcome_completedWithFailedResourceButZeroCount_isCompletedWithFailures() {
        TeardownStatus status = status(COMPLETED, 0, null, ResourceTeardown.failed(VOLUME, "3", "data", "attached"));

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
    }

    @Test
    void resources_floatingIpAlsoListedAsReserved_isCountedOnceAsReserved() {
        ResourceTeardown reserved = ResourceTeardown.destroyed(RESERVED_IP, "6186916", "45.55.96.47", EARLIER);
        ResourceTeardown floating = ResourceTeardown.destroyed(FLOATING_IP, "6186916", "45.55.96.47", EARLIER);

        TeardownStatus status = status(COMPLETED, 0, null, floating, reserved);

        assertThat(status.resources()).containsExactly(reserved);
        assertThat(status.progress().total()).isEqualTo(1);
    }

    static Stream<Arguments> reservedAndFloatingIpStatesThatDisagree() {
        return Stream.of(
                Arguments.of(ResourceState.DESTROYED, ResourceState.FAILED, ResourceState.FAILED),
                Arguments.of(ResourceState.FAILED, ResourceState.DESTROYED, ResourceState.FAILED),
                Arguments.of(ResourceState.PENDING, ResourceState.FAILED, ResourceState.FAILED),
                Arguments.of(ResourceState.FAILED, ResourceState.PENDING, ResourceState.FAILED),
                Arguments.of(ResourceState.DESTROYED, ResourceState.PENDING, ResourceState.PENDING),
                Arguments.of(ResourceState.PENDING, ResourceState.DESTROYED, ResourceState.PENDING));
    }

    private static ResourceTeardown ip(ResourceKind kind, ResourceState state) {
        return switch (state) {
            case DESTROYED -> ResourceTeardown.destroyed(kind, "6186916", "45.55.96.47", EARLIER);
            case FAILED -> ResourceTeardown.failed(kind, "6186916", "45.55.96.47", "the IP is still assigned");
            case PENDING -> ResourceTeardown.pending(kind, "6186916", "45.55.96.47");
        };
    }

    @ParameterizedTest(name = "reserved {0}, floating {1}")
    @MethodSource("reservedAndFloatingIpStatesThatDisagree")
    void resources_floatingIpInAnotherStateThanItsReservedIp_isOneReservedIpInTheWorseState(
            ResourceState reservedState, ResourceState floatingState, ResourceState worse) {
        ResourceTeardown reserved = ip(RESERVED_IP, reservedState);
        ResourceTeardown floating = ip(FLOATING_IP, floatingState);

        for (TeardownStatus status : List.of(status(COMPLETED, null, null, reserved, floating),
                status(COMPLETED, null, null, floating, reserved))) {
            assertThat(status.resources()).singleElement().satisfies(ip -> {
                assertThat(ip.kind()).isEqualTo(RESERVED_IP);
                assertThat(ip.id()).isEqualTo("6186916");
                assertThat(ip.state()).isEqualTo(worse);
            });
            assertThat(status.progress().total()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "reserved {0}, floating {1}")
    @MethodSource("reservedAndFloatingIpStatesThatDisagree")
    void inconsistencies_floatingIpInAnotherStateThanItsReservedIp_isNamedWithTheIdAndBothStates(
            ResourceState reservedState, ResourceState floatingState, ResourceState worse) {
        TeardownStatus status = status(COMPLETED, null, null, ip(FLOATING_IP, floatingState), ip(RESERVED_IP, reservedState));

        assertThat(status.inconsistencies())
                .contains(new Inconsistency.ReservedAndFloatingIpDisagree("6186916", reservedState, floatingState));
        assertThat(status.inconsistencies().get(0).description()).isEqualTo(
                "reserved IP 6186916 is " + lower(reservedState) + " but floating IP 6186916 is " + lower(floatingState)
                        + "; counted as " + lower(worse));
    }

    @ParameterizedTest(name = "reserved {0}, floating {1}")
    @MethodSource("reservedAndFloatingIpStatesThatDisagree")
    void outcome_completedWithAFloatingIpInAnotherStateThanItsReservedIp_isCompletedWithFailures(
            ResourceState reservedState, ResourceState floatingState, ResourceState worse) {
        TeardownStatus status = status(COMPLETED, 0, ResourceTeardown.destroyed(DROPLET, "1", "web", EARLIER),
                ip(RESERVED_IP, reservedState), ip(FLOATING_IP, floatingState));

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(status.notDestroyedResources()).extracting(ResourceTeardown::state).containsExactly(worse);
    }

    @ParameterizedTest
    @EnumSource(ResourceState.class)
    void resources_floatingIpInTheSameStateAsItsReservedIp_keepsTheReservedEntryAndNamesNothing(ResourceState state) {
        ResourceTeardown reserved = ip(RESERVED_IP, state);

        TeardownStatus status = status(null, null, null, ip(FLOATING_IP, state), reserved);

        assertThat(status.resources()).containsExactly(reserved);
        assertThat(status.inconsistencies()).isEmpty();
    }

    @ParameterizedTest(name = "reserved {0}, floating {1}")
    @MethodSource("reservedAndFloatingIpStatesThatDisagree")
    void constructor_fromItsOwnComponents_givesAnEqualStatus(ResourceState reservedState, ResourceState floatingState) {
        TeardownStatus status = status(COMPLETED, 1, null, ip(RESERVED_IP, reservedState), ip(FLOATING_IP, floatingState),
                ResourceTeardown.pending(VOLUME, "3", "data"));

        TeardownStatus again = new TeardownStatus(status.dropletId(), status.completedAt(), status.droplet(),
                status.reportedFailures(), status.resources(), status.overruledIpEntries());

        assertThat(again).isEqualTo(status);
        assertThat(again.inconsistencies()).isEqualTo(status.inconsistencies());
    }

    @Test
    void constructor_overruledEntryOfAnIpNotListed_isRejected() {
        assertThatThrownBy(() -> new TeardownStatus(ID, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                List.of(ResourceTeardown.failed(RESERVED_IP, "7", "ip", "assigned")), List.of(ip(FLOATING_IP, ResourceState.DESTROYED))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'6186916'");
    }

    @ParameterizedTest
    @EnumSource(ResourceState.class)
    void constructor_overruledEntryNotBetterThanTheListedOne_isRejected(ResourceState listed) {
        ResourceState notBetter = listed == ResourceState.DESTROYED ? ResourceState.FAILED : listed;

        assertThatThrownBy(() -> new TeardownStatus(ID, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                List.of(ip(RESERVED_IP, listed)), List.of(ip(FLOATING_IP, notBetter))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'6186916'");
    }

    @Test
    void constructor_overruledEntryOfAnotherKind_isRejected() {
        assertThatThrownBy(() -> new TeardownStatus(ID, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                List.of(ip(RESERVED_IP, ResourceState.FAILED)), List.of(ResourceTeardown.pending(VOLUME, "6186916", "data"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOLUME");
    }

    @Test
    void inconsistencies_severalFloatingIpEntriesInOtherStates_namesEachDisagreementOnce() {
        TeardownStatus status = status(null, null, null, ip(FLOATING_IP, ResourceState.PENDING),
                ip(RESERVED_IP, ResourceState.DESTROYED), ip(FLOATING_IP, ResourceState.FAILED),
                ResourceTeardown.failed(FLOATING_IP, "6186916", "45.55.96.47", "another message"));

        assertThat(status.resources()).singleElement().extracting(ResourceTeardown::state).isEqualTo(ResourceState.FAILED);
        assertThat(status.inconsistencies()).containsExactlyInAnyOrder(
                new Inconsistency.ReservedAndFloatingIpDisagree("6186916", ResourceState.DESTROYED, ResourceState.PENDING),
                new Inconsistency.ReservedAndFloatingIpDisagree("6186916", ResourceState.DESTROYED, ResourceState.FAILED));
    }

    @Test
    void resources_floatingIpAgreeingWithADuplicateReservedIp_isNotADisagreement() {
        ResourceTeardown first = ip(RESERVED_IP, ResourceState.FAILED);
        ResourceTeardown second = ip(RESERVED_IP, ResourceState.DESTROYED);

        TeardownStatus status = status(null, null, null, first, second, ip(FLOATING_IP, ResourceState.FAILED),
                ip(FLOATING_IP, ResourceState.DESTROYED));

        assertThat(status.resources()).containsExactly(first, second);
        assertThat(status.inconsistencies()).isEmpty();
    }

    @Test
    void constructor_disagreementInOneState_isRejected() {
        assertThatThrownBy(() -> new Inconsistency.ReservedAndFloatingIpDisagree("1", ResourceState.FAILED, ResourceState.FAILED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- completed, yet not everything destroyed ---------------------------------------------------

    static Stream<Arguments> completedStatusesWithSomethingPending() {
        ResourceTeardown destroyedDroplet = ResourceTeardown.destroyed(DROPLET, "1", "web", EARLIER);
        ResourceTeardown pendingDroplet = ResourceTeardown.pending(DROPLET, "1", "web");
        return Stream.of(
                Arguments.of("the droplet", pendingDroplet, List.of()),
                Arguments.of("a reserved IP", destroyedDroplet, List.of(ResourceTeardown.pending(RESERVED_IP, "2", "ip"))),
                Arguments.of("a floating IP", destroyedDroplet, List.of(ResourceTeardown.pending(FLOATING_IP, "2", "ip"))),
                Arguments.of("a snapshot", destroyedDroplet, List.of(ResourceTeardown.pending(SNAPSHOT, "3", "nightly"))),
                Arguments.of("a volume", destroyedDroplet, List.of(ResourceTeardown.pending(VOLUME, "4", "data"))),
                Arguments.of("a volume snapshot", destroyedDroplet,
                        List.of(ResourceTeardown.pending(VOLUME_SNAPSHOT, "5", "data-nightly"))),
                Arguments.of("the droplet and two more", pendingDroplet,
                        List.of(ResourceTeardown.pending(SNAPSHOT, "3", "nightly"), ResourceTeardown.pending(VOLUME, "4", "data"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completedStatusesWithSomethingPending")
    void outcome_completedWhileSomethingIsStillPending_isCompletedWithFailures(
            String what, ResourceTeardown droplet, List<ResourceTeardown> pending) {
        List<ResourceTeardown> resources = new ArrayList<>(pending);
        resources.add(ResourceTeardown.destroyed(VOLUME_SNAPSHOT, "9", "older", EARLIER));
        TeardownStatus status = new TeardownStatus(ID, Optional.of(COMPLETED), Optional.of(droplet), OptionalInt.of(0), resources);

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(status.inconsistencies()).hasAtLeastOneElementOfType(Inconsistency.PendingAfterCompletion.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completedStatusesWithSomethingPending")
    void notDestroyedResources_completedWhileSomethingIsStillPending_listsThePendingOnes(
            String what, ResourceTeardown droplet, List<ResourceTeardown> pending) {
        List<ResourceTeardown> resources = new ArrayList<>(pending);
        resources.add(ResourceTeardown.destroyed(VOLUME_SNAPSHOT, "9", "older", EARLIER));
        TeardownStatus status = new TeardownStatus(ID, Optional.of(COMPLETED), Optional.of(droplet), OptionalInt.of(0), resources);

        List<ResourceTeardown> expected = new ArrayList<>();
        if (droplet.state() == ResourceState.PENDING) {
            expected.add(droplet);
        }
        expected.addAll(pending);
        assertThat(status.notDestroyedResources()).containsExactlyElementsOf(expected);
    }

    @Test
    void notDestroyedResources_completed_listsFailedAndPendingInTheOrderOfAllResources() {
        ResourceTeardown droplet = ResourceTeardown.failed(DROPLET, "1", "web", "droplet is locked");
        ResourceTeardown snapshot = ResourceTeardown.pending(SNAPSHOT, "3", "nightly");
        ResourceTeardown volume = ResourceTeardown.failed(VOLUME, "4", "data", "attached");
        TeardownStatus status = status(COMPLETED, 2, droplet, volume, snapshot,
                ResourceTeardown.destroyed(VOLUME_SNAPSHOT, "5", "older", EARLIER));

        assertThat(status.notDestroyedResources()).containsExactly(droplet, snapshot, volume);
    }

    @Test
    void notDestroyedResources_inProgress_listsOnlyTheFailedOnes() {
        ResourceTeardown volume = ResourceTeardown.failed(VOLUME, "4", "data", "attached");
        TeardownStatus status = status(null, 1, ResourceTeardown.pending(DROPLET, "1", "web"), volume,
                ResourceTeardown.pending(SNAPSHOT, "3", "nightly"));

        assertThat(status.notDestroyedResources()).containsExactly(volume);
    }

    @Test
    void notDestroyedResources_succeeded_isEmpty() {
        TeardownStatus status = status(COMPLETED, 0, ResourceTeardown.destroyed(DROPLET, "1", "web", EARLIER),
                ResourceTeardown.destroyed(SNAPSHOT, "3", "nightly", EARLIER));

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(status.notDestroyedResources()).isEmpty();
    }

    private static String lower(ResourceState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    @Test
    void resources_floatingIpWithDifferentId_isKept() {
        ResourceTeardown reserved = ResourceTeardown.destroyed(RESERVED_IP, "1", "45.55.96.47", EARLIER);
        ResourceTeardown floating = ResourceTeardown.destroyed(FLOATING_IP, "2", "45.55.96.48", EARLIER);

        assertThat(status(COMPLETED, 0, null, reserved, floating).resources()).containsExactly(reserved, floating);
    }

    @Test
    void resources_floatingIpsWithoutIds_areNotMergedWithReservedIpsWithoutIds() {
        ResourceTeardown reserved = ResourceTeardown.pending(RESERVED_IP, "", "a");
        ResourceTeardown floating = ResourceTeardown.pending(FLOATING_IP, "", "b");

        assertThat(status(null, 0, null, reserved, floating).resources()).hasSize(2);
    }

    @Test
    void resources_absentOrEmpty_meanNoResources() {
        TeardownStatus absent = new TeardownStatus(ID, Optional.of(COMPLETED), Optional.empty(), OptionalInt.of(0), null);
        TeardownStatus empty = status(COMPLETED, 0, null);

        assertThat(absent.resources()).isEmpty();
        assertThat(absent.progress().total()).isZero();
        assertThat(absent.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(absent).isEqualTo(empty);
    }

    @Test
    void constructor_absentOptionals_areEmpty() {
        TeardownStatus status = new TeardownStatus(ID, null, null, null, null);

        assertThat(status.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(status.reportedFailures()).isEmpty();
        assertThat(status.inconsistencies()).isEmpty();
    }

    @Test
    void constructor_dropletAmongResources_isRejected() {
        assertThatThrownBy(() -> status(null, 0, null, ResourceTeardown.pending(DROPLET, "1", "web")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("droplet entry");
    }

    @Test
    void constructor_nonDropletAsDroplet_isRejected() {
        assertThatThrownBy(() -> status(null, 0, ResourceTeardown.pending(VOLUME, "1", "data")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind DROPLET");
    }

    @Test
    void inconsistencies_failureCountDiffersFromFailedResources_isNamed() {
        TeardownStatus status = status(COMPLETED, 2, null, ResourceTeardown.failed(VOLUME, "3", "data", "attached"));

        assertThat(status.inconsistencies()).containsExactly(new Inconsistency.FailureCountMismatch(2, 1));
        assertThat(status.inconsistencies().get(0).description())
                .isEqualTo("failures count is 2 but 1 resource reports an error");
    }

    @Test
    void inconsistencies_negativeFailureCount_isNamed() {
        TeardownStatus status = status(COMPLETED, -1, null);

        assertThat(status.inconsistencies())
                .containsExactly(new Inconsistency.NegativeFailureCount(-1), new Inconsistency.FailureCountMismatch(-1, 0));
        assertThat(status.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
    }

    @Test
    void inconsistencies_completedWithPendingResource_isNamed() {
        ResourceTeardown pending = ResourceTeardown.pending(VOLUME, "3", "data");
        TeardownStatus status = status(COMPLETED, 0, null, pending);

        assertThat(status.inconsistencies())
                .containsExactly(new Inconsistency.PendingAfterCompletion(COMPLETED, List.of(pending)));
        assertThat(status.inconsistencies().get(0).description())
                .isEqualTo("completed at 2020-04-01T18:11:49Z but 1 resource is still pending");
    }

    @Test
    void inconsistencies_resourceDestroyedAfterCompletion_isNamed() {
        ResourceTeardown late = ResourceTeardown.destroyed(SNAPSHOT, "2", "nightly", COMPLETED.plusSeconds(5));
        TeardownStatus status = status(COMPLETED, 0, null, late);

        assertThat(status.inconsistencies())
                .containsExactly(new Inconsistency.DestroyedAfterCompletion(late, COMPLETED));
        assertThat(status.inconsistencies().get(0).description())
                .isEqualTo("snapshots 2 destroyed at 2020-04-01T18:11:54Z, after completion at 2020-04-01T18:11:49Z");
    }

    @Test
    void inconsistencies_severalAtOnce_areAllNamed() {
        TeardownStatus status = status(COMPLETED, 3, ResourceTeardown.destroyed(DROPLET, "1", "web", COMPLETED.plusSeconds(1)),
                ResourceTeardown.pending(VOLUME, "3", "data"));

        assertThat(status.inconsistencies()).hasSize(3);
    }

    @Test
    void inconsistencies_inProgressWithPendingResources_isNone() {
        assertThat(status(null, null, null, ResourceTeardown.pending(VOLUME, "3", "data")).inconsistencies()).isEmpty();
    }
}
