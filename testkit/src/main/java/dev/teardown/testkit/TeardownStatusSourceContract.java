package dev.teardown.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownStatusSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TeardownStatusSource} owes its callers. Extend it in the tests of an
 * implementation and say how to build one that knows given statuses, and one that fails.
 */
public abstract class TeardownStatusSourceContract {

    private static final DropletId UNKNOWN = DropletId.of(999_999_001L);

    /** A source under test that answers these statuses and knows no other Droplet. */
    protected abstract TeardownStatusSource sourceKnowing(List<TeardownStatus> statuses);

    /** A source under test whose lookups of this Droplet fail (for any reason). */
    protected abstract TeardownStatusSource sourceFailingFor(DropletId dropletId);

    @Test
    void statusOf_knownDroplet_returnsItsStatus() {
        TeardownStatus example = ReferenceExamples.openApiStatus();

        Optional<TeardownStatus> found = sourceKnowing(List.of(example)).statusOf(example.dropletId());

        assertThat(found).contains(example);
    }

    @Test
    void statusOf_unknownDroplet_isEmpty() {
        TeardownStatusSource source = sourceKnowing(List.of(ReferenceExamples.openApiStatus()));

        assertThat(source.statusOf(UNKNOWN)).isEmpty();
    }

    @Test
    void statusOf_withADeadlineFarAway_answersAsWithoutOne() {
        TeardownStatus example = ReferenceExamples.openApiStatus();
        TeardownStatusSource source = sourceKnowing(List.of(example));

        assertThat(source.statusOf(example.dropletId(), Instant.MAX)).contains(example);
        assertThat(source.statusOf(UNKNOWN, Instant.MAX)).isEmpty();
    }

    @Test
    void lookUp_answersAsStatusOf() {
        TeardownStatus example = ReferenceExamples.openApiStatus();
        TeardownStatusSource source = sourceKnowing(List.of(example));

        assertThat(source.lookUp(example.dropletId()).status()).contains(example);
        assertThat(source.lookUp(example.dropletId(), Instant.MAX).status()).contains(example);
        assertThat(source.lookUp(UNKNOWN).status()).isEmpty();
    }

    @Test
    void statusOf_severalDroplets_answersEachItsOwn() {
        TeardownStatus inProgress = inProgress(101);
        TeardownStatus failed = partlyFailed(102);
        TeardownStatusSource source = sourceKnowing(List.of(inProgress, failed));

        assertThat(source.statusOf(DropletId.of(101))).contains(inProgress);
        assertThat(source.statusOf(DropletId.of(102))).contains(failed);
    }

    @Test
    void statusOf_inProgress_keepsCompletionAbsentAndPendingResources() {
        TeardownStatus status = inProgress(103);

        TeardownStatus found = sourceKnowing(List.of(status)).statusOf(DropletId.of(103)).orElseThrow();

        assertThat(found.outcome()).isEqualTo(TeardownOutcome.IN_PROGRESS);
        assertThat(found.progress().pending()).isEqualTo(2);
    }

    @Test
    void statusOf_partialFailure_keepsErrorMessages() {
        TeardownStatus status = partlyFailed(104);

        TeardownStatus found = sourceKnowing(List.of(status)).statusOf(DropletId.of(104)).orElseThrow();

        assertThat(found.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
        assertThat(found.failedResources())
                .singleElement()
                .satisfies(r -> assertThat(r.errorMessage()).contains("volume is still attached to another droplet"));
    }

    @Test
    void statusOf_askedTwice_answersTheSame() {
        TeardownStatus status = ReferenceExamples.checkStatusDocStatus();
        TeardownStatusSource source = sourceKnowing(List.of(status));

        assertThat(source.statusOf(status.dropletId())).isEqualTo(source.statusOf(status.dropletId()));
    }

    @Test
    void statusOf_manyThreadsAtOnce_answersEveryOne() throws Exception {
        TeardownStatus status = ReferenceExamples.openApiStatus();
        TeardownStatusSource source = sourceKnowing(List.of(status));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<TeardownStatus>>> lookups = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                lookups.add(() -> source.statusOf(status.dropletId()));
            }
            for (Future<Optional<TeardownStatus>> answer : pool.invokeAll(lookups, 30, TimeUnit.SECONDS)) {
                assertThat(answer.get()).contains(status);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statusOf_failingLookup_throwsUnavailableNamingTheDroplet() {
        DropletId dropletId = DropletId.of(105);
        TeardownStatusSource source = sourceFailingFor(dropletId);

        assertThatThrownBy(() -> source.statusOf(dropletId))
                .isInstanceOfSatisfying(TeardownApiException.class, failure -> {
                    assertThat(failure.dropletId()).isEqualTo(dropletId);
                    assertThat(failure.reason()).isNotNull();
                    assertThat(failure.getMessage()).isNotBlank();
                });
    }

    @Test
    void forget_knownOrUnknownDroplet_failsNothingAndLookupsStillAnswer() {
        TeardownStatus example = ReferenceExamples.openApiStatus();
        TeardownStatusSource source = sourceKnowing(List.of(example));
        assertThat(source.statusOf(example.dropletId())).contains(example);

        source.forget(example.dropletId());
        source.forget(UNKNOWN);

        assertThat(source.statusOf(example.dropletId())).contains(example);
        assertThat(source.statusOf(UNKNOWN)).isEmpty();
    }

    @Test
    void statusOf_nullDropletId_isRejected() {
        TeardownStatusSource source = sourceKnowing(List.of());

        assertThatThrownBy(() -> source.statusOf(null)).isInstanceOf(NullPointerException.class);
    }

    private static TeardownStatus inProgress(long dropletId) {
        return TeardownStatusBuilder.status(dropletId)
                .dropletPending("web-" + dropletId)
                .failures(0)
                .destroyed(ResourceKind.RESERVED_IP, "6186916", "45.55.96.47", "2026-11-29T10:00:01Z")
                .pending(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "data-" + dropletId)
                .build();
    }

    private static TeardownStatus partlyFailed(long dropletId) {
        return TeardownStatusBuilder.status(dropletId)
                .completedAt("2026-11-29T10:00:09Z")
                .dropletDestroyedAt("web-" + dropletId, "2026-11-29T10:00:08Z")
                .failures(1)
                .destroyed(ResourceKind.SNAPSHOT, "61486916", "nightly", "2026-11-29T10:00:03Z")
                .failed(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "data-" + dropletId,
                        "volume is still attached to another droplet")
                .build();
    }
}
