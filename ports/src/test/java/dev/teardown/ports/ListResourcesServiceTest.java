package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.AssociatedResource;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.ports.in.ListResourcesUseCase;
import dev.teardown.ports.in.ResourcesAnswer;
import dev.teardown.ports.out.AssociatedResourcesSource;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.service.ListResourcesService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListResourcesServiceTest {

    private static final DropletId ID = DropletId.of(61486916);

    private static AssociatedResources listed() {
        return new AssociatedResources(ID, List.of(
                AssociatedResource.of(ResourceKind.RESERVED_IP, "6186916", "45.55.96.47", "4.00"),
                AssociatedResource.of(ResourceKind.VOLUME, "ba49449a-7435-11ea-b89e-0a58ac14480f", "volume-nyc1-01", "10.00")));
    }

    @Test
    void list_knownDroplet_isListedWithItsResources() {
        AssociatedResources resources = listed();
        ListResourcesUseCase lister = new ListResourcesService(id -> Optional.of(resources));

        ResourcesAnswer answer = lister.list(ID);

        assertThat(answer).isEqualTo(new ResourcesAnswer.Listed(resources));
        assertThat(answer.dropletId()).isEqualTo(ID);
        assertThat(((ResourcesAnswer.Listed) answer).resources().monthlyCostTotal()).isEqualByComparingTo("14.00");
    }

    @Test
    void list_dropletWithoutResources_isListedEmptyNotUnknown() {
        ListResourcesUseCase lister = new ListResourcesService(id -> Optional.of(new AssociatedResources(id, List.of())));

        ResourcesAnswer answer = lister.list(ID);

        assertThat(answer).isInstanceOfSatisfying(ResourcesAnswer.Listed.class, found -> {
            assertThat(found.resources().isEmpty()).isTrue();
            assertThat(found.resources().monthlyCostTotal()).isEqualTo(BigDecimal.ZERO);
        });
    }

    @Test
    void list_unknownDroplet_isUnknownDroplet() {
        ListResourcesUseCase lister = new ListResourcesService(id -> Optional.empty());

        assertThat(lister.list(ID)).isEqualTo(new ResourcesAnswer.UnknownDroplet(ID));
    }

    @Test
    void list_withADeadline_passesItToTheSource() {
        Instant deadline = Instant.parse("2026-11-29T10:10:00Z");
        List<Instant> given = new ArrayList<>();
        ListResourcesUseCase lister = new ListResourcesService(new AssociatedResourcesSource() {
            @Override
            public Optional<AssociatedResources> resourcesOf(DropletId dropletId) {
                throw new AssertionError("the deadline was dropped");
            }

            @Override
            public Optional<AssociatedResources> resourcesOf(DropletId dropletId, Instant at) {
                given.add(at);
                return Optional.empty();
            }
        });

        assertThat(lister.list(ID, deadline)).isEqualTo(new ResourcesAnswer.UnknownDroplet(ID));
        assertThat(given).containsExactly(deadline);
    }

    @Test
    void list_failingSource_passesTheFailureOn() {
        TeardownApiException failure = TeardownApiException
                .builder(Operation.LIST_RESOURCES, Reason.PERMISSION, ID, "no list of associated resources for droplet 61486916")
                .build();
        ListResourcesUseCase lister = new ListResourcesService(id -> {
            throw failure;
        });

        assertThatThrownBy(() -> lister.list(ID)).isSameAs(failure);
    }

    @Test
    void list_sourceAnsweringForAnotherDroplet_isRefused() {
        ListResourcesUseCase lister = new ListResourcesService(id -> Optional.of(listed()));

        assertThatThrownBy(() -> lister.list(DropletId.of(7))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("droplet 61486916", "droplet 7");
    }

    @Test
    void list_nullArguments_areRejected() {
        ListResourcesUseCase lister = new ListResourcesService(id -> Optional.empty());

        assertThatThrownBy(() -> lister.list(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> lister.list(ID, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ListResourcesService(null)).isInstanceOf(NullPointerException.class);
    }
}
