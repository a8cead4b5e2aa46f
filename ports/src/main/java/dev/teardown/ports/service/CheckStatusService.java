package dev.teardown.ports.service;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import dev.teardown.ports.out.TeardownStatusSource;
import java.util.Objects;

/** Checks a teardown with one lookup in a {@link TeardownStatusSource}. */
public final class CheckStatusService implements CheckStatusUseCase {

    private final TeardownStatusSource source;

    public CheckStatusService(TeardownStatusSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public StatusAnswer check(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        return source.statusOf(dropletId)
                .<StatusAnswer>map(status -> new StatusAnswer.Reported(TeardownReport.of(status)))
                .orElseGet(() -> new StatusAnswer.NotFound(dropletId));
    }
}
