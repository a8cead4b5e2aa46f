package dev.teardown.cli;

import dev.teardown.ports.out.Sleeper;
import dev.teardown.sandbox.SandboxServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * Not a command: runs the commands users start most, once each, against an embedded sandbox on a
 * simulated clock (so that watch ends at once), for the build to list the classes, lambdas and method
 * handles they load into the class-data archive that ./teardown starts from (cli/pom.xml). Prints only
 * the commands that ended in a usage error or found no status, and then exits with 1: the build warns.
 */
final class StartupTraining {

    private StartupTraining() {
    }

    private static final Set<Integer> FAILED = Set.of(ExitCode.UNAVAILABLE, ExitCode.USAGE);

    public static void main(String[] args) {
        int failures = 0;
        SimulatedTime time = new SimulatedTime(Instant.parse("2026-01-01T00:00:00Z"));
        try (SandboxServer sandbox = SandboxServer.start(0, time)) {
            String url = sandbox.uri().toString();
            // As a user runs them: the token from the environment, the API's URL from a flag.
            Map<String, String> environment = Map.of(CliEnvironment.FALLBACK_TOKEN_VARIABLE, CliStack.SANDBOX_TOKEN);
            failures += run(environment, time, "status", "61486916", "--api-url", url);
            failures += run(environment, time, "status", "61486918", "--api-url", url, "--json");
            // An error answer: the error body's reader.
            failures += run(environment, time, "status", "1", "--api-url", url);
            failures += run(environment, time, "watch", "61486917", "--api-url", url);
            failures += run(environment, time, "watch", "70000000", "70000001", "--api-url", url);
            failures += run(environment, time, "resources", "61486919", "--api-url", url);
            failures += run(environment, time, "destroy", "61486919", "--all", "--dry-run", "--api-url", url);
            failures += run(environment, time, "destroy", "61486920", "--all", "--yes", "--watch", "--api-url", url);
            failures += run(environment, time, "retry", "61486920", "--yes", "--api-url", url);
            failures += run(Map.of(), time, "status", "--sandbox", "61486916");
            failures += run(Map.of(), time, "--version");
            failures += run(Map.of(), time, "status", "--help");
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    /** Runs one command; 1 if it failed as a usage error or an unavailable API would, else 0. */
    private static int run(Map<String, String> environment, SimulatedTime time, String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        int exitCode = Main.run(args, environment, System.getProperties(), nowhere, nowhere, false, time, time,
                ShutdownHooks.none());
        if (FAILED.contains(exitCode)) {
            System.err.println("startup training: teardown " + String.join(" ", args) + " exited with " + exitCode);
            return 1;
        }
        return 0;
    }

    /** A clock that a pause moves forward instead of waiting. */
    private static final class SimulatedTime extends Clock implements Sleeper {

        private volatile Instant now;

        SimulatedTime(Instant start) {
            this.now = start;
        }

        @Override
        public synchronized void sleep(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the training's clock is in UTC");
        }
    }
}
