package dev.teardown.cli;

import dev.teardown.domain.TeardownOutcome;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.in.StatusAnswer;

/** The command's exit codes, the same for {@code status} and for the end of {@code watch}. */
final class ExitCode {

    static final int SUCCEEDED = 0;
    static final int UNAVAILABLE = 1;
    static final int USAGE = 2;
    static final int COMPLETED_WITH_FAILURES = 3;
    static final int IN_PROGRESS = 4;
    static final int NOT_FOUND = 5;
    /** {@code watch} only: standard output was closed (as a pipe's reader going away does; 128 + SIGPIPE). */
    static final int OUTPUT_CLOSED = 141;

    private ExitCode() {
    }

    static int of(StatusAnswer check) {
        if (check instanceof StatusAnswer.Reported reported) {
            return of(reported.report().outcome());
        }
        return NOT_FOUND;
    }

    /** {@code destroy} and {@code retry}: accepted, already in progress (409), nothing to act on (404). */
    static int of(CommandAnswer answer) {
        if (answer instanceof CommandAnswer.Accepted) {
            return SUCCEEDED;
        }
        return answer instanceof CommandAnswer.AlreadyInProgress ? IN_PROGRESS : NOT_FOUND;
    }

    static int of(TeardownOutcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> SUCCEEDED;
            case COMPLETED_WITH_FAILURES -> COMPLETED_WITH_FAILURES;
            case IN_PROGRESS -> IN_PROGRESS;
        };
    }
}
