package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitOptions;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.AwaitResult.StopReason;
import dev.teardown.ports.in.FleetWatch;
import dev.teardown.ports.in.WatchListener;
import dev.teardown.ports.in.WatchTeardownsUseCase;
import dev.teardown.ports.out.RateBudgetState;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.ports.out.TeardownApiException.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code teardown watch} of several droplets, or of a list: one watch of them all within one rate
 * budget, drawn by a {@link FleetPrinter}; the exit code is the worst way a droplet's watch ended.
 */
final class WatchMany {

    /** How many droplets a line on stderr names before it says how many more. */
    static final int NAMED = 10;

    /** The terminal's width when {@code $COLUMNS} does not say. */
    static final int DEFAULT_COLUMNS = 80;

    private final CliContext context;
    private final ConnectionOptions connection;
    private final AwaitOptions options;
    private final OptionalDouble budgetShare;

    WatchMany(CliContext context, ConnectionOptions connection, AwaitOptions options, OptionalDouble budgetShare) {
        this.context = context;
        this.connection = connection;
        this.options = options;
        this.budgetShare = budgetShare;
    }

    int run(Set<DropletId> ids) {
        Optional<CliStack> opened = CliStack.open(context, connection, WatchCommand.LOOKUP_DEADLINE, true, budgetShare);
        if (opened.isEmpty()) {
            return ExitCode.UNAVAILABLE;
        }
        try (CliStack stack = opened.get()) {
            // built first (the connection pool and all), so that the elapsed times start with the first lookup
            WatchTeardownsUseCase watching = stack.watch();
            Supplier<RateBudgetState> budget = lastKnown(stack::rateBudgetState);
            FleetPrinter printer = printer(ids, budget);
            StopOnRefusal listener = new StopOnRefusal(printer);
            FleetWatch watch = watching.watch(listener);
            listener.watch = watch;
            for (DropletId id : ids) {
                watch.add(id, options);
            }
            // As for one droplet: stopped by SIGINT or SIGTERM, it still says what it knows, once.
            try (ShutdownHooks.Registration onStop = context.shutdownHooks()
                    .add(() -> printer.endBeforeExit(() -> stopped(printer)))) {
                Map<DropletId, AwaitResult> results = watch.runUntilIdle();
                printer.end(() -> {
                    printer.finish();
                    if (!connection.json) {
                        printReportsWithFailures(results);
                    }
                    printer.printSummary();
                    context.out().flush();
                    explain(results, listener, budget.get());
                });
                if (context.out().checkError()) {
                    return ExitCode.OUTPUT_CLOSED;
                }
                return printer.worst().exitCode();
            } catch (ClosedOutputException closed) {
                return ExitCode.OUTPUT_CLOSED;
            }
        }
    }

    private FleetPrinter printer(Set<DropletId> ids, Supplier<RateBudgetState> budget) {
        var start = context.clock().instant();
        if (connection.json) {
            return FleetPrinter.json(context.out(), start, options.timeout(), ids, budget);
        }
        // --verbose writes to the same terminal between redraws, which would then move up over its lines
        return context.terminal() && !connection.verbose
                ? FleetPrinter.terminal(context.out(), start, options.timeout(), ids, budget, columns())
                : FleetPrinter.lines(context.out(), start, options.timeout(), ids, budget);
    }

    private int columns() {
        try {
            int columns = Integer.parseInt(context.environment().getOrDefault("COLUMNS", "").strip());
            return columns >= 20 && columns <= 1_000 ? columns : DEFAULT_COLUMNS;
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }

    /** The budget's state, or the last one read once the stack is closed (a shutdown hook may ask after that). */
    private static Supplier<RateBudgetState> lastKnown(Supplier<RateBudgetState> state) {
        AtomicReference<RateBudgetState> last = new AtomicReference<>(state.get());
        return () -> {
            try {
                RateBudgetState now = state.get();
                last.set(now);
                return now;
            } catch (IllegalStateException closed) {
                return last.get();
            }
        };
    }

    /** Each teardown that completed with failures, in full: what was not destroyed, and why. */
    private void printReportsWithFailures(Map<DropletId, AwaitResult> results) {
        boolean printed = false;
        for (AwaitResult result : results.values()) {
            if (WatchEnd.of(result) == WatchEnd.COMPLETED_WITH_FAILURES) {
                context.out().print("\n" + HumanReport.of(result.last().orElseThrow()));
                printed = true;
            }
        }
        if (printed) {
            context.out().println();
        }
    }

    /** What a watch stopped by a signal prints: the summary as it stands, and on stderr that it was stopped. */
    private void stopped(FleetPrinter printer) {
        printer.finish();
        printer.printSummary();
        context.out().flush();
        context.err().println("teardown: interrupted while watching " + count(printer.stillWatched(), "droplet"));
        context.err().flush();
    }

    /** On stderr, what the lines on stdout do not say: why a status could not be had, and what to do. */
    private void explain(Map<DropletId, AwaitResult> results, StopOnRefusal refusal, RateBudgetState budget) {
        List<String> failures = new ArrayList<>();
        List<DropletId> inProgress = new ArrayList<>();
        List<DropletId> notAsked = new ArrayList<>();
        for (Map.Entry<DropletId, AwaitResult> entry : results.entrySet()) {
            AwaitResult result = entry.getValue();
            if (result.reason() == StopReason.DEADLINE && result.last().isPresent()) {
                inProgress.add(entry.getKey());
            } else if (result.reason() == StopReason.DEADLINE && result.lastFailure().isEmpty()) {
                notAsked.add(entry.getKey());
            } else if (result.reason() != StopReason.TERMINAL) {
                result.lastFailure().ifPresent(failure -> failures.add(FailureMessages.of(failure)));
            }
        }
        for (String failure : failures.subList(0, Math.min(NAMED, failures.size()))) {
            context.err().println(failure);
        }
        if (failures.size() > NAMED) {
            context.err().println("teardown: and " + count(failures.size() - NAMED, "droplet")
                    + " more whose status could not be had (--json shows each failure)");
        }
        if (refusal.givenUp > 0) {
            context.err().println("teardown: " + count(refusal.givenUp, "other droplet") + " not asked: the token's "
                    + refusal.refusal.orElseThrow().reason().name().toLowerCase(Locale.ROOT)
                    + " failure would be the same for each");
        }
        String timeout = Durations.format(options.timeout());
        if (!inProgress.isEmpty()) {
            context.err().println("teardown: " + count(inProgress.size(), "droplet") + " still in progress after "
                    + timeout + " (the --timeout): " + named(inProgress) + "; watch again to follow them further");
        }
        if (!notAsked.isEmpty()) {
            context.err().println("teardown: " + count(notAsked.size(), "droplet") + " not asked before the --timeout of "
                    + timeout + ": " + named(notAsked) + "; the rate budget allows " + budget.allowedPerMinute()
                    + " requests a minute and " + budget.allowedPerHour() + " an hour (--budget-share); allow"
                    + " longer with --timeout");
        }
    }

    private static String named(List<DropletId> ids) {
        String named = ids.stream().limit(NAMED).map(DropletId::toString).collect(Collectors.joining(", "));
        return ids.size() > NAMED ? named + " and " + (ids.size() - NAMED) + " more" : named;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Passes everything to the printer; once the token is refused (it is not valid, or lacks a scope),
     * stops watching every other droplet, since asking about each would only be refused the same way.
     */
    private static final class StopOnRefusal implements WatchListener {
        private final FleetPrinter printer;
        private FleetWatch watch;
        private Optional<TeardownApiException> refusal = Optional.empty();
        private int givenUp;

        StopOnRefusal(FleetPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void onObservation(AwaitObservation observation) {
            printer.onObservation(observation);
            if (refusal.isEmpty() && observation instanceof AwaitObservation.Failed failed
                    && (failed.failure().reason() == Reason.AUTHENTICATION || failed.failure().reason() == Reason.PERMISSION)) {
                refusal = Optional.of(failed.failure());
                Set<DropletId> others = new HashSet<>(watch.watching());
                others.remove(observation.dropletId());
                others.removeIf(id -> !watch.remove(id));
                givenUp = others.size();
                printer.givenUp(others, "not asked: the token was refused");
            }
        }

        @Override
        public void onEnded(DropletId dropletId, AwaitResult result) {
            printer.onEnded(dropletId, result);
        }
    }
}
