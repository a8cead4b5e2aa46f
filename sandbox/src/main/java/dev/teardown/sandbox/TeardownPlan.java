package dev.teardown.sandbox;

import dev.teardown.domain.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one teardown does and when, counted from the moment it was requested: when the Droplet and each
 * resource are destroyed (or fail, or never move), when the teardown completes, and how fast a retry
 * goes through what failed. A retry always succeeds: in the sandbox, whatever blocked a resource has
 * been cleared by the time someone retries.
 *
 * @param completesAfter empty for a teardown that never completes
 * @param retryStep a retry destroys the failed resources one such step apart, and completes one step
 *     after the last
 */
record TeardownPlan(Step droplet, List<Step> resources, Optional<Duration> completesAfter, Duration retryStep) {

    TeardownPlan {
        Objects.requireNonNull(droplet, "droplet");
        resources = List.copyOf(resources);
        Objects.requireNonNull(completesAfter, "completesAfter");
        Objects.requireNonNull(retryStep, "retryStep");
        if (droplet.kind() != ResourceKind.DROPLET) {
            throw new IllegalArgumentException("the droplet step must be of kind DROPLET, was " + droplet.kind());
        }
        if (retryStep.isNegative() || retryStep.isZero()) {
            throw new IllegalArgumentException("retryStep must be positive, was " + retryStep);
        }
        if (completesAfter.isPresent()) {
            // A completed teardown has decided every resource; the status would contradict itself otherwise.
            Duration completes = completesAfter.get();
            for (Step step : resources) {
                if (step.after().isEmpty() || step.after().get().compareTo(completes) > 0) {
                    throw new IllegalArgumentException(step.id() + " is still pending when the teardown completes");
                }
            }
        }
    }

    /**
     * One resource of the teardown.
     *
     * @param after when it is destroyed or fails, after the request; empty when it stays pending
     * @param failure why it fails; empty when it is destroyed
     */
    record Step(ResourceKind kind, String id, String name, Optional<Duration> after, Optional<String> failure) {

        Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(failure, "failure");
        }

        static Step destroyedAfter(ResourceKind kind, String id, String name, Duration after) {
            return new Step(kind, id, name, Optional.of(after), Optional.empty());
        }

        static Step failsAfter(ResourceKind kind, String id, String name, Duration after, String failure) {
            return new Step(kind, id, name, Optional.of(after), Optional.of(failure));
        }

        static Step neverMoves(ResourceKind kind, String id, String name) {
            return new Step(kind, id, name, Optional.empty(), Optional.empty());
        }
    }
}
