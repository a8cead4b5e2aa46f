package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code teardown watch DROPLET_ID}: poll until the teardown ends or the timeout passes. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow the teardown of a droplet until it ends or the timeout passes.")
final class WatchCommand implements Callable<Integer> {

    /** The longest pause between lookups while nothing changes. */
    static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

    /** The longest a lookup may take, retries included; never past the --timeout. */
    static final Duration LOOKUP_DEADLINE = Duration.ofSeconds(30);

    @ParentCommand
    TeardownCommand parent;

    @Parameters(index = "0", paramLabel = "DROPLET_ID", converter = DropletIds.class,
            description = "The droplet whose destroy-with-associated-resources request to follow.")
    DropletId dropletId;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Durations.class, defaultValue = "2s",
            description = "Pause between lookups, growing while nothing changes (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "10m",
            description = "Stop waiting after this long; exit code 4 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The option that set {@link #timeout}, as messages name it. */
    private String timeoutOption = "--timeout";

    @Override
    public Integer call() {
        CliContext context = parent.context;
        Optional<CliStack> opened = CliStack.open(context, connection, LOOKUP_DEADLINE, true);
        if (opened.isEmpty()) {
            return ExitCode.UNAVAILABLE;
        }
        try (CliStack stack = opened.get()) {
            return follow(context, stack);
        }
    }

    /**
     * A watch of one droplet at the default interval, for a command that started its teardown
     * ({@code destroy --watch}, {@code retry --watch}) and sets the watch's timeout with {@code timeoutOption}.
     */
    static WatchCommand of(TeardownCommand parent, DropletId dropletId, ConnectionOptions connection, Duration timeout,
            String timeoutOption) {
        WatchCommand watch = new WatchCommand();
        watch.parent = parent;
        watch.dropletId = dropletId;
        watch.connection = connection;
        watch.interval = Duration.ofSeconds(2); // watch's own --interval default
        watch.timeout = timeout;
        watch.timeoutOption = timeoutOption;
        return watch;
    }

    /** Follows the teardown on a stack opened already, printing as {@code watch} does; returns the exit code. */
    int follow(CliContext context, CliStack stack) {
        WatchPrinter printer = printer(context);
        AwaitOptions options = AwaitOptions.defaults()
                .withTimeout(timeout)
                .withIntervals(interval, interval.compareTo(MAX_INTERVAL) > 0 ? interval : MAX_INTERVAL);
        // Stopped by SIGINT or SIGTERM, the process still says what it knows (the JVM exits with 130 or
        // 143); the hook stays until the final report is out, so that exactly one of the two prints.
        try (ShutdownHooks.Registration onStop = context.shutdownHooks()
                .add(() -> printer.endBeforeExit(() -> stopped(context, printer)))) {
            AwaitResult result = stack.await().await(dropletId, options, printer);
            printer.end(() -> {
                printer.finish();
                report(context, result);
            });
            return exitCode(result);
        } catch (ClosedOutputException closed) {
            // Like a program killed by SIGPIPE: nothing more to say, and no one to say it to.
            return ExitCode.OUTPUT_CLOSED;
        }
    }

    /** What a watch stopped by a signal prints: the last report it saw (the JSON lines have it already). */
    private void stopped(CliContext context, WatchPrinter printer) {
        printer.finish();
        if (!connection.json) {
            printer.lastSeen().ifPresent(check -> context.out().print("\n" + HumanReport.of(check)));
            context.out().flush();
        }
        context.err().println("teardown: interrupted while watching droplet " + dropletId);
        context.err().flush();
    }

    private WatchPrinter printer(CliContext context) {
        if (connection.json) {
            return WatchPrinter.json(context.out(), context.clock().instant());
        }
        return context.terminal()
                ? WatchPrinter.terminal(context.out(), context.clock().instant())
                : WatchPrinter.lines(context.out(), context.clock().instant());
    }

    private void report(CliContext context, AwaitResult result) {
        Optional<StatusAnswer> last = result.last();
        if (!connection.json) {
            last.ifPresent(check -> context.out().print("\n" + HumanReport.of(check)));
            context.out().flush();
        }
        switch (result.reason()) {
            case TERMINAL:
                break;
            case DEADLINE:
                if (last.isPresent()) {
                    context.err().println("teardown: droplet " + dropletId + " still in progress after "
                            + Durations.format(timeout) + " (the " + timeoutOption + "); watch again to follow it further");
                } else {
                    result.lastFailure().ifPresent(failure -> context.err().println(FailureMessages.of(failure)));
                }
                break;
            case RATE_LIMITED:
                result.lastFailure().ifPresent(failure -> context.err().println(rateLimited(failure)));
                break;
            case FAILURES:
            case PERMANENT_FAILURE:
                result.lastFailure().ifPresent(failure -> context.err().println(FailureMessages.of(failure)));
                break;
            default:
                context.err().println("teardown: interrupted while watching droplet " + dropletId);
                break;
        }
    }

    private static int exitCode(AwaitResult result) {
        return switch (result.reason()) {
            case TERMINAL -> ExitCode.of(result.last().orElseThrow());
            case DEADLINE -> result.last().isPresent() ? ExitCode.IN_PROGRESS : ExitCode.UNAVAILABLE;
            case RATE_LIMITED, FAILURES, PERMANENT_FAILURE, INTERRUPTED -> ExitCode.UNAVAILABLE;
        };
    }

    private String rateLimited(TeardownApiException failure) {
        return "teardown: droplet " + dropletId + ": rate limited by the API; it allows the next request at "
                + failure.retryAllowedAt().map(Instant::toString).orElse("a time it did not say")
                + ", after the " + timeoutOption + " of " + Durations.format(timeout) + "; watch again then";
    }
}
