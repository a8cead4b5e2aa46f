package dev.teardown.app.cli;

import dev.teardown.ports.out.Sleeper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code teardown} command's entry point. */
public final class Main {

    /**
     * Caffeine logs every failed lookup with a stack trace; the command reports failures itself, in
     * one line. Held here because the JDK's logging keeps loggers only weakly.
     */
    private static final Logger CAFFEINE = Logger.getLogger("com.github.benmanes.caffeine");

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.getenv(), System.getProperties(), System.out, System.err,
                System.console() != null, Clock.systemUTC(), Sleeper.system());
        System.exit(exitCode);
    }

    /** Runs the command as {@code main} does, without exiting: for tests and for embedding the CLI. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
            boolean terminal, Clock clock, Sleeper sleeper) {
        return run(args, environment, System.getProperties(), out, err, terminal, clock, sleeper);
    }

    /** Runs the command with these system properties in place of the process's (Java's proxy settings). */
    public static int run(String[] args, Map<String, String> environment, Properties systemProperties, PrintStream out,
            PrintStream err, boolean terminal, Clock clock, Sleeper sleeper) {
        CAFFEINE.setLevel(Level.OFF);
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(environment, outWriter, errWriter, terminal, clock, sleeper, systemProperties);
        try {
            return TeardownCommand.commandLine(context).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }
}
