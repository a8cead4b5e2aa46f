package dev.teardown.cli;

import dev.teardown.ports.out.Sleeper;
import dev.teardown.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the command as its main does, on a manual clock, and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> environment, String... args) {
        return of(environment, false, args);
    }

    static CliRun of(Map<String, String> environment, boolean terminal, String... args) {
        return of(environment, terminal, Long.MAX_VALUE, args);
    }

    /** As a user runs it with standard output that takes {@code outputLimit} bytes, then fails as a closed pipe does. */
    static CliRun of(Map<String, String> environment, boolean terminal, long outputLimit, String... args) {
        return of(environment, terminal, outputLimit, 0, args);
    }

    /**
     * As a user runs it and stops it (SIGINT, SIGTERM) during pause number {@code stopAtPause} (from 1;
     * 0 for never): the process's shutdown hooks run then, on another thread, as the JVM runs them.
     * Unlike the JVM, which halts once they are done, the command then goes on to its normal end.
     */
    static CliRun stoppedAt(int stopAtPause, boolean terminal, String... args) {
        return of(Map.of(), terminal, Long.MAX_VALUE, stopAtPause, args);
    }

    /** As a user runs it on a terminal and types at it: {@code input} answers each question. */
    static CliRun typing(Map<String, String> environment, TerminalInput input, String... args) {
        return of(environment, true, Long.MAX_VALUE, 0, input, new byte[0], args);
    }

    /** As a user runs it with {@code input} on standard input. */
    static CliRun withInput(byte[] input, Map<String, String> environment, boolean terminal, String... args) {
        return of(environment, terminal, Long.MAX_VALUE, 0, TerminalInput.none(), input, args);
    }

    /** As a user runs it and stops it during pause number {@code stopAtPause}, with this environment. */
    static CliRun stoppedAt(int stopAtPause, Map<String, String> environment, boolean terminal, String... args) {
        return of(environment, terminal, Long.MAX_VALUE, stopAtPause, args);
    }

    private static CliRun of(Map<String, String> environment, boolean terminal, long outputLimit, int stopAtPause,
            String... args) {
        return of(environment, terminal, outputLimit, stopAtPause, TerminalInput.none(), new byte[0], args);
    }

    private static CliRun of(Map<String, String> environment, boolean terminal, long outputLimit, int stopAtPause,
            TerminalInput input, byte[] stdin, String... args) {
        ManualClock clock = ManualClock.at("2026-11-29T10:00:00Z");
        ClosingOutput out = new ClosingOutput(outputLimit);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Runnable> hooks = new CopyOnWriteArrayList<>();
        ShutdownHooks shutdownHooks = hook -> {
            hooks.add(hook);
            return () -> hooks.remove(hook);
        };
        AtomicInteger pauses = new AtomicInteger();
        Sleeper sleeper = duration -> {
            if (pauses.incrementAndGet() == stopAtPause) {
                runOnAnotherThread(hooks);
            }
            clock.sleeper().sleep(duration);
        };
        int exitCode = Main.run(args, environment, System.getProperties(), new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal, clock, sleeper, shutdownHooks, input);
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void runOnAnotherThread(List<Runnable> hooks) throws InterruptedException {
        for (Runnable hook : hooks) {
            Thread thread = new Thread(hook, "test-shutdown-hook");
            thread.start();
            thread.join();
        }
    }

    static CliRun sandbox(String... args) {
        String[] withSandbox = new String[args.length + 1];
        System.arraycopy(args, 0, withSandbox, 0, args.length);
        withSandbox[args.length] = "--sandbox";
        return of(Map.of(), withSandbox);
    }

    /** Keeps what it is given up to a limit; past it, every write fails as one to a closed pipe does. */
    private static final class ClosingOutput extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final long limit;

        ClosingOutput(long limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            if (kept.size() + (long) length > limit) {
                throw new IOException("Broken pipe");
            }
            kept.write(bytes, offset, length);
        }

        synchronized String toString(Charset charset) {
            return kept.toString(charset);
        }
    }
}
