package dev.teardown.cli;

import dev.teardown.domain.Inconsistency;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownOutcome;
import dev.teardown.domain.TeardownProgress;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as a person reads it: the outcome, the progress counts, then a table of resources. */
final class HumanReport {

    private static final List<String> HEADER = List.of("KIND", "NAME", "ID", "STATE", "DESTROYED AT", "ERROR");

    private HumanReport() {
    }

    static String of(StatusAnswer check) {
        if (check instanceof StatusAnswer.Reported reported) {
            return of(reported.report());
        }
        return "Droplet " + check.dropletId() + ": no teardown request is known for this droplet.\n";
    }

    static String of(TeardownReport report) {
        TeardownStatus status = report.status();
        StringBuilder out = new StringBuilder();
        out.append("Droplet ").append(status.dropletId()).append(": ").append(outcome(report.outcome()));
        status.completedAt().ifPresent(at -> out.append(" (completed ").append(at).append(')'));
        out.append('\n');
        out.append(counts(report.progress())).append('\n');
        out.append('\n').append(table(status.allResources()));
        if (report.outcome() == TeardownOutcome.COMPLETED_WITH_FAILURES && !status.notDestroyedResources().isEmpty()) {
            out.append("\nNot destroyed:\n");
            for (ResourceTeardown resource : status.notDestroyedResources()) {
                out.append("  - ").append(ReportDocuments.kindName(resource.kind())).append(' ')
                        .append(Printable.of(orDash(resource.name()))).append(" (").append(Printable.of(orDash(resource.id()))).append("): ")
                        .append(resource.errorMessage().map(message -> "failed: " + Printable.of(message)).orElse("still pending"))
                        .append('\n');
            }
        }
        if (!report.inconsistencies().isEmpty()) {
            out.append("\nThe status contradicts itself:\n");
            for (Inconsistency inconsistency : report.inconsistencies()) {
                out.append("  - ").append(Printable.of(inconsistency.description())).append('\n');
            }
        }
        return out.toString();
    }

    static String outcome(TeardownOutcome outcome) {
        return switch (outcome) {
            case IN_PROGRESS -> "in progress";
            case SUCCEEDED -> "succeeded";
            case COMPLETED_WITH_FAILURES -> "completed with failures";
        };
    }

    static String counts(TeardownProgress progress) {
        return String.format(Locale.ROOT, "%d destroyed, %d failed, %d pending of %d (%d%% done)",
                progress.destroyed(), progress.failed(), progress.pending(), progress.total(),
                Math.round(progress.fractionDone() * 100));
    }

    private static String table(List<ResourceTeardown> resources) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ResourceTeardown resource : resources) {
            rows.add(List.of(
                    ReportDocuments.kindName(resource.kind()),
                    orDash(Printable.of(resource.name())),
                    orDash(Printable.of(resource.id())),
                    resource.state().name().toLowerCase(Locale.ROOT),
                    resource.destroyedAt().map(Instant::toString).orElse("-"),
                    resource.errorMessage().map(Printable::of).orElse("")));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }
}
