package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.AwaitResult;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.WatchListener;
import dev.teardown.ports.out.RateBudgetState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Draws a watch of many droplets as it goes, and keeps the tally its summary and exit code come from:
 * on a terminal, a live line per droplet redrawn in place above a summary line; otherwise one line per
 * change, each starting with the droplet's id; or one JSON object per change. Each ends with a summary.
 *
 * <p>Like {@link WatchPrinter}, it owns standard output until its output {@link #end(Runnable) ends},
 * once, normally or from a shutdown hook; a write that fails ends the watch with
 * {@link ClosedOutputException}.
 */
abstract class FleetPrinter implements WatchListener {

    protected final PrintWriter out;
    protected final Instant start;
    protected final Duration timeout;
    private final Supplier<RateBudgetState> budget;
    private final HeldOutput output;
    private final Map<DropletId, Droplet> droplets = new LinkedHashMap<>();

    /** What is known of one watched droplet. */
    protected static final class Droplet {
        final DropletId id;
        Optional<StatusAnswer> lastSeen = Optional.empty();
        /** What was last printed for it: a line, or a JSON document. */
        String lastShown;
        /** How its watch ended; null while it is watched. */
        WatchEnd end;
        /** The line that says how its watch ended, once it has. */
        String endLine;

        Droplet(DropletId id) {
            this.id = id;
        }
    }

    private FleetPrinter(PrintWriter out, Instant start, Duration timeout, Collection<DropletId> ids,
            Supplier<RateBudgetState> budget) {
        this.out = out;
        this.output = new HeldOutput(out);
        this.start = start;
        this.timeout = timeout;
        this.budget = budget;
        for (DropletId id : ids) {
            droplets.put(id, new Droplet(id));
        }
    }

    static FleetPrinter json(PrintWriter out, Instant start, Duration timeout, Collection<DropletId> ids,
            Supplier<RateBudgetState> budget) {
        return new JsonLines(out, start, timeout, ids, budget);
    }

    static FleetPrinter lines(PrintWriter out, Instant start, Duration timeout, Collection<DropletId> ids,
            Supplier<RateBudgetState> budget) {
        return new ChangeLines(out, start, timeout, ids, budget);
    }

    static FleetPrinter terminal(PrintWriter out, Instant start, Duration timeout, Collection<DropletId> ids,
            Supplier<RateBudgetState> budget, int columns) {
        return new LiveLines(out, start, timeout, ids, budget, columns);
    }

    @Override
    public final void onObservation(AwaitObservation observation) {
        output.write(() -> {
            Droplet droplet = droplets.get(observation.dropletId());
            if (droplet == null || observation instanceof AwaitObservation.Waiting) {
                return;
            }
            if (observation instanceof AwaitObservation.Checked checked) {
                droplet.lastSeen = Optional.of(checked.check());
            }
            draw(droplet, observation);
        });
    }

    @Override
    public final void onEnded(DropletId dropletId, AwaitResult result) {
        output.write(() -> {
            Droplet droplet = droplets.get(dropletId);
            if (droplet == null || droplet.end != null) {
                return;
            }
            droplet.end = WatchEnd.of(result);
            droplet.endLine = result.reason() == AwaitResult.StopReason.TERMINAL
                    ? WatchPrinter.summary(result.last().orElseThrow()) : endText(result);
            drawEnd(droplet, result.elapsed());
        });
    }

    /** These droplets will not be asked about again: their status is not known, for this reason. */
    final void givenUp(Set<DropletId> ids, String reason) {
        output.write(() -> {
            for (Droplet droplet : droplets.values()) {
                if (ids.contains(droplet.id) && droplet.end == null) {
                    droplet.end = WatchEnd.UNAVAILABLE;
                    droplet.endLine = reason;
                    drawEnd(droplet, Duration.ZERO);
                }
            }
        });
    }

    /** Draws a lookup's answer or failure; called with the output held. */
    protected abstract void draw(Droplet droplet, AwaitObservation observation);

    /** Draws the end of a droplet's watch; called with the output held. */
    protected abstract void drawEnd(Droplet droplet, Duration elapsed);

    /** Prints the summary, the last thing printed; called with the output held. */
    protected abstract void printSummary();

    /** Called once the watch is over, before the summary. */
    protected void finish() {
    }

    /** Ends the output with {@code ending} unless it has ended already; a write under way finishes first. */
    final void end(Runnable ending) {
        output.end(ending);
    }

    /** As {@link #end(Runnable)}, for a shutdown hook: gives up after {@link HeldOutput#END_WAIT} rather than hold up the exit. */
    final void endBeforeExit(Runnable ending) {
        output.endBeforeExit(ending);
    }

    /** The droplets, in the order they were given; read with the output held (inside an ending). */
    protected final Collection<Droplet> droplets() {
        return droplets.values();
    }

    /** How each droplet stands: how its watch ended, else what was last seen of it (in progress until told otherwise). */
    final Map<WatchEnd, Integer> tally() {
        Map<WatchEnd, Integer> counts = new EnumMap<>(WatchEnd.class);
        for (WatchEnd end : WatchEnd.values()) {
            counts.put(end, 0);
        }
        for (Droplet droplet : droplets.values()) {
            counts.merge(standing(droplet), 1, Integer::sum);
        }
        return counts;
    }

    private static WatchEnd standing(Droplet droplet) {
        if (droplet.end != null) {
            return droplet.end;
        }
        // still watched: its status may yet come, so it counts as in progress
        WatchEnd seen = WatchEnd.seen(droplet.lastSeen);
        return seen == WatchEnd.UNAVAILABLE ? WatchEnd.IN_PROGRESS : seen;
    }

    /** How many droplets are still watched; read with the output held (inside an ending). */
    final int stillWatched() {
        return (int) droplets.values().stream().filter(droplet -> droplet.end == null).count();
    }

    /** The worst way a droplet's watch ended (its exit code); a droplet still watched counts by what was last seen of it. */
    final WatchEnd worst() {
        List<WatchEnd> ends = new ArrayList<>();
        for (Droplet droplet : droplets.values()) {
            ends.add(droplet.end != null ? droplet.end : WatchEnd.seen(droplet.lastSeen));
        }
        return WatchEnd.worst(ends);
    }

    /** {@code 3 succeeded, 1 failed, 1 in progress, 1 not found, 0 unknown · requests used 27 of 4000 an hour}. */
    protected final String summaryLine() {
        Map<WatchEnd, Integer> counts = tally();
        List<String> parts = new ArrayList<>();
        for (WatchEnd end : List.of(WatchEnd.SUCCEEDED, WatchEnd.COMPLETED_WITH_FAILURES, WatchEnd.IN_PROGRESS,
                WatchEnd.NOT_FOUND, WatchEnd.UNAVAILABLE)) {
            parts.add(counts.get(end) + " " + end.text());
        }
        RateBudgetState state = budget.get();
        return String.join(", ", parts) + String.format(Locale.ROOT, " · requests used %d of %d an hour",
                state.usedLastHour(), state.allowedPerHour());
    }

    /** {@code {"summary":{"watched":6,"succeeded":3,…,"requests_used":27,"requests_allowed_per_hour":4000}}}. */
    protected final String summaryDocument() {
        Map<WatchEnd, Integer> counts = tally();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("watched", droplets.size());
        for (WatchEnd end : List.of(WatchEnd.SUCCEEDED, WatchEnd.COMPLETED_WITH_FAILURES, WatchEnd.IN_PROGRESS,
                WatchEnd.NOT_FOUND, WatchEnd.UNAVAILABLE)) {
            summary.put(end.jsonName(), counts.get(end));
        }
        RateBudgetState state = budget.get();
        summary.put("requests_used", state.usedLastHour());
        summary.put("requests_allowed_per_hour", state.allowedPerHour());
        summary.put("requests_allowed_per_minute", state.allowedPerMinute());
        return Json.write(Map.of("summary", summary));
    }

    protected String elapsed(Instant at) {
        return Durations.format(Duration.between(start, at));
    }

    /** Why a droplet's watch ended without the end of its teardown. */
    private String endText(AwaitResult result) {
        String atTimeout = "the --timeout (" + Durations.format(timeout) + ")";
        return switch (result.reason()) {
            case DEADLINE -> result.last().isPresent() ? "still in progress at " + atTimeout
                    : result.lastFailure().isPresent() ? "no status before " + atTimeout
                    : "not asked before " + atTimeout + ": the rate budget had no request left for it";
            case RATE_LIMITED -> "rate limited by the API until " + result.lastFailure()
                    .flatMap(failure -> failure.retryAllowedAt()).map(Instant::toString).orElse("a time it did not say")
                    + ", after " + atTimeout;
            case FAILURES -> "gave up: " + result.polls() + " lookups failed, the last ones in a row";
            case PERMANENT_FAILURE -> "gave up: " + result.lastFailure()
                    .map(failure -> failure.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .orElse("a failure") + ", which waiting cannot change";
            case INTERRUPTED -> "interrupted";
            case TERMINAL -> WatchPrinter.summary(result.last().orElseThrow());
        };
    }

    /** One JSON object per change of a droplet (a report or a failed lookup), then the summary object. */
    private static final class JsonLines extends FleetPrinter {
        JsonLines(PrintWriter out, Instant start, Duration timeout, Collection<DropletId> ids,
                Supplier<RateBudgetState> budget) {
            super(out, start, timeout, ids, budget);
        }

        @Override
        protected void draw(Droplet droplet, AwaitObservation observation) {
            String document = observation instanceof AwaitObservation.Checked checked
                    ? ReportDocuments.of(checked.check())
                    : ReportDocuments.failure(((AwaitObservation.Failed) observation).failure());
            if (!document.equals(droplet.lastShown)) {
                droplet.lastShown = document;
                out.println(document);
                out.flush();
            }
        }

        @Override
        protected void drawEnd(Droplet droplet, Duration elapsed) {
            // the lines so far say it: the last report, or the failure that ended the watch
        }

        @Override
        protected void printSummary() {
            out.println(summaryDocument());
        }
    }

    /** A line each time what is known of a droplet changes, starting with its id. */
    private static final class ChangeLines extends FleetPrinter {
        ChangeLines(PrintWriter out, Instant start, Duration timeout, Collection<DropletId> ids,
                Supplier<RateBudgetState> budget) {
            super(out, start, timeout, ids, budget);
        }

        @Override
        protected void draw(Droplet droplet, AwaitObservation observation) {
            String line = observation instanceof AwaitObservation.Checked checked
                    ? WatchPrinter.summary(checked.check())
                    : WatchPrinter.failure((AwaitObservation.Failed) observation);
            if (!line.equals(droplet.lastShown)) {
                droplet.lastShown = line;
                out.println(droplet.id + " [" + elapsed(observation.at()) + "] " + line);
                out.flush();
            }
        }

        @Override
        protected void drawEnd(Droplet droplet, Duration elapsed) {
            if (!droplet.endLine.equals(droplet.lastShown)) {
                droplet.lastShown = droplet.endLine;
                out.println(droplet.id + " [" + elapsed(start.plus(elapsed)) + "] " + droplet.endLine);
                out.flush();
            }
        }

        @Override
        protected void printSummary() {
            out.println(summaryLine());
        }
    }

    /**
     * On a terminal: above, a line for each droplet whose watch ended, printed once; below, a block
     * redrawn in place (ANSI cursor movement) with a live line for each droplet still watched, at most
     * {@link #LIVE_LINES}, and the summary line.
     */
    private static final class LiveLines extends FleetPrinter {
        static final int LIVE_LINES = 20;
        private static final int BAR = 10;
        private static final String CLEAR_LINE = "\u001b[K";
        private static final String CLEAR_BELOW = "\u001b[J";
        private final int columns;
        private final Map<DropletId, String> live = new LinkedHashMap<>();
        private int drawn;
        private Instant lastSeenAt;

        LiveLines(PrintWriter out, Instant start, Duration timeout, Collection<DropletId> ids,
                Supplier<RateBudgetState> budget, int columns) {
            super(out, start, timeout, ids, budget);
            this.columns = columns;
            this.lastSeenAt = start;
            for (DropletId id : ids) {
                live.put(id, id + "  waiting for its first lookup");
            }
        }

        @Override
        protected void draw(Droplet droplet, AwaitObservation observation) {
            String status;
            if (observation instanceof AwaitObservation.Checked checked) {
                status = bar(checked.check()) + WatchPrinter.summary(checked.check());
            } else {
                status = WatchPrinter.failure((AwaitObservation.Failed) observation);
            }
            live.put(droplet.id, droplet.id + "  " + status);
            redraw(null, observation.at());
        }

        private static String bar(StatusAnswer check) {
            if (check instanceof StatusAnswer.Reported reported) {
                double fraction = reported.report().progress().fractionDone();
                int filled = (int) Math.round(fraction * BAR);
                return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] "
                        + String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)) + "  ";
                // the elapsed time is on the summary line: each droplet's line keeps its room for the counts
            }
            return "";
        }

        @Override
        protected void drawEnd(Droplet droplet, Duration elapsed) {
            live.remove(droplet.id);
            redraw(droplet.id + "  " + droplet.endLine + "  " + elapsed(start.plus(elapsed)), start.plus(elapsed));
        }

        /** Redraws the block as at {@code at}, first printing {@code ended} above it for good when not null. */
        private void redraw(String ended, Instant at) {
            if (at.isAfter(lastSeenAt)) {
                lastSeenAt = at;
            }
            StringBuilder screen = new StringBuilder();
            if (drawn > 0) {
                screen.append("\u001b[").append(drawn).append('A');
            }
            screen.append('\r');
            if (ended != null) {
                // printed for good above the block: wrapping it would not upset the block's count of lines
                screen.append(ended).append(CLEAR_LINE).append('\n');
            }
            List<String> block = new ArrayList<>();
            int shown = 0;
            for (String line : live.values()) {
                if (shown++ == LIVE_LINES) {
                    block.add("… and " + (live.size() - LIVE_LINES) + " more being watched");
                    break;
                }
                block.add(line);
            }
            String summary = summaryLine() + " · " + elapsed(lastSeenAt);
            int budgetPart = summary.indexOf(" · ");
            if (summary.length() < columns) {
                block.add(summary);
            } else {
                block.add(summary.substring(0, budgetPart));
                block.add(summary.substring(budgetPart + 3));
            }
            for (String line : block) {
                screen.append(fit(line)).append(CLEAR_LINE).append('\n');
            }
            screen.append(CLEAR_BELOW);
            drawn = block.size();
            out.print(screen);
            out.flush();
        }

        /** A line that wraps would break the count of lines to move up: cut it to the terminal's width. */
        private String fit(String line) {
            if (line.length() < columns) {
                return line;
            }
            int cut = Math.max(1, columns - 2);
            if (Character.isLowSurrogate(line.charAt(cut))) {
                cut--;
            }
            return line.substring(0, cut) + "…";
        }

        @Override
        protected void finish() {
            // the block goes; the summary is printed below the lines of the ended droplets
            if (drawn > 0) {
                out.print("\u001b[" + drawn + "A\r" + CLEAR_BELOW);
                drawn = 0;
            }
            for (Droplet droplet : droplets()) {
                if (droplet.end == null && live.containsKey(droplet.id)) {
                    out.println(fit(live.get(droplet.id)));
                }
            }
        }

        @Override
        protected void printSummary() {
            out.println(summaryLine());
        }
    }
}
