package dev.teardown.cli;

import dev.teardown.cli.CommandReports.CommandName;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code teardown retry DROPLET_ID}: destroy again what a teardown failed to destroy. Without {@code --yes}
 * it shows the teardown's status first and asks for the droplet id to be typed; then it sends the retry once.
 */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {
            "Retry the teardown of a droplet that completed with failures: the API tries again to destroy the"
                    + " resources it failed to destroy.",
            "It shows the teardown's status and asks you to type the droplet id; --yes skips both."})
final class RetryCommand implements Callable<Integer> {

    @ParentCommand
    TeardownCommand parent;

    @Parameters(index = "0", paramLabel = "DROPLET_ID", converter = DropletIds.class,
            description = "The droplet whose teardown to retry.")
    DropletId dropletId;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--yes", description = "Do not show the status nor ask for the droplet id: retry at once.")
    boolean yes;

    @Mixin
    FollowOptions follow;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "30s",
            description = "Give up on each call to the API (the status, the retry) after this long, retries"
                    + " included (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        CliContext context = parent.context;
        if (!yes && !Confirmation.canAsk(context, "retry", dropletId)) {
            return ExitCode.USAGE;
        }
        Optional<CliStack> opened = CliStack.open(context, connection, timeout, true);
        if (opened.isEmpty()) {
            return ExitCode.UNAVAILABLE;
        }
        try (CliStack stack = opened.get()) {
            if (!yes) {
                OptionalInt ended = ask(context, stack);
                if (ended.isPresent()) {
                    return ended.getAsInt();
                }
            }
            CommandAnswer answer = stack.retry().retry(dropletId, context.clock().instant().plus(timeout));
            report(context, answer);
            return follow.exitCode(answer, parent, dropletId, connection, context, stack);
        } catch (TeardownApiException failure) {
            if (connection.json) {
                print(context, CommandReports.failureJson(CommandName.RETRY, failure) + "\n");
            }
            context.err().println(FailureMessages.of(failure));
            return ExitCode.UNAVAILABLE;
        }
    }

    /**
     * Shows the status and asks for the droplet id: empty when confirmed, else the exit code to end with.
     * A status that already answers (no teardown known, a destroy still in progress) is reported without
     * asking: asking to confirm what the API would refuse helps no one.
     */
    private OptionalInt ask(CliContext context, CliStack stack) {
        StatusAnswer status = stack.check().check(dropletId, context.clock().instant().plus(timeout));
        if (!(status instanceof StatusAnswer.Reported reported)) {
            return OptionalInt.of(reported(context, new CommandAnswer.NotFound(dropletId)));
        }
        TeardownOutcome outcome = reported.report().outcome();
        if (outcome == TeardownOutcome.IN_PROGRESS) {
            return OptionalInt.of(reported(context, new CommandAnswer.AlreadyInProgress(dropletId)));
        }
        // With --json, standard output keeps to the result document; the status goes with the question.
        PrintWriter shown = connection.json ? context.err() : context.out();
        shown.print(HumanReport.of(status) + "\nA retry destroys again what was not destroyed"
                + (outcome == TeardownOutcome.SUCCEEDED ? " (nothing: this teardown succeeded)"
                        : ": the resources above that failed") + ".\n\n");
        shown.flush();
        return Confirmation.confirmed(context, dropletId, "retry", "retry its teardown")
                ? OptionalInt.empty() : OptionalInt.of(ExitCode.USAGE);
    }

    private int reported(CliContext context, CommandAnswer answer) {
        report(context, answer);
        return ExitCode.of(answer);
    }

    private void report(CliContext context, CommandAnswer answer) {
        print(context, connection.json ? CommandReports.json(CommandName.RETRY, answer) + "\n"
                : CommandReports.human(CommandName.RETRY, answer));
    }

    private static void print(CliContext context, String text) {
        context.out().print(text);
        context.out().flush();
    }
}
