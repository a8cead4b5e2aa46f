package dev.teardown.cli;

import dev.teardown.domain.TeardownProgress;
import dev.teardown.ports.in.AwaitListener;
import dev.teardown.ports.in.AwaitObservation;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws a wait as it goes: a progress bar redrawn in place on a terminal, one line per change
 * otherwise, or one JSON object per observation.
 *
 * <p>It owns standard output until the wait's output {@link #end(Runnable) ends}, once: normally with
 * the final report, or from a shutdown hook (SIGINT, SIGTERM) with the last report seen, whichever
 * comes first; the other then prints nothing. A write that fails (a closed pipe) ends the wait with
 * {@link ClosedOutputException}, so that no lookup is spent on output no one reads.
 */
abstract class WatchPrinter implements AwaitListener {

    protected final PrintWriter out;
    protected final Instant start;
    private final HeldOutput output;
    private Optional<StatusAnswer> lastSeen = Optional.empty();

    private WatchPrinter(PrintWriter out, Instant start) {
        this.out = out;
        this.start = start;
        this.output = new HeldOutput(out);
    }

    @Override
    public final void onObservation(AwaitObservation observation) {
        output.write(() -> {
            if (observation instanceof AwaitObservation.Checked checked) {
                lastSeen = Optional.of(checked.check());
            }
            draw(observation);
        });
    }

    /** Draws one observation; called with the output held. */
    protected abstract void draw(AwaitObservation observation);

    /** Ends the output with {@code ending} unless it has ended already; a write under way finishes first. */
    void end(Runnable ending) {
        output.end(ending);
    }

    /** As {@link #end(Runnable)}, for a shutdown hook: gives up after {@link HeldOutput#END_WAIT} rather than hold up the exit. */
    void endBeforeExit(Runnable ending) {
        output.endBeforeExit(ending);
    }

    /** The answer of the last lookup that answered, if any did. */
    Optional<StatusAnswer> lastSeen() {
        return output.read(() -> lastSeen);
    }

    static WatchPrinter json(PrintWriter out, Instant start) {
        return new JsonLines(out, start);
    }

    static WatchPrinter terminal(PrintWriter out, Instant start) {
        return new ProgressBar(out, start);
    }

    static WatchPrinter lines(PrintWriter out, Instant start) {
        return new ChangeLines(out, start);
    }

    /** Called once the wait is over, before the final report is printed. */
    void finish() {
    }

    protected String elapsed(Instant at) {
        return Durations.format(Duration.between(start, at));
    }

    protected static String summary(StatusAnswer check) {
        if (check instanceof StatusAnswer.Reported reported) {
            TeardownReport report = reported.report();
            TeardownProgress progress = report.progress();
            return String.format(Locale.ROOT, "%s: %d destroyed, %d failed, %d pending of %d",
                    HumanReport.outcome(report.outcome()), progress.destroyed(), progress.failed(),
                    progress.pending(), progress.total());
        }
        return "no teardown request known";
    }

    protected static String failure(AwaitObservation.Failed failed) {
        return "lookup failed (" + failed.failure().reason().name().toLowerCase(Locale.ROOT) + "), retrying: "
                + Printable.of(failed.failure().getMessage());
    }

    /** One JSON object per lookup, the final one last. */
    private static final class JsonLines extends WatchPrinter {
        JsonLines(PrintWriter out, Instant start) {
            super(out, start);
        }

        @Override
        protected void draw(AwaitObservation observation) {
            if (observation instanceof AwaitObservation.Checked checked) {
                out.println(ReportDocuments.of(checked.check()));
            } else if (observation instanceof AwaitObservation.Failed failed) {
                out.println(ReportDocuments.failure(failed.failure()));
            }
            out.flush();
        }
    }

    /** A line each time what the lookup says changes. */
    private static final class ChangeLines extends WatchPrinter {
        private String last;

        ChangeLines(PrintWriter out, Instant start) {
            super(out, start);
        }

        @Override
        protected void draw(AwaitObservation observation) {
            String line = null;
            if (observation instanceof AwaitObservation.Checked checked) {
                line = summary(checked.check());
            } else if (observation instanceof AwaitObservation.Failed failed) {
                line = failure(failed);
            }
            if (line != null && !line.equals(last)) {
                last = line;
                out.println("[" + elapsed(observation.at()) + "] " + line);
                out.flush();
            }
        }
    }

    /** A bar redrawn in place with carriage returns. */
    private static final class ProgressBar extends WatchPrinter {
        private static final int WIDTH = 30;
        private int drawn;
        private String status = "starting";
        private double fraction;

        ProgressBar(PrintWriter out, Instant start) {
            super(out, start);
        }

        @Override
        protected void draw(AwaitObservation observation) {
            if (observation instanceof AwaitObservation.Checked checked) {
                status = summary(checked.check());
                if (checked.check() instanceof StatusAnswer.Reported reported) {
                    fraction = reported.report().progress().fractionDone();
                }
            } else if (observation instanceof AwaitObservation.Failed failed) {
                status = failure(failed);
            } else {
                // A pause changes nothing on the bar.
                return;
            }
            redraw(observation.at());
        }

        private void redraw(Instant at) {
            int filled = (int) Math.round(fraction * WIDTH);
            String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)) + "  " + status
                    + "  " + elapsed(at);
            int previous = drawn;
            drawn = line.length();
            out.print("\r" + line + " ".repeat(Math.max(0, previous - line.length())));
            out.flush();
        }

        @Override
        void finish() {
            if (drawn > 0) {
                out.println();
                out.flush();
            }
        }
    }
}
