package dev.teardown.ports.service;

import dev.teardown.domain.TeardownStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an answer about a teardown may be served again, by what it says; every cache of answers
 * (in-process, shared) keeps them by this one policy. A zero duration keeps nothing of that kind.
 *
 * @param succeeded a teardown that completed without failures (it no longer changes)
 * @param completedWithFailures a teardown that completed with failures (a retry can restart it)
 * @param inProgress a teardown still in progress (long enough to merge concurrent pollers)
 * @param notFound "no teardown request known"
 */
public record FreshnessPolicy(Duration succeeded, Duration completedWithFailures, Duration inProgress, Duration notFound) {

    public static final Duration DEFAULT_SUCCEEDED = Duration.ofMinutes(10);
    public static final Duration DEFAULT_COMPLETED_WITH_FAILURES = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IN_PROGRESS = Duration.ofSeconds(2);
    public static final Duration DEFAULT_NOT_FOUND = Duration.ofSeconds(5);

    public FreshnessPolicy {
        requireZeroOrPositive("succeeded", succeeded);
        requireZeroOrPositive("completedWithFailures", completedWithFailures);
        requireZeroOrPositive("inProgress", inProgress);
        requireZeroOrPositive("notFound", notFound);
    }

    /** 10 minutes for succeeded, 30 s for completed with failures, 2 s for in progress, 5 s for not found. */
    public static FreshnessPolicy defaults() {
        return new FreshnessPolicy(DEFAULT_SUCCEEDED, DEFAULT_COMPLETED_WITH_FAILURES, DEFAULT_IN_PROGRESS, DEFAULT_NOT_FOUND);
    }

    /** How long this answer (a status, or empty for "no teardown request known") stays fresh. */
    public Duration freshFor(Optional<TeardownStatus> answer) {
        if (answer.isEmpty()) {
            return notFound;
        }
        return switch (answer.get().outcome()) {
            case SUCCEEDED -> succeeded;
            case COMPLETED_WITH_FAILURES -> completedWithFailures;
            case IN_PROGRESS -> inProgress;
        };
    }

    public FreshnessPolicy withSucceeded(Duration succeeded) {
        return new FreshnessPolicy(succeeded, completedWithFailures, inProgress, notFound);
    }

    public FreshnessPolicy withCompletedWithFailures(Duration completedWithFailures) {
        return new FreshnessPolicy(succeeded, completedWithFailures, inProgress, notFound);
    }

    public FreshnessPolicy withInProgress(Duration inProgress) {
        return new FreshnessPolicy(succeeded, completedWithFailures, inProgress, notFound);
    }

    public FreshnessPolicy withNotFound(Duration notFound) {
        return new FreshnessPolicy(succeeded, completedWithFailures, inProgress, notFound);
    }

    private static void requireZeroOrPositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + duration);
        }
    }
}
