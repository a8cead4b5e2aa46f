package dev.teardown.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAssociatedResourcesSourceTest extends AssociatedResourcesSourceContract {

    private static final DropletId ID = ReferenceExamples.DROPLET_ID;

    @Override
    protected AssociatedResourcesSource sourceKnowing(List<AssociatedResources> resources) {
        return InMemoryAssociatedResourcesSource.of(resources.toArray(AssociatedResources[]::new));
    }

    @Override
    protected AssociatedResourcesSource sourceFailingFor(DropletId dropletId) {
        return new InMemoryAssociatedResourcesSource().failWith(dropletId, failure(dropletId));
    }

    private static TeardownApiException failure(DropletId dropletId) {
        return TeardownApiException.builder(Operation.LIST_RESOURCES, Reason.SERVER_ERROR, dropletId,
                Operation.LIST_RESOURCES.failureOf(dropletId) + ": the API failed with a server error (HTTP 503)").build();
    }

    @Test
    void remove_knownDroplet_makesItUnknown() {
        InMemoryAssociatedResourcesSource source = InMemoryAssociatedResourcesSource.of(
                AssociatedResourcesBuilder.openApiExample().build());

        source.remove(ID);

        assertThat(source.resourcesOf(ID)).isEmpty();
    }

    @Test
    void put_afterFailWith_answersTheResourcesAgain() {
        AssociatedResources example = AssociatedResourcesBuilder.openApiExample().build();
        InMemoryAssociatedResourcesSource source = new InMemoryAssociatedResourcesSource().failWith(ID, failure(ID));

        source.put(example);

        assertThat(source.resourcesOf(ID)).contains(example);
    }

    @Test
    void failWith_knownDroplet_throwsThatVeryFailure() {
        TeardownApiException failure = failure(ID);
        InMemoryAssociatedResourcesSource source = InMemoryAssociatedResourcesSource
                .of(AssociatedResourcesBuilder.openApiExample().build())
                .failWith(ID, failure);

        assertThatThrownBy(() -> source.resourcesOf(ID)).isSameAs(failure);
    }

    @Test
    void lookups_countEachDropletAndAll() {
        InMemoryAssociatedResourcesSource source = InMemoryAssociatedResourcesSource.of(
                AssociatedResourcesBuilder.openApiExample().build());

        source.resourcesOf(ID);
        source.resourcesOf(ID);
        source.resourcesOf(DropletId.of(7));

        assertThat(source.lookups(ID)).isEqualTo(2);
        assertThat(source.lookups(DropletId.of(7))).isEqualTo(1);
        assertThat(source.lookups(DropletId.of(8))).isZero();
        assertThat(source.totalLookups()).isEqualTo(3);
    }
}
