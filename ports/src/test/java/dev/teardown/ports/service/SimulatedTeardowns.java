package dev.teardown.ports.service;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.CheckStatusUseCase;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Operation;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** Teardowns that destroy their resources one by one over a set duration, and a record of every lookup. */
final class SimulatedTeardowns implements CheckStatusUseCase {

    record Lookup(DropletId dropletId, Instant at) {
    }

    private record Teardown(Instant start, Duration duration, int resources) {
    }

    private final Clock clock;
    private final Map<DropletId, Teardown> teardowns = new HashMap<>();
    private final Map<DropletId, Deque<TeardownApiException>> failures = new HashMap<>();
    final List<Lookup> lookups = new ArrayList<>();

    SimulatedTeardowns(Clock clock) {
        this.clock = clock;
    }

    /** A teardown of {@code resources} resources that started now and ends after {@code duration}. */
    SimulatedTeardowns teardown(DropletId id, Duration duration, int resources) {
        teardowns.put(id, new Teardown(clock.instant(), duration, resources));
        return this;
    }

    /** A teardown that never ends. */
    SimulatedTeardowns endless(DropletId id) {
        return teardown(id, Duration.ofDays(3650), 3);
    }

    /** The next lookup of this Droplet fails with {@code reason}. */
    SimulatedTeardowns failNext(DropletId id, Reason reason, Optional<Instant> retryAllowedAt) {
        TeardownApiException.Builder builder =
                TeardownApiException.builder(Operation.CHECK_STATUS, reason, id, "simulated " + reason);
        retryAllowedAt.ifPresent(builder::retryAllowedAt);
        failures.computeIfAbsent(id, any -> new ArrayDeque<>()).add(builder.build());
        return this;
    }

    List<Instant> lookupsOf(DropletId id) {
        return lookups.stream().filter(lookup -> lookup.dropletId().equals(id)).map(Lookup::at).toList();
    }

    @Override
    public StatusAnswer check(DropletId dropletId) {
        throw new AssertionError("a watch must give each lookup its deadline");
    }

    @Override
    public StatusAnswer check(DropletId dropletId, Instant deadline) {
        Instant now = clock.instant();
        lookups.add(new Lookup(dropletId, now));
        Deque<TeardownApiException> scripted = failures.get(dropletId);
        if (scripted != null && !scripted.isEmpty()) {
            throw scripted.removeFirst();
        }
        Teardown teardown = teardowns.get(dropletId);
        if (teardown == null) {
            return new StatusAnswer.NotFound(dropletId);
        }
        return new StatusAnswer.Reported(TeardownReport.of(statusAt(dropletId, teardown, now)));
    }

    private static TeardownStatus statusAt(DropletId id, Teardown teardown, Instant now) {
        Instant end = teardown.start().plus(teardown.duration());
        double done = Math.min(1.0, (double) Duration.between(teardown.start(), now).toMillis()
                / Math.max(1, teardown.duration().toMillis()));
        int destroyed = now.isBefore(end) ? (int) Math.floor(done * teardown.resources()) : teardown.resources();
        List<ResourceTeardown> resources = IntStream.range(0, teardown.resources())
                .mapToObj(i -> i < destroyed
                        ? ResourceTeardown.destroyed(ResourceKind.VOLUME, "v" + i, "data-" + i, teardown.start())
                        : ResourceTeardown.pending(ResourceKind.VOLUME, "v" + i, "data-" + i))
                .toList();
        Optional<Instant> completedAt = now.isBefore(end) ? Optional.empty() : Optional.of(end);
        return new TeardownStatus(id, completedAt, Optional.empty(), OptionalInt.of(0), resources);
    }
}
