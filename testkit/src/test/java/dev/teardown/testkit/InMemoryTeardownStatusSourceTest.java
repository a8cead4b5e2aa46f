package dev.teardown.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.testkit.InMemoryTeardownStatusSource.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryTeardownStatusSourceTest extends TeardownStatusSourceContract {

    @Override
    protected TeardownStatusSource sourceKnowing(List<TeardownStatus> statuses) {
        return InMemoryTeardownStatusSource.of(statuses.toArray(TeardownStatus[]::new));
    }

    @Override
    protected TeardownStatusSource sourceFailingFor(DropletId dropletId) {
        return new InMemoryTeardownStatusSource().failWith(dropletId, failure(dropletId));
    }

    @Test
    void script_answersInTurnThenRepeatsTheLast() {
        DropletId id = ReferenceExamples.DROPLET_ID;
        TeardownStatus done = ReferenceExamples.checkStatusDocStatus();
        InMemoryTeardownStatusSource source = new InMemoryTeardownStatusSource()
                .script(id, Answer.notFound(), Answer.failure(failure(id)), Answer.of(done));

        assertThat(source.statusOf(id)).isEmpty();
        assertThatThrownBy(() -> source.statusOf(id)).isInstanceOf(TeardownApiException.class);
        assertThat(source.statusOf(id)).contains(done);
        assertThat(source.statusOf(id)).contains(done);
        assertThat(source.lookups(id)).isEqualTo(4);
    }

    @Test
    void remove_forgetsTheDroplet() {
        TeardownStatus done = ReferenceExamples.checkStatusDocStatus();
        InMemoryTeardownStatusSource source = InMemoryTeardownStatusSource.of(done).remove(done.dropletId());

        assertThat(source.statusOf(done.dropletId())).isEmpty();
        assertThat(source.totalLookups()).isEqualTo(1);
    }

    @Test
    void script_withoutAnswers_isRejected() {
        assertThatThrownBy(() -> new InMemoryTeardownStatusSource().script(DropletId.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one answer");
    }

    private static TeardownApiException failure(DropletId id) {
        return TeardownApiException.builder(Operation.CHECK_STATUS, Reason.SERVER_ERROR, id, "scripted server error").build();
    }
}
