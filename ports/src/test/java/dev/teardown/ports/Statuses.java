package dev.teardown.ports;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** Small status fixtures for the service tests. */
final class Statuses {

    static final DropletId ID = DropletId.of(61486916);
    static final Instant COMPLETED = Instant.parse("2026-11-29T10:00:09Z");

    private Statuses() {
    }

    /** In progress with {@code destroyed} of three volumes destroyed. */
    static TeardownStatus inProgress(int destroyed) {
        List<ResourceTeardown> volumes = IntStream.range(0, 3)
                .mapToObj(i -> i < destroyed
                        ? ResourceTeardown.destroyed(ResourceKind.VOLUME, "v" + i, "data-" + i, COMPLETED.minusSeconds(5))
                        : ResourceTeardown.pending(ResourceKind.VOLUME, "v" + i, "data-" + i))
                .toList();
        return new TeardownStatus(ID, Optional.empty(), Optional.empty(), OptionalInt.of(0), volumes);
    }

    static TeardownStatus succeeded() {
        return new TeardownStatus(ID, Optional.of(COMPLETED), Optional.empty(), OptionalInt.of(0),
                List.of(ResourceTeardown.destroyed(ResourceKind.VOLUME, "v0", "data-0", COMPLETED)));
    }

    static TeardownStatus failed() {
        return new TeardownStatus(ID, Optional.of(COMPLETED), Optional.empty(), OptionalInt.of(1),
                List.of(ResourceTeardown.failed(ResourceKind.VOLUME, "v0", "data-0", "volume is attached")));
    }

    static TeardownApiException failure(TeardownApiException.Reason reason) {
        return TeardownApiException.builder(Operation.CHECK_STATUS, reason, ID, "scripted " + reason).build();
    }
}
