package dev.teardown.sandbox;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox as a process of its own, for demos and scripts that start it once and point several
 * commands at it: {@code java -cp teardown.jar dev.teardown.sandbox.SandboxMain --port 8080}. It prints
 * its URL, serves with real time until it is stopped (Ctrl-C, SIGTERM), then prints its statistics.
 */
public final class SandboxMain {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -cp teardown.jar dev.teardown.sandbox.SandboxMain [--port N] [--per-minute N] [--per-hour N]",
            "Runs the fake DigitalOcean API on a loopback port until stopped; any non-blank bearer token is accepted.",
            "  --port N        loopback port to listen on (default 0: a free one, printed at start)",
            "  --per-minute N  requests per token in any minute (default " + SandboxServer.DEFAULT_PER_MINUTE + ")",
            "  --per-hour N    requests per token in any hour (default " + SandboxServer.DEFAULT_PER_HOUR + ")",
            "Statistics: GET " + SandboxServer.STATISTICS_PATH + " on the same port, and on stderr when stopped.");

    private SandboxMain() {
    }

    /** What the command line asked for. */
    record Options(int port, int perMinute, int perHour, boolean help) {
    }

    /**
     * Starts the sandbox and waits until the process is stopped; exits 2 after a one-line message on a
     * bad command line.
     */
    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("teardown sandbox: " + e.getMessage() + "; see --help");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        SandboxServer sandbox = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(sandbox, System.err);
            stopped.countDown();
        }, "teardown-sandbox-stop"));
        stopped.await();
    }

    /** Starts a sandbox with real time as the options say and prints where it listens. */
    static SandboxServer start(Options options, PrintStream out) {
        SandboxServer sandbox = SandboxServer.builder()
                .port(options.port())
                .rateLimits(options.perMinute(), options.perHour())
                .start();
        out.println("teardown sandbox listening on " + sandbox.uri()
                + " (statistics: " + sandbox.uri() + SandboxServer.STATISTICS_PATH + ")");
        out.flush();
        return sandbox;
    }

    /** Stops the sandbox and prints what it served. */
    static void stop(SandboxServer sandbox, PrintStream out) {
        SandboxStatistics statistics = sandbox.statistics();
        sandbox.close();
        out.println("teardown sandbox served " + statistics.summary());
        out.flush();
    }

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming what was wrong
     */
    static Options parse(String... args) {
        Objects.requireNonNull(args, "args");
        int port = 0;
        int perMinute = SandboxServer.DEFAULT_PER_MINUTE;
        int perHour = SandboxServer.DEFAULT_PER_HOUR;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "-h", "--help" -> {
                    return new Options(port, perMinute, perHour, true);
                }
                case "--port" -> port = number(option, value(args, i++), 0, 65_535);
                case "--per-minute" -> perMinute = number(option, value(args, i++), 1, Integer.MAX_VALUE);
                case "--per-hour" -> perHour = number(option, value(args, i++), 1, Integer.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown option '" + shown(option) + "'");
            }
        }
        return new Options(port, perMinute, perHour, false);
    }

    private static String value(String[] args, int optionIndex) {
        if (optionIndex + 1 >= args.length) {
            throw new IllegalArgumentException(args[optionIndex] + " needs a value");
        }
        return args[optionIndex + 1];
    }

    private static int number(String option, String text, int least, int most) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(option + " must be a whole number from " + least + " to " + most
                + ", was '" + shown(text) + "'");
    }

    /** At most 40 printable ASCII characters of what the user typed. */
    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < 40; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > 40 ? shown + "..." : shown.toString();
    }
}
