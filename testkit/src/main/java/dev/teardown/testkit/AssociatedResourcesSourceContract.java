package dev.teardown.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.TeardownApiException;
import java.math.BigDecimal;
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
 * The behaviour every {@link AssociatedResourcesSource} owes its callers. Extend it in the tests of an
 * implementation and say how to build one that knows given Droplets' resources, and one that fails.
 */
public abstract class AssociatedResourcesSourceContract {

    private static final DropletId UNKNOWN = DropletId.of(999_999_002L);

    /** A source under test that lists these resources and knows no other Droplet. */
    protected abstract AssociatedResourcesSource sourceKnowing(List<AssociatedResources> resources);

    /** A source under test whose lookups of this Droplet fail (for any reason). */
    protected abstract AssociatedResourcesSource sourceFailingFor(DropletId dropletId);

    @Test
    void resourcesOf_knownDroplet_returnsItsResources() {
        AssociatedResources example = AssociatedResourcesBuilder.openApiExample().build();

        Optional<AssociatedResources> found = sourceKnowing(List.of(example)).resourcesOf(example.dropletId());

        assertThat(found).contains(example);
    }

    @Test
    void resourcesOf_openApiExample_costs14_09AMonthWithTheIpOnce() {
        AssociatedResources example = AssociatedResourcesBuilder.openApiExample().build();

        AssociatedResources found = sourceKnowing(List.of(example)).resourcesOf(example.dropletId()).orElseThrow();

        assertThat(found.monthlyCostTotal()).isEqualTo(new BigDecimal("14.09"));
        assertThat(found.count(ResourceKind.RESERVED_IP) + found.count(ResourceKind.FLOATING_IP)).isEqualTo(1);
    }

    @Test
    void resourcesOf_costs_keepTheirExactScale() {
        AssociatedResources resources = AssociatedResourcesBuilder.associatedResources(201)
                .snapshot("1", "a", "0.05")
                .volume("v-1", "b", "10.00")
                .volumeSnapshot("vs-1", "c", "0.1234567891")
                .build();

        AssociatedResources found = sourceKnowing(List.of(resources)).resourcesOf(DropletId.of(201)).orElseThrow();

        assertThat(found.resources()).extracting(r -> r.monthlyCost().toPlainString())
                .containsExactly("0.05", "10.00", "0.1234567891");
    }

    @Test
    void resourcesOf_dropletWithoutResources_isPresentAndEmpty() {
        AssociatedResources none = AssociatedResourcesBuilder.associatedResources(202).build();

        Optional<AssociatedResources> found = sourceKnowing(List.of(none)).resourcesOf(DropletId.of(202));

        assertThat(found).hasValueSatisfying(resources -> assertThat(resources.isEmpty()).isTrue());
    }

    @Test
    void resourcesOf_unknownDroplet_isEmpty() {
        AssociatedResourcesSource source = sourceKnowing(List.of(AssociatedResourcesBuilder.openApiExample().build()));

        assertThat(source.resourcesOf(UNKNOWN)).isEmpty();
    }

    @Test
    void resourcesOf_withADeadlineFarAway_answersAsWithoutOne() {
        AssociatedResources example = AssociatedResourcesBuilder.openApiExample().build();
        AssociatedResourcesSource source = sourceKnowing(List.of(example));

        assertThat(source.resourcesOf(example.dropletId(), Instant.MAX)).contains(example);
        assertThat(source.resourcesOf(UNKNOWN, Instant.MAX)).isEmpty();
    }

    @Test
    void resourcesOf_severalDroplets_answersEachItsOwn() {
        AssociatedResources first = AssociatedResourcesBuilder.associatedResources(203).volume("v-203", "data", "10.00").build();
        AssociatedResources second = AssociatedResourcesBuilder.associatedResources(204).reservedIp("77", "10.0.0.1", "5.00").build();
        AssociatedResourcesSource source = sourceKnowing(List.of(first, second));

        assertThat(source.resourcesOf(DropletId.of(203))).contains(first);
        assertThat(source.resourcesOf(DropletId.of(204))).contains(second);
    }

    @Test
    void resourcesOf_askedTwice_answersTheSame() {
        AssociatedResources example = AssociatedResourcesBuilder.openApiExample().build();
        AssociatedResourcesSource source = sourceKnowing(List.of(example));

        assertThat(source.resourcesOf(example.dropletId())).isEqualTo(source.resourcesOf(example.dropletId()));
    }

    @Test
    void resourcesOf_manyThreadsAtOnce_answersEveryOne() throws Exception {
        AssociatedResources example = AssociatedResourcesBuilder.openApiExample().build();
        AssociatedResourcesSource source = sourceKnowing(List.of(example));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<AssociatedResources>>> lookups = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                lookups.add(() -> source.resourcesOf(example.dropletId()));
            }
            for (Future<Optional<AssociatedResources>> answer : pool.invokeAll(lookups, 30, TimeUnit.SECONDS)) {
                assertThat(answer.get()).contains(example);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resourcesOf_failingLookup_throwsAListResourcesFailureNamingTheDroplet() {
        DropletId dropletId = DropletId.of(205);
        AssociatedResourcesSource source = sourceFailingFor(dropletId);

        assertThatThrownBy(() -> source.resourcesOf(dropletId))
                .isInstanceOfSatisfying(TeardownApiException.class, failure -> {
                    assertThat(failure.operation()).isEqualTo(TeardownApiException.Operation.LIST_RESOURCES);
                    assertThat(failure.dropletId()).isEqualTo(dropletId);
                    assertThat(failure.reason()).isNotNull();
                    assertThat(failure.getMessage()).isNotBlank();
                });
    }

    @Test
    void resourcesOf_nullDropletId_isRejected() {
        AssociatedResourcesSource source = sourceKnowing(List.of());

        assertThatThrownBy(() -> source.resourcesOf(null)).isInstanceOf(NullPointerException.class);
    }
}
