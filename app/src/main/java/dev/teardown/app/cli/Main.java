package dev.teardown.app.cli;

import dev.teardown.ports.Sleeper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
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
        int exitCode = run(args, System.getenv(), System.out, System.err, System.console() != null,
                Clock.systemUTC(), Sleeper.system(), ShutdownHooks.jvm());
        System.exit(exitCode);
    }

    /** Runs the command as {@code main} does, without exiting: for tests and for embedding the CLI. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
            boolean terminal, Clock clock, Sleeper sleeper) {
        return run(args, environment, out, err, terminal, clock, sleeper, ShutdownHooks.none());
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
            boolean terminal, Clock clock, Sleeper sleeper, ShutdownHooks shutdownHooks) {
        CAFFEINE.setLevel(Level.OFF);
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(environment, outWriter, errWriter, terminal, clock, sleeper, shutdownHooks);
        try {
            return TeardownCommand.commandLine(context).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }
}
