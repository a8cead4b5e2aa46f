package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.out.TeardownApiException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code teardown watch DROPLET_ID…} or {@code --ids-from FILE}: poll until each teardown ends or the
 * timeout passes. One droplet named on the command line is drawn as a progress bar with its report at
 * the end; several, or a list, are watched together within one rate budget by {@link WatchMany}.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Follow the teardown of droplets until each ends or the timeout passes.",
            "Several droplets are watched together within the token's rate budget; the exit code is then the worst"
                + " outcome: 1, then 3, 5, 4, 0."})
final class WatchCommand implements Callable<Integer> {

    /** The longest pause between lookups while nothing changes. */
    static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

    /** The longest a lookup may take, retries included; never past the --timeout. */
    static final Duration LOOKUP_DEADLINE = Duration.ofSeconds(30);

    /** How many lines of an id list that are not ids are shown; the rest are counted. */
    static final int SHOWN_PROBLEMS = 20;

    @ParentCommand
    TeardownCommand parent;

    // Strings, read in call(): picocli takes a multi-value argument it cannot convert for an unmatched one,
    // and would echo it raw, control characters and all, instead of saying why it is not a droplet id.
    @Parameters(arity = "0..*", paramLabel = "DROPLET_ID",
            description = "The droplets whose destroy-with-associated-resources requests to follow.")
    List<String> dropletIds;

    @Spec
    CommandSpec spec;

    @Option(names = "--ids-from", paramLabel = "FILE",
            description = "Also follow the droplets listed in FILE ('-' for standard input): one id a line;"
                    + " blank lines and everything from a # on are skipped.")
    String idsFrom;

    @Option(names = "--budget-share", paramLabel = "SHARE", converter = BudgetShares.class,
            description = "The share of the token's rate limits (250 requests a minute, 5,000 an hour) this command"
                    + " may use, more than 0 and at most 1 (default: 0.8); the rest is left to the token's other users.")
    Double budgetShare;

    /** The one droplet followed on its own. */
    private DropletId dropletId;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Durations.class, defaultValue = "2s",
            description = "Pause between lookups, growing while nothing changes (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "10m",
            description = "Stop waiting after this long, for every droplet; exit code 4 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The option that set {@link #timeout}, as messages name it. */
    private String timeoutOption = "--timeout";

    @Override
    public Integer call() {
        CliContext context = parent.context;
        Optional<Set<DropletId>> ids = dropletIds(context);
        if (ids.isEmpty()) {
            return ExitCode.USAGE;
        }
        AwaitOptions options = AwaitOptions.defaults()
                .withTimeout(timeout)
                .withIntervals(interval, interval.compareTo(MAX_INTERVAL) > 0 ? interval : MAX_INTERVAL);
        if (idsFrom == null && ids.get().size() == 1) {
            dropletId = ids.get().iterator().next();
            return watchOne(context, options);
        }
        return new WatchMany(context, connection, options, budgetShare()).run(ids.get());
    }

    private OptionalDouble budgetShare() {
        return budgetShare == null ? OptionalDouble.empty() : OptionalDouble.of(budgetShare);
    }

    /**
     * The droplets named on the command line, then those of {@code --ids-from}, each once; empty after
     * saying why on stderr when there are none or the list has lines that are not droplet ids.
     */
    private Optional<Set<DropletId>> dropletIds(CliContext context) {
        Set<DropletId> ids = new LinkedHashSet<>(arguments());
        if (idsFrom != null) {
            Optional<DropletIdFile.Read> read = readIdsFrom(context);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            List<String> problems = read.get().problems();
            if (!problems.isEmpty()) {
                problems.stream().limit(SHOWN_PROBLEMS).forEach(problem -> context.err().println("teardown: " + problem));
                if (problems.size() > SHOWN_PROBLEMS) {
                    context.err().println("teardown: and " + (problems.size() - SHOWN_PROBLEMS) + " more lines that are not"
                            + " droplet ids");
                }
                context.err().println("teardown: nothing was sent: correct the list (one droplet id a line; blank lines"
                        + " and everything from a # on are skipped)");
                return Optional.empty();
            }
            ids.addAll(read.get().ids());
        }
        if (ids.isEmpty()) {
            context.err().println(idsFrom == null
                    ? "teardown watch: name at least one DROPLET_ID, or a list of them with --ids-from FILE"
                    : "teardown: " + idsFromName() + " lists no droplet ids (one a line; blank lines and everything"
                            + " from a # on are skipped)");
            return Optional.empty();
        }
        return Optional.of(ids);
    }

    /** The DROPLET_ID arguments; a usage error, as picocli's own, for one that is not a droplet id. */
    private List<DropletId> arguments() {
        List<DropletId> ids = new ArrayList<>();
        List<String> written = dropletIds == null ? List.of() : dropletIds;
        for (int index = 0; index < written.size(); index++) {
            try {
                ids.add(new DropletIds().convert(written.get(index)));
            } catch (TypeConversionException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for positional parameter at index "
                        + index + " (DROPLET_ID): " + e.getMessage(), e);
            }
        }
        return ids;
    }

    private String idsFromName() {
        return "-".equals(idsFrom) ? "standard input" : Printable.of(idsFrom);
    }

    private Optional<DropletIdFile.Read> readIdsFrom(CliContext context) {
        String name = idsFromName();
        try (Reader text = "-".equals(idsFrom)
                ? new InputStreamReader(context.in(), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))
                : Files.newBufferedReader(Path.of(idsFrom), StandardCharsets.UTF_8)) {
            return Optional.of(DropletIdFile.read(name, text));
        } catch (NoSuchFileException e) {
            context.err().println("teardown: --ids-from " + name + ": no such file");
        } catch (AccessDeniedException e) {
            context.err().println("teardown: --ids-from " + name + ": permission denied");
        } catch (CharacterCodingException e) {
            context.err().println("teardown: --ids-from " + name + ": not UTF-8 text; write one droplet id a line");
        } catch (IOException | InvalidPathException e) {
            context.err().println("teardown: --ids-from " + name + ": cannot be read: " + Printable.of(e.getMessage()));
        }
        return Optional.empty();
    }

    private int watchOne(CliContext context, AwaitOptions options) {
        Optional<CliStack> opened = CliStack.open(context, connection, LOOKUP_DEADLINE, true, budgetShare());
        if (opened.isEmpty()) {
            return ExitCode.UNAVAILABLE;
        }
        try (CliStack stack = opened.get()) {
            return follow(context, stack, options);
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
        return follow(context, stack, AwaitOptions.defaults()
                .withTimeout(timeout)
                .withIntervals(interval, interval.compareTo(MAX_INTERVAL) > 0 ? interval : MAX_INTERVAL));
    }

    private int follow(CliContext context, CliStack stack, AwaitOptions options) {
        WatchPrinter printer = printer(context);
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
