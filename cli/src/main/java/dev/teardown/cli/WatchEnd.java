package dev.teardown.cli;

import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.StatusAnswer;
import java.util.Collection;
import java.util.Optional;

/**
 * How the watch of one droplet ended, as {@code watch} counts it; declared worst first, which is the
 * order in which the exit code of a watch of many is chosen.
 */
enum WatchEnd {
    /** No status could be had (refused, failing, rate limited past the timeout, never asked). */
    UNAVAILABLE(ExitCode.UNAVAILABLE, "unknown", "unavailable"),
    /** Completed with failures; "failed" in the summary line. */
    COMPLETED_WITH_FAILURES(ExitCode.COMPLETED_WITH_FAILURES, "failed", "completed_with_failures"),
    NOT_FOUND(ExitCode.NOT_FOUND, "not found", "not_found"),
    /** Still in progress at the timeout. */
    IN_PROGRESS(ExitCode.IN_PROGRESS, "in progress", "in_progress"),
    SUCCEEDED(ExitCode.SUCCEEDED, "succeeded", "succeeded");

    private final int exitCode;
    private final String text;
    private final String jsonName;

    WatchEnd(int exitCode, String text, String jsonName) {
        this.exitCode = exitCode;
        this.text = text;
        this.jsonName = jsonName;
    }

    int exitCode() {
        return exitCode;
    }

    /** How the summary line names it. */
    String text() {
        return text;
    }

    /** Its key in the {@code --json} summary. */
    String jsonName() {
        return jsonName;
    }

    static WatchEnd of(AwaitResult result) {
        return switch (result.reason()) {
            case TERMINAL -> seen(result.last());
            case DEADLINE -> result.last().isPresent() ? IN_PROGRESS : UNAVAILABLE;
            case RATE_LIMITED, FAILURES, PERMANENT_FAILURE, INTERRUPTED -> UNAVAILABLE;
        };
    }

    /** What the last answer seen says, for a droplet whose watch has not ended. */
    static WatchEnd seen(Optional<StatusAnswer> last) {
        if (last.isEmpty()) {
            return UNAVAILABLE;
        }
        return switch (ExitCode.of(last.get())) {
            case ExitCode.SUCCEEDED -> SUCCEEDED;
            case ExitCode.COMPLETED_WITH_FAILURES -> COMPLETED_WITH_FAILURES;
            case ExitCode.NOT_FOUND -> NOT_FOUND;
            default -> IN_PROGRESS;
        };
    }

    /** The worst of them: the exit code of a watch of many. */
    static WatchEnd worst(Collection<WatchEnd> ends) {
        return ends.stream().min(Enum::compareTo).orElse(SUCCEEDED);
    }
}
