package dev.teardown.ports.in;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.Inconsistency;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownProgress;
import dev.teardown.domain.TeardownStatus;
import java.util.List;
import java.util.Objects;

/** A status together with what it means: outcome, progress, the failed resources and any contradictions. */
public record TeardownReport(
        TeardownStatus status,
        TeardownOutcome outcome,
        TeardownProgress progress,
        List<ResourceTeardown> failures,
        List<Inconsistency> inconsistencies) {

    public TeardownReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(progress, "progress");
        failures = List.copyOf(failures);
        inconsistencies = List.copyOf(inconsistencies);
    }

    /** Derives the report of a status once, so readers of the report do not derive it again. */
    public static TeardownReport of(TeardownStatus status) {
        return new TeardownReport(
                status, status.outcome(), status.progress(), status.failedResources(), status.inconsistencies());
    }

    public DropletId dropletId() {
        return status.dropletId();
    }
}
