package dev.teardown.app;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what the modules opened (connection pools, the sandbox), last opened first. */
public final class Lifecycle implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private boolean closed;

    /**
     * Registers something to close with the application; returns it.
     *
     * @throws IllegalStateException after {@link #close()}, having closed what it was given: nothing
     *     may stay open behind a closed application
     */
    public synchronized <T extends AutoCloseable> T register(T closeable) {
        if (closed) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closed, and could not close what was opened too late", e);
            }
            throw new IllegalStateException("closed: nothing may be opened after close()");
        }
        opened.push(closeable);
        return closeable;
    }

    @Override
    public synchronized void close() {
        closed = true;
        RuntimeException failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not close every resource", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
