package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownProgress;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import dev.teardown.ports.out.TeardownApiException.Reason;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownStatusSource;
import dev.teardown.ports.service.CheckStatusService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckStatusServiceTest {

    @Test
    void check_knownStatus_reportsWhatItMeans() {
        TeardownStatus failed = Statuses.failed();
        CheckStatusUseCase checker = new CheckStatusService(id -> Optional.of(failed));

        StatusAnswer check = checker.check(Statuses.ID);

        assertThat(check).isInstanceOfSatisfying(StatusAnswer.Reported.class, reported -> {
            TeardownReport report = reported.report();
            assertThat(report.status()).isEqualTo(failed);
            assertThat(report.outcome()).isEqualTo(TeardownOutcome.COMPLETED_WITH_FAILURES);
            assertThat(report.progress()).isEqualTo(new TeardownProgress(0, 1, 0));
            assertThat(report.failures()).isEqualTo(failed.failedResources());
            assertThat(report.inconsistencies()).isEmpty();
        });
        assertThat(check.dropletId()).isEqualTo(Statuses.ID);
    }

    @Test
    void check_withADeadline_passesItToTheSource() {
        Instant deadline = Instant.parse("2026-11-29T10:10:00Z");
        List<Instant> given = new ArrayList<>();
        CheckStatusUseCase checker = new CheckStatusService(new TeardownStatusSource() {
            @Override
            public Optional<TeardownStatus> statusOf(DropletId dropletId) {
                throw new AssertionError("the deadline was dropped");
            }

            @Override
            public Optional<TeardownStatus> statusOf(DropletId dropletId, Instant at) {
                given.add(at);
                return Optional.empty();
            }
        });

        assertThat(checker.check(Statuses.ID, deadline)).isEqualTo(new StatusAnswer.NotFound(Statuses.ID));
        assertThat(given).containsExactly(deadline);
    }

    @Test
    void check_unknownDroplet_isNotFound() {
        CheckStatusUseCase checker = new CheckStatusService(id -> Optional.empty());

        assertThat(checker.check(Statuses.ID)).isEqualTo(new StatusAnswer.NotFound(Statuses.ID));
    }

    @Test
    void check_failingSource_passesTheFailureOn() {
        TeardownApiException failure = Statuses.failure(Reason.SERVER_ERROR);
        CheckStatusUseCase checker = new CheckStatusService(id -> {
            throw failure;
        });

        assertThatThrownBy(() -> checker.check(Statuses.ID)).isSameAs(failure);
    }
}
