package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import java.util.Optional;

/**
 * The typed confirmation before a command that cannot be undone: the person at the terminal types the
 * droplet id. Without a terminal there is no one to ask, and the command is refused unless {@code --yes}
 * said yes beforehand.
 */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * Refuses, in one line on stderr, when no one can confirm: standard input is not a terminal. Nothing
     * has been sent then.
     *
     * @return true when the command may go on to ask
     */
    static boolean canAsk(CliContext context, String command, DropletId dropletId) {
        if (context.input().interactive()) {
            return true;
        }
        context.err().println("teardown: " + command + " of droplet " + dropletId + " not confirmed:"
                + " standard input is not a terminal to type the droplet id at; add --yes to " + command
                + " without asking" + (command.equals("destroy") ? " (--dry-run shows what it would destroy)" : "")
                + "; nothing was sent");
        return false;
    }

    /**
     * Asks on stderr for the droplet id and reads one line: true when it is the id (blanks around it
     * aside); otherwise says, in one line, that nothing was done.
     *
     * @param what what typing the id does, such as {@code "destroy it as planned"}
     */
    static boolean confirmed(CliContext context, DropletId dropletId, String command, String what) {
        context.err().print("Type the droplet id (" + dropletId + ") to " + what + ", anything else to cancel: ");
        context.err().flush();
        Optional<String> typed = context.input().readLine();
        if (typed.isPresent() && typed.get().strip().equals(dropletId.toString())) {
            return true;
        }
        String why = typed.map(line -> "typed '" + Printable.of(line.strip()) + "', not " + dropletId)
                .orElse("no answer (end of input)");
        // At the end of input the cursor is still on the prompt's line.
        context.err().println((typed.isEmpty() ? "\n" : "") + "teardown: " + command + " of droplet " + dropletId
                + " not confirmed: " + why + "; nothing was sent");
        return false;
    }
}
