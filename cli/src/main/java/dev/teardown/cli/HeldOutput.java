package dev.teardown.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Standard output as a watch's printer owns it: one write at a time, until the output ends, once,
 * normally with the final report, or from a shutdown hook with the last one seen. A write that finds the
 * output closed (a reader that went away) ends it with a {@link ClosedOutputException}, so that no lookup
 * is spent on output no one reads.
 */
final class HeldOutput {

    /** How long a shutdown hook waits for a write under way (a reader that stopped reading may block it). */
    static final Duration END_WAIT = Duration.ofSeconds(2);

    private final PrintWriter out;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean ended;

    HeldOutput(PrintWriter out) {
        this.out = out;
    }

    /**
     * Runs {@code drawing} with the output held, unless the output has ended.
     *
     * @throws ClosedOutputException when what it wrote could not be written
     */
    void write(Runnable drawing) {
        lock.lock();
        try {
            if (ended) {
                return;
            }
            drawing.run();
            // PrintWriter keeps write errors to itself; checkError() flushes and tells.
            if (out.checkError()) {
                ended = true;
                throw new ClosedOutputException();
            }
        } finally {
            lock.unlock();
        }
    }

    /** What {@code reading} reads with the output held, so that no write is under way. */
    <T> T read(Supplier<T> reading) {
        lock.lock();
        try {
            return reading.get();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the output with {@code ending} unless it has ended already; a write under way finishes first. */
    void end(Runnable ending) {
        lock.lock();
        try {
            endHeld(ending);
        } finally {
            lock.unlock();
        }
    }

    /** As {@link #end(Runnable)}, for a shutdown hook: gives up after {@link #END_WAIT} rather than hold up the exit. */
    void endBeforeExit(Runnable ending) {
        try {
            if (!lock.tryLock(END_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            endHeld(ending);
        } finally {
            lock.unlock();
        }
    }

    private void endHeld(Runnable ending) {
        if (!ended) {
            ended = true;
            ending.run();
        }
    }
}
