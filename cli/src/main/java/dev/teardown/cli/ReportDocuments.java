package dev.teardown.cli;

import dev.teardown.domain.Inconsistency;
import dev.teardown.domain.ResourceKind;
import dev.teardown.domain.ResourceTeardown;
import dev.teardown.domain.TeardownProgress;
import dev.teardown.domain.TeardownStatus;
import dev.teardown.ports.in.StatusAnswer;
import dev.teardown.ports.in.TeardownReport;
import dev.teardown.ports.out.TeardownApiException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code --json} documents: one per status, one per failed lookup. */
final class ReportDocuments {

    private ReportDocuments() {
    }

    static String of(StatusAnswer check) {
        if (check instanceof StatusAnswer.Reported reported) {
            return Json.write(report(reported.report()));
        }
        Map<String, Object> notFound = new LinkedHashMap<>();
        notFound.put("droplet_id", check.dropletId().value());
        notFound.put("outcome", "not_found");
        return Json.write(notFound);
    }

    static String failure(TeardownApiException failure) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("droplet_id", failure.dropletId().value());
        document.put("error", error(failure));
        return Json.write(document);
    }

    /** {@code {"reason":"server_error","message":"…","http_status":503,"request_id":"…","retry_allowed_at":null}}. */
    static Map<String, Object> error(TeardownApiException failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("reason", lower(failure.reason()));
        error.put("message", failure.getMessage());
        error.put("http_status", failure.httpStatus().isPresent() ? failure.httpStatus().getAsInt() : null);
        error.put("request_id", failure.requestId().orElse(null));
        error.put("retry_allowed_at", failure.retryAllowedAt().map(Instant::toString).orElse(null));
        return error;
    }

    private static Map<String, Object> report(TeardownReport report) {
        TeardownStatus status = report.status();
        TeardownProgress progress = report.progress();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", progress.total());
        counts.put("destroyed", progress.destroyed());
        counts.put("failed", progress.failed());
        counts.put("pending", progress.pending());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("droplet_id", status.dropletId().value());
        document.put("outcome", lower(report.outcome()));
        document.put("completed_at", status.completedAt().map(Instant::toString).orElse(null));
        document.put("failures", status.reportedFailures().isPresent() ? status.reportedFailures().getAsInt() : null);
        document.put("progress", counts);
        document.put("droplet", status.droplet().map(ReportDocuments::resource).orElse(null));
        document.put("resources", status.resources().stream().map(ReportDocuments::resource).toList());
        document.put("inconsistencies", report.inconsistencies().stream().map(Inconsistency::description).toList());
        return document;
    }

    private static Map<String, Object> resource(ResourceTeardown resource) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", kindName(resource.kind()));
        document.put("id", resource.id());
        document.put("name", resource.name());
        document.put("state", lower(resource.state()));
        document.put("destroyed_at", resource.destroyedAt().map(Instant::toString).orElse(null));
        document.put("error_message", resource.errorMessage().orElse(null));
        return document;
    }

    /** {@code reserved_ip}, {@code volume_snapshot}, {@code droplet}: the singular of the API's list names. */
    static String kindName(ResourceKind kind) {
        return lower(kind);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
