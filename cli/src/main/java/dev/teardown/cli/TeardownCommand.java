package dev.teardown.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code teardown}: how is the destruction of a Droplet and its associated resources going? */
@Command(
        name = "teardown",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "How is the destruction of a DigitalOcean Droplet and its associated resources going?",
        subcommands = {StatusCommand.class, WatchCommand.class, ResourcesCommand.class, DestroyCommand.class,
            RetryCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:succeeded; resources: listed; destroy, retry: accepted (with --watch: the watch's code)",
            "1:no status could be had (authentication, permission, rate limit, network, server, bad response); destroy,"
                + " retry: the call failed, or whether the API accepted it is unknown (the message says which)",
            "2:usage error, or configuration refused (such as a plain http URL to a remote host); nothing is sent."
                + " destroy, retry: not confirmed (no terminal and no --yes, or another id typed), or an id not"
                + " associated with the droplet; nothing is destroyed",
            "3:completed with failures",
            "4:still in progress (watch: the timeout was reached); destroy, retry: a destroy is already in progress",
            "5:no teardown request is known for that droplet; resources, destroy: no such droplet",
            "130:watch stopped by SIGINT (Ctrl-C); the last report is printed",
            "141:watch's standard output was closed (such as by `| head -1`); it stopped at once",
            "143:watch stopped by SIGTERM; the last report is printed"
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  DIGITALOCEAN_ACCESS_TOKEN  API token (else DIGITALOCEAN_TOKEN); needs the droplet:delete scope",
            "  DIGITALOCEAN_API_URL       API base URL when --api-url is not given",
            "  HTTPS_PROXY, NO_PROXY      HTTP proxy when --proxy is not given, and hosts reached directly",
            "  TEARDOWN_REDIS_URL         Redis to share the cache and rate budget through when --redis is not given"
        })
public final class TeardownCommand implements Callable<Integer> {

    final CliContext context;

    @Spec
    CommandSpec spec;

    TeardownCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCode.USAGE;
    }

    /** A configured command line that writes to the context's streams. */
    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new TeardownCommand(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        // "@file" would read arguments from a file, and a usage error would echo its first word: a
        // token kept in a file would reach the terminal. Droplet ids and durations never start with @.
        commandLine.setExpandAtFiles(false);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof IllegalArgumentException invalid) {
                // Configuration the adapters refuse (a plain-http URL to a remote host, a malformed token):
                // like a usage error, nothing was sent.
                context.err().println("teardown: " + Printable.of(invalid.getMessage()));
                return ExitCode.USAGE;
            }
            // A bug or an unforeseen failure: one line for the user, not a stack trace.
            context.err().println("teardown: unexpected error: " + Printable.of(exception.toString()));
            return ExitCode.UNAVAILABLE;
        });
        return commandLine;
    }
}
