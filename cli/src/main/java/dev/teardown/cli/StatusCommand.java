package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code teardown status DROPLET_ID}: one lookup. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show how the teardown of a droplet stands, once.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    TeardownCommand parent;

    @Parameters(index = "0", paramLabel = "DROPLET_ID", converter = DropletIds.class,
            description = "The droplet whose destroy-with-associated-resources request to check.")
    DropletId dropletId;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "30s",
            description = "Give up on the API after this long, retries included (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    // One lookup gains nothing from a cache, and building one costs start-up time: status never caches.
    // The flag stays accepted, and hidden, so that scripts written when caching was the default still run.
    @Option(names = "--no-cache", hidden = true, description = "Accepted and ignored: status keeps no cache of its own (with --redis it reads and fills the shared one).")
    boolean noCache;

    @Override
    public Integer call() {
        CliContext context = parent.context;
        Optional<CliStack> opened = CliStack.open(context, connection, timeout, false);
        if (opened.isEmpty()) {
            return ExitCode.UNAVAILABLE;
        }
        try (CliStack stack = opened.get()) {
            StatusAnswer check = stack.check().check(dropletId);
            context.out().print(connection.json ? ReportDocuments.of(check) + "\n" : HumanReport.of(check));
            context.out().flush();
            return ExitCode.of(check);
        } catch (TeardownApiException failure) {
            context.err().println(FailureMessages.of(failure));
            return ExitCode.UNAVAILABLE;
        }
    }
}
