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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

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
