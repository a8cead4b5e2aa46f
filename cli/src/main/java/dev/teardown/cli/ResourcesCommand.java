package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.ResourcesAnswer;
import dev.teardown.ports.out.TeardownApiException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code teardown resources DROPLET_ID}: what a destroy of the droplet could take along, and what it costs. */
@Command(name = "resources", mixinStandardHelpOptions = true,
        description = "List the resources a destroy of a droplet could take along, with what each costs a month.")
final class ResourcesCommand implements Callable<Integer> {

    @ParentCommand
    TeardownCommand parent;

    @Parameters(index = "0", paramLabel = "DROPLET_ID", converter = DropletIds.class,
            description = "The droplet whose associated resources to list.")
    DropletId dropletId;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "30s",
            description = "Give up on the API after this long, retries included (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        CliContext context = parent.context;
        Optional<CliStack> opened = CliStack.open(context, connection, timeout, true);
        if (opened.isEmpty()) {
            return ExitCode.UNAVAILABLE;
        }
        try (CliStack stack = opened.get()) {
            ResourcesAnswer answer = stack.resources().list(dropletId, context.clock().instant().plus(timeout));
            if (answer instanceof ResourcesAnswer.Listed listed) {
                context.out().print(connection.json
                        ? ResourceReports.json(listed.resources()) + "\n"
                        : ResourceReports.human(listed.resources()));
                context.out().flush();
                return ExitCode.SUCCEEDED;
            }
            context.out().print(connection.json ? notFound() + "\n"
                    : "Droplet " + dropletId + ": no such droplet (destroyed already, or never there).\n");
            context.out().flush();
            return ExitCode.NOT_FOUND;
        } catch (TeardownApiException failure) {
            context.err().println(FailureMessages.of(failure));
            return ExitCode.UNAVAILABLE;
        }
    }

    /** {@code {"droplet_id":N,"outcome":"not_found"}}, as {@code status --json} says it. */
    private String notFound() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("droplet_id", dropletId.value());
        document.put("outcome", "not_found");
        return Json.write(document);
    }
}
