package dev.teardown.ports.service;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import dev.teardown.ports.out.TeardownStatusSource;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Checks a teardown with one lookup in a {@link TeardownStatusSource}. */
public final class CheckStatusService implements CheckStatusUseCase {

    private final TeardownStatusSource source;

    public CheckStatusService(TeardownStatusSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public StatusAnswer check(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        return answer(dropletId, source.statusOf(dropletId));
    }

    @Override
    public StatusAnswer check(DropletId dropletId, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(deadline, "deadline");
        return answer(dropletId, source.statusOf(dropletId, deadline));
    }

    private static StatusAnswer answer(DropletId dropletId, Optional<TeardownStatus> status) {
        return status.<StatusAnswer>map(found -> new StatusAnswer.Reported(TeardownReport.of(found)))
                .orElseGet(() -> new StatusAnswer.NotFound(dropletId));
    }
}
