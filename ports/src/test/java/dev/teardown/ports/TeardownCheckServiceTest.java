package dev.teardown.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownProgress;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.TeardownStatusUnavailableException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeardownCheckServiceTest {

    @Test
    void check_knownStatus_reportsWhatItMeans() {
        TeardownStatus failed = Statuses.failed();
        CheckTeardown checker = new TeardownCheckService(id -> Optional.of(failed));

        TeardownCheck check = checker.check(Statuses.ID);

        assertThat(check).isInstanceOfSatisfying(TeardownCheck.Reported.class, reported -> {
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
        CheckTeardown checker = new TeardownCheckService(new TeardownStatusSource() {
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

        assertThat(checker.check(Statuses.ID, deadline)).isEqualTo(new TeardownCheck.NotFound(Statuses.ID));
        assertThat(given).containsExactly(deadline);
    }

    @Test
    void check_unknownDroplet_isNotFound() {
        CheckTeardown checker = new TeardownCheckService(id -> Optional.empty());

        assertThat(checker.check(Statuses.ID)).isEqualTo(new TeardownCheck.NotFound(Statuses.ID));
    }

    @Test
    void check_failingSource_passesTheFailureOn() {
        TeardownStatusUnavailableException failure = Statuses.failure(Reason.SERVER_ERROR);
        CheckTeardown checker = new TeardownCheckService(id -> {
            throw failure;
        });

        assertThatThrownBy(() -> checker.check(Statuses.ID)).isSameAs(failure);
    }
}
