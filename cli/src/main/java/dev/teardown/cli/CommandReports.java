package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import dev.teardown.ports.in.CommandAnswer;
import dev.teardown.ports.out.TeardownApiException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code destroy} and {@code retry} say of the API's answer: a line for a person, or
 * {@code {"droplet_id":N,"command":"destroy","result":"accepted","confirmation":"answered","error":null}}.
 */
final class CommandReports {

    private CommandReports() {
    }

    /** The command as a person names it: {@code destroy} or {@code retry}. */
    enum CommandName {
        DESTROY, RETRY;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static String human(CommandName command, CommandAnswer answer) {
        DropletId id = answer.dropletId();
        String follow = "follow it with: teardown watch " + id;
        if (answer instanceof CommandAnswer.Accepted accepted) {
            String how = accepted.confirmation() == CommandAnswer.Confirmation.SEEN_IN_STATUS
                    ? " (no answer came, but the status shows the teardown it started; it was not sent again)"
                    : "";
            return "Droplet " + id + ": " + command.word() + " accepted" + how + "; " + follow + "\n";
        }
        if (answer instanceof CommandAnswer.AlreadyInProgress) {
            return command == CommandName.DESTROY
                    ? "Droplet " + id + ": a destroy is already in progress, so this one was refused; " + follow + "\n"
                    : "Droplet " + id + ": a destroy is still in progress; retry once it has completed (" + follow + ")\n";
        }
        return command == CommandName.DESTROY
                ? "Droplet " + id + ": no such droplet (destroyed already, or never there); nothing was destroyed\n"
                : "Droplet " + id + ": no teardown request is known for this droplet; nothing to retry\n";
    }

    static String json(CommandName command, CommandAnswer answer) {
        String result;
        String confirmation = null;
        if (answer instanceof CommandAnswer.Accepted accepted) {
            result = "accepted";
            confirmation = accepted.confirmation().name().toLowerCase(Locale.ROOT);
        } else if (answer instanceof CommandAnswer.AlreadyInProgress) {
            result = "in_progress";
        } else {
            result = "not_found";
        }
        return Json.write(document(command, answer.dropletId(), result, confirmation, null));
    }

    /** {@code "result":"not_found"}: the droplet is unknown, found out before anything was sent. */
    static String notFoundJson(CommandName command, DropletId dropletId) {
        return Json.write(document(command, dropletId, "not_found", null, null));
    }

    /** {@code "result":"failed"} with the error; its reason {@code outcome_unknown} says the API may have accepted it. */
    static String failureJson(CommandName command, TeardownApiException failure) {
        return Json.write(document(command, failure.dropletId(), "failed", null, ReportDocuments.error(failure)));
    }

    private static Map<String, Object> document(CommandName command, DropletId dropletId, String result,
            String confirmation, Map<String, Object> error) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("droplet_id", dropletId.value());
        document.put("command", command.word());
        document.put("result", result);
        document.put("confirmation", confirmation);
        document.put("error", error);
        return document;
    }
}
