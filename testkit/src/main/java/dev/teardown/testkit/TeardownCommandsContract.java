package dev.teardown.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceRef;
import dev.teardown.domain.ResourceState;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.CommandReceipt;
import dev.teardown.ports.out.TeardownCommands;
import dev.teardown.ports.out.TeardownStatusSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TeardownCommands} owes its callers, seen where its effects show: the status
 * of the teardown it starts and the list of the Droplet's resources. Extend it in the tests of an
 * implementation and say how to set up one that knows given Droplets, with the status and resources
 * sources that see what its commands do.
 */
public abstract class TeardownCommandsContract {

    /** The error message of a resource that fails on its first attempt. */
    protected static final String FAILURE_MESSAGE = "volume is still attached to another droplet";

    private static final DropletId UNKNOWN = DropletId.of(999_999_003L);
    private static final DropletId DROPLET = ReferenceExamples.DROPLET_ID;
    private static final ResourceRef IP = ResourceRef.of(ResourceKind.RESERVED_IP, "6186916");
    private static final ResourceRef SNAPSHOT = ResourceRef.of(ResourceKind.SNAPSHOT, "61486916");
    private static final ResourceRef VOLUME = ResourceRef.of(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f");
    private static final ResourceRef VOLUME_SNAPSHOT =
            ResourceRef.of(ResourceKind.VOLUME_SNAPSHOT, "edb0478d-7436-11ea-86e6-0a58ac144b91");

    /**
     * The commands under test, and the sources that show their effects.
     *
     * @param runToEnd lets every teardown under way run to its end (advancing a clock, or whatever the
     *     implementation's time is); until it runs, a teardown started stays in progress
     */
    protected record Family(TeardownCommands commands, TeardownStatusSource statuses,
            AssociatedResourcesSource resources, Runnable runToEnd) {
        public Family {
            Objects.requireNonNull(commands, "commands");
            Objects.requireNonNull(statuses, "statuses");
            Objects.requireNonNull(resources, "resources");
            Objects.requireNonNull(runToEnd, "runToEnd");
        }
    }

    /**
     * An implementation knowing these Droplets, none of them destroyed yet, and no other. The resources
     * in {@code failingOnce} (their ids are unique among the Droplets given) fail on their first attempt
     * with the error message {@value #FAILURE_MESSAGE}, and are destroyed when retried.
     */
    protected abstract Family familyKnowing(List<AssociatedResources> droplets, Set<ResourceRef> failingOnce);

    private Family openApiExample(Set<ResourceRef> failingOnce) {
        return familyKnowing(List.of(AssociatedResourcesBuilder.openApiExample().build()), failingOnce);
    }

    private static TeardownStatus statusOf(Family family, DropletId dropletId) {
        return family.statuses().statusOf(dropletId).orElseThrow(
                () -> new AssertionError("no teardown status of droplet " + dropletId));
    }

    private static List<ResourceRef> refs(TeardownStatus status) {
        return status.resources().stream().map(r -> ResourceRef.of(r.kind(), r.id())).toList();
    }

    private static List<ResourceState> states(TeardownStatus status) {
        return status.resources().stream().map(ResourceTeardown::state).toList();
    }

    // Destroy

    @Test
    void destroy_selection_isAcceptedAndTheStatusShowsTheSelectedResourcesPending() {
        Family family = openApiExample(Set.of());
        DestroyRequest selection = DestroyRequest.selection().add(VOLUME).add(SNAPSHOT).build();

        CommandReceipt receipt = family.commands().destroy(DROPLET, selection, Instant.MAX);

        assertThat(receipt).isEqualTo(CommandReceipt.ACCEPTED);
        TeardownStatus status = statusOf(family, DROPLET);
        assertThat(status.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(status.droplet()).hasValueSatisfying(droplet -> assertThat(droplet.id()).isEqualTo(DROPLET.toString()));
        assertThat(refs(status)).containsExactly(SNAPSHOT, VOLUME);
        assertThat(states(status)).containsOnly(ResourceState.PENDING);
    }

    @Test
    void destroy_everything_takesEveryListedResourceWithTheIpOnce() {
        Family family = openApiExample(Set.of());

        assertThat(family.commands().destroy(DROPLET, DestroyRequest.everything(), Instant.MAX))
                .isEqualTo(CommandReceipt.ACCEPTED);

        assertThat(refs(statusOf(family, DROPLET))).containsExactly(IP, SNAPSHOT, VOLUME, VOLUME_SNAPSHOT);
    }

    @Test
    void destroy_runToItsEnd_succeedsWithTheDropletAndEverySelectedResourceDestroyed() {
        Family family = openApiExample(Set.of());
        family.commands().destroy(DROPLET, DestroyRequest.selection().add(IP).add(VOLUME).build(), Instant.MAX);

        family.runToEnd().run();

        TeardownStatus status = statusOf(family, DROPLET);
        assertThat(status.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(refs(status)).containsExactly(IP, VOLUME);
        assertThat(status.allResources()).extracting(ResourceTeardown::state).containsOnly(ResourceState.DESTROYED);
    }

    @Test
    void destroy_emptySelection_takesTheDropletAlone() {
        Family family = openApiExample(Set.of());

        assertThat(family.commands().destroy(DROPLET, DestroyRequest.dropletOnly(), Instant.MAX))
                .isEqualTo(CommandReceipt.ACCEPTED);

        TeardownStatus status = statusOf(family, DROPLET);
        assertThat(status.droplet()).isPresent();
        assertThat(status.resources()).isEmpty();
    }

    @Test
    void destroy_ipSelectedByItsDeprecatedName_takesThatIp() {
        Family family = openApiExample(Set.of());
        DestroyRequest byFloatingName = DestroyRequest.selection().add(ResourceKind.FLOATING_IP, IP.id()).build();

        assertThat(family.commands().destroy(DROPLET, byFloatingName, Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);

        assertThat(statusOf(family, DROPLET).resources()).singleElement()
                .satisfies(ip -> assertThat(ip.id()).isEqualTo(IP.id()));
    }

    @Test
    void destroy_unknownDroplet_isNotFoundAndStartsNothing() {
        Family family = openApiExample(Set.of());

        assertThat(family.commands().destroy(UNKNOWN, DestroyRequest.everything(), Instant.MAX))
                .isEqualTo(CommandReceipt.NOT_FOUND);
        assertThat(family.commands().destroy(UNKNOWN, DestroyRequest.dropletOnly(), Instant.MAX))
                .isEqualTo(CommandReceipt.NOT_FOUND);

        assertThat(family.statuses().statusOf(UNKNOWN)).isEmpty();
    }

    @Test
    void destroy_twice_isNotFoundTheSecondTimeAndKeepsTheFirstTeardown() {
        Family family = openApiExample(Set.of());
        family.commands().destroy(DROPLET, DestroyRequest.selection().add(VOLUME).build(), Instant.MAX);

        CommandReceipt second = family.commands().destroy(DROPLET, DestroyRequest.everything(), Instant.MAX);

        assertThat(second).isEqualTo(CommandReceipt.NOT_FOUND);
        assertThat(refs(statusOf(family, DROPLET))).containsExactly(VOLUME);
    }

    @Test
    void resourcesOf_destroyedDroplet_isEmpty() {
        Family family = openApiExample(Set.of());
        assertThat(family.resources().resourcesOf(DROPLET)).isPresent();

        family.commands().destroy(DROPLET, DestroyRequest.everything(), Instant.MAX);

        assertThat(family.resources().resourcesOf(DROPLET)).isEmpty();
    }

    @Test
    void statusOf_dropletNotDestroyed_isEmpty() {
        Family family = openApiExample(Set.of());

        assertThat(family.statuses().statusOf(DROPLET)).isEmpty();
    }

    @Test
    void destroy_ofOneDroplet_leavesTheOthersAlone() {
        AssociatedResources other = AssociatedResourcesBuilder.associatedResources(7001).volume("v-7001", "data", "10.00").build();
        Family family = familyKnowing(List.of(AssociatedResourcesBuilder.openApiExample().build(), other), Set.of());

        family.commands().destroy(DROPLET, DestroyRequest.everything(), Instant.MAX);

        assertThat(family.statuses().statusOf(other.dropletId())).isEmpty();
        assertThat(family.resources().resourcesOf(other.dropletId())).contains(other);
    }

    // Retry

    @Test
    void retry_noTeardown_isNotFound() {
        Family family = openApiExample(Set.of());

        assertThat(family.commands().retry(DROPLET, Instant.MAX)).isEqualTo(CommandReceipt.NOT_FOUND);
        assertThat(family.commands().retry(UNKNOWN, Instant.MAX)).isEqualTo(CommandReceipt.NOT_FOUND);
        assertThat(family.statuses().statusOf(DROPLET)).isEmpty();
    }

    @Test
    void retry_whileTheDestroyIsInProgress_isInProgressAndChangesNothing() {
        Family family = openApiExample(Set.of(VOLUME));
        family.commands().destroy(DROPLET, DestroyRequest.everything(), Instant.MAX);
        TeardownStatus before = statusOf(family, DROPLET);

        assertThat(family.commands().retry(DROPLET, Instant.MAX)).isEqualTo(CommandReceipt.IN_PROGRESS);

        assertThat(statusOf(family, DROPLET)).isEqualTo(before);
    }

    @Test
    void retry_afterFailures_isAcceptedAndPutsTheFailedResourcesBackToPending() {
        Family family = openApiExample(Set.of(VOLUME));
        family.commands().destroy(DROPLET, DestroyRequest.selection().add(SNAPSHOT).add(VOLUME).build(), Instant.MAX);
        family.runToEnd().run();
        TeardownStatus failed = statusOf(family, DROPLET);
        assertThat(failed.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(failed.failedResources()).singleElement().satisfies(volume -> {
            assertThat(volume.id()).isEqualTo(VOLUME.id());
            assertThat(volume.errorMessage()).contains(FAILURE_MESSAGE);
        });

        assertThat(family.commands().retry(DROPLET, Instant.MAX)).isEqualTo(CommandReceipt.ACCEPTED);

        TeardownStatus retried = statusOf(family, DROPLET);
        assertThat(retried.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(refs(retried)).containsExactly(SNAPSHOT, VOLUME);
        assertThat(states(retried)).containsExactly(ResourceState.DESTROYED, ResourceState.PENDING);
    }

    @Test
    void retry_runToItsEnd_destroysWhatFailedTheFirstTime() {
        Family family = openApiExample(Set.of(VOLUME));
        family.commands().destroy(DROPLET, DestroyRequest.everything(), Instant.MAX);
        family.runToEnd().run();

        family.commands().retry(DROPLET, Instant.MAX);
        family.runToEnd().run();

        TeardownStatus status = statusOf(family, DROPLET);
        assertThat(status.outcome()).isEqualTo(TeardownOutcome.SUCCEEDED);
        assertThat(status.failedResources()).isEmpty();
    }

    // Arguments

    @Test
    void nullArguments_areRejected() {
        TeardownCommands commands = openApiExample(Set.of()).commands();

        assertThatThrownBy(() -> commands.destroy(null, DestroyRequest.everything(), Instant.MAX))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> commands.destroy(DROPLET, null, Instant.MAX)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> commands.destroy(DROPLET, DestroyRequest.everything(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> commands.retry(null, Instant.MAX)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> commands.retry(DROPLET, null)).isInstanceOf(NullPointerException.class);
    }
}
