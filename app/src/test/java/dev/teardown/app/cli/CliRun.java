package dev.teardown.app.cli;

import dev.teardown.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command as its main does, on a manual clock, and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> environment, String... args) {
        return of(environment, false, args);
    }

    static CliRun of(Map<String, String> environment, boolean terminal, String... args) {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal, clock, clock.sleeper());
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun sandbox(String... args) {
        String[] withSandbox = new String[args.length + 1];
        System.arraycopy(args, 0, withSandbox, 0, args.length);
        withSandbox[args.length] = "--sandbox";
        return of(Map.of(), withSandbox);
    }
}
