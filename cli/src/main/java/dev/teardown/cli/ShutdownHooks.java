package dev.teardown.cli;

/**
 * What the command does when the process is asked to stop (SIGINT, SIGTERM): the JVM's shutdown hooks
 * in the real command, which then exits with 128 + the signal's number (130, 143); nothing when the
 * command runs inside another program or a test.
 */
interface ShutdownHooks {

    /** Runs {@code hook} if the process shuts down before the returned registration is closed. */
    Registration add(Runnable hook);

    /** A hook that is no longer wanted once closed. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    static ShutdownHooks jvm() {
        return hook -> {
            Thread thread = new Thread(hook, "teardown-shutdown");
            Runtime.getRuntime().addShutdownHook(thread);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(thread);
                } catch (IllegalStateException shuttingDown) {
                    // The process is shutting down already: the hook runs (or ran), and is what should happen.
                }
            };
        };
    }

    static ShutdownHooks none() {
        return hook -> () -> { };
    }
}
