package dev.teardown.cli;

import dev.teardown.ports.out.Sleeper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/**
 * What the command receives from the process: environment, streams, whether stdout is a terminal, time,
 * the system properties (for Java's proxy settings), where to hook what happens when the process
 * is asked to stop, the terminal a person types confirmations at, and standard input
 * ({@code watch --ids-from -}).
 */
record CliContext(
        Map<String, String> environment, PrintWriter out, PrintWriter err, boolean terminal, Clock clock,
        Sleeper sleeper, Properties systemProperties, ShutdownHooks shutdownHooks, TerminalInput input, InputStream in) {

    /** A context where no one can type (every confirmation is refused) and standard input is empty. */
    CliContext(Map<String, String> environment, PrintWriter out, PrintWriter err, boolean terminal, Clock clock,
            Sleeper sleeper, Properties systemProperties, ShutdownHooks shutdownHooks) {
        this(environment, out, err, terminal, clock, sleeper, systemProperties, shutdownHooks, TerminalInput.none(),
                InputStream.nullInputStream());
    }
}
