package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.CommandAnswer;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --watch} and {@code --watch-timeout}, for the commands that start a teardown (destroy, retry). */
final class FollowOptions {

    @Option(names = "--watch", description = "Then follow the teardown to its end, as teardown watch does.")
    boolean watch;

    @Option(names = "--watch-timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "10m",
            description = "With --watch: stop waiting after this long; exit code 4 (default: ${DEFAULT-VALUE}).")
    Duration watchTimeout;

    /**
     * The exit code for a command's answer: with {@code --watch} and an accepted command, the watch's, as
     * it follows the teardown on the stack opened already; else the answer's own.
     */
    int exitCode(CommandAnswer answer, TeardownCommand parent, DropletId dropletId, ConnectionOptions connection,
            CliContext context, CliStack stack) {
        if (watch && answer instanceof CommandAnswer.Accepted) {
            return WatchCommand.of(parent, dropletId, connection, watchTimeout, "--watch-timeout").follow(context, stack);
        }
        return ExitCode.of(answer);
    }
}
