package dev.teardown.ports;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Checks a teardown with one lookup in a {@link TeardownStatusSource}. */
public final class TeardownCheckService implements CheckTeardown {

    private final TeardownStatusSource source;

    public TeardownCheckService(TeardownStatusSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public TeardownCheck check(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        return answer(dropletId, source.statusOf(dropletId));
    }

    @Override
    public TeardownCheck check(DropletId dropletId, Instant deadline) {
        Objects.requireNonNull(dropletId, "dropletId");
        Objects.requireNonNull(deadline, "deadline");
        return answer(dropletId, source.statusOf(dropletId, deadline));
    }

    private static TeardownCheck answer(DropletId dropletId, Optional<TeardownStatus> status) {
        return status.<TeardownCheck>map(found -> new TeardownCheck.Reported(TeardownReport.of(found)))
                .orElseGet(() -> new TeardownCheck.NotFound(dropletId));
    }
}
