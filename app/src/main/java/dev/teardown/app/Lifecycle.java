package dev.teardown.app;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what the modules opened (connection pools, the sandbox), last opened first. */
public final class Lifecycle implements AutoCloseable {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Registers something to close with the application; returns it. */
    public synchronized <T extends AutoCloseable> T register(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    @Override
    public synchronized void close() {
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
