package dev.teardown.ports;

import dev.teardown.domain.DropletId;
import java.util.Objects;

/** Checks a teardown with one lookup in a {@link TeardownStatusSource}. */
public final class TeardownCheckService implements CheckTeardown {

    private final TeardownStatusSource source;

    public TeardownCheckService(TeardownStatusSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public TeardownCheck check(DropletId dropletId) {
        Objects.requireNonNull(dropletId, "dropletId");
        return source.statusOf(dropletId)
                .<TeardownCheck>map(status -> new TeardownCheck.Reported(TeardownReport.of(status)))
                .orElseGet(() -> new TeardownCheck.NotFound(dropletId));
    }
}
