package dev.teardown.sandbox;

import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceState;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One requested teardown as it unfolds: its plan, when it was requested, and the retries made since.
 * Every answer is computed from these and the instant asked about, so time alone moves it.
 */
final class TeardownTimeline {

    /** How a retry was taken. */
    enum RetryAnswer {
        /** The failed resources are pending again. */
        STARTED,
        /** The teardown completed without failures: nothing to retry, nothing changes. */
        NOTHING_TO_RETRY,
        /** The teardown (or a retry) is still in progress; only one can be active at a time. */
        IN_PROGRESS
    }

    /** A retry made at {@code at} of the plan's resources at these indices, in this order. */
    private record Retry(Instant at, List<Integer> resources) {
    }

    private final DropletId dropletId;
    private final TeardownPlan plan;
    private final Instant requestedAt;
    private final List<Retry> retries = new ArrayList<>();

    TeardownTimeline(DropletId dropletId, TeardownPlan plan, Instant requestedAt) {
        this.dropletId = Objects.requireNonNull(dropletId, "dropletId");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    }

    synchronized TeardownStatus statusAt(Instant now) {
        ResourceTeardown droplet = firstAttempt(plan.droplet(), now);
        List<ResourceTeardown> resources = new ArrayList<>(plan.resources().size());
        int failures = droplet.state() == ResourceState.FAILED ? 1 : 0;
        for (int i = 0; i < plan.resources().size(); i++) {
            ResourceTeardown resource = resourceAt(i, now);
            if (resource.state() == ResourceState.FAILED) {
                failures++;
            }
            resources.add(resource);
        }
        return new TeardownStatus(dropletId, completedAt(now), Optional.of(droplet), OptionalInt.of(failures), resources);
    }

    synchronized RetryAnswer retry(Instant now) {
        if (completedAt(now).isEmpty()) {
            return RetryAnswer.IN_PROGRESS;
        }
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < plan.resources().size(); i++) {
            if (resourceAt(i, now).state() == ResourceState.FAILED) {
                failed.add(i);
            }
        }
        if (failed.isEmpty()) {
            return RetryAnswer.NOTHING_TO_RETRY;
        }
        retries.add(new Retry(now, List.copyOf(failed)));
        return RetryAnswer.STARTED;
    }

    private ResourceTeardown resourceAt(int index, Instant now) {
        TeardownPlan.Step step = plan.resources().get(index);
        ResourceTeardown state = firstAttempt(step, now);
        for (Retry retry : retries) {
            int position = retry.resources().indexOf(index);
            if (position >= 0 && !retry.at().isAfter(now)) {
                Instant doneAt = retry.at().plus(plan.retryStep().multipliedBy(position + 1L));
                state = doneAt.isAfter(now)
                        ? ResourceTeardown.pending(step.kind(), step.id(), step.name())
                        : ResourceTeardown.destroyed(step.kind(), step.id(), step.name(), doneAt);
            }
        }
        return state;
    }

    private ResourceTeardown firstAttempt(TeardownPlan.Step step, Instant now) {
        Optional<Instant> doneAt = step.after().map(requestedAt::plus);
        if (doneAt.isEmpty() || doneAt.get().isAfter(now)) {
            return ResourceTeardown.pending(step.kind(), step.id(), step.name());
        }
        return step.failure().isPresent()
                ? ResourceTeardown.failed(step.kind(), step.id(), step.name(), step.failure().get())
                : ResourceTeardown.destroyed(step.kind(), step.id(), step.name(), doneAt.get());
    }

    /** When the latest attempt completed, if it has by {@code now}. */
    private Optional<Instant> completedAt(Instant now) {
        Optional<Instant> completes = plan.completesAfter().map(requestedAt::plus);
        for (Retry retry : retries) {
            if (!retry.at().isAfter(now)) {
                completes = Optional.of(retry.at().plus(plan.retryStep().multipliedBy(retry.resources().size() + 1L)));
            }
        }
        return completes.filter(at -> !at.isAfter(now));
    }
}
