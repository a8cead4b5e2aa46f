package dev.teardown.cli;

import dev.teardown.ports.out.Sleeper;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/** The {@code teardown} command's entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.getenv(), System.getProperties(), System.in, System.out, System.err,
                System.console() != null, Clock.systemUTC(), Sleeper.system(), ShutdownHooks.jvm(), TerminalInput.system());
        System.exit(exitCode);
    }

    /** Runs the command as {@code main} does, without exiting: for tests and for embedding the CLI. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
            boolean terminal, Clock clock, Sleeper sleeper) {
        return run(args, environment, System.getProperties(), out, err, terminal, clock, sleeper, ShutdownHooks.none());
    }

    /** Runs the command with these system properties in place of the process's (Java's proxy settings). */
    public static int run(String[] args, Map<String, String> environment, Properties systemProperties, PrintStream out,
            PrintStream err, boolean terminal, Clock clock, Sleeper sleeper) {
        return run(args, environment, systemProperties, out, err, terminal, clock, sleeper, ShutdownHooks.none());
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
            boolean terminal, Clock clock, Sleeper sleeper, ShutdownHooks shutdownHooks) {
        return run(args, environment, System.getProperties(), out, err, terminal, clock, sleeper, shutdownHooks);
    }

    static int run(String[] args, Map<String, String> environment, Properties systemProperties, PrintStream out,
            PrintStream err, boolean terminal, Clock clock, Sleeper sleeper, ShutdownHooks shutdownHooks) {
        return run(args, environment, systemProperties, System.in, out, err, terminal, clock, sleeper, shutdownHooks,
                TerminalInput.none());
    }

    /** Runs the command with {@code in} as its standard input; no one types confirmations. */
    static int run(String[] args, Map<String, String> environment, Properties systemProperties, InputStream in,
            PrintStream out, PrintStream err, boolean terminal, Clock clock, Sleeper sleeper,
            ShutdownHooks shutdownHooks) {
        return run(args, environment, systemProperties, in, out, err, terminal, clock, sleeper, shutdownHooks,
                TerminalInput.none());
    }

    /** As {@code main} runs it: {@code in} is standard input, and confirmations are typed at {@code input}. */
    static int run(String[] args, Map<String, String> environment, Properties systemProperties, InputStream in,
            PrintStream out, PrintStream err, boolean terminal, Clock clock, Sleeper sleeper,
            ShutdownHooks shutdownHooks, TerminalInput input) {
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(
                environment, outWriter, errWriter, terminal, clock, sleeper, systemProperties, shutdownHooks, input, in);
        try {
            return TeardownCommand.commandLine(context).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }
}
