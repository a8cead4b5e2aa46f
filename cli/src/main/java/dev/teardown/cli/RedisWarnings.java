package dev.teardown.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * While a command shares a Redis, what the shared tier logs (a warning when Redis goes away; with
 * {@code --verbose}, a note when it is back) goes to the command's standard error as one
 * {@code teardown: } line, not as the JDK logger's two-line default.
 */
final class RedisWarnings extends Handler implements AutoCloseable {

    /** The logger of {@code RedisTier} in {@code adapters-redis}, by name: the command does not load that class. */
    static final String LOGGER = "dev.teardown.adapters.redis";

    private final Logger logger = Logger.getLogger(LOGGER);
    private final PrintWriter err;
    private final Level previousLevel;
    private final boolean previousUseParentHandlers;

    private RedisWarnings(PrintWriter err, Level level) {
        this.err = err;
        this.previousLevel = logger.getLevel();
        this.previousUseParentHandlers = logger.getUseParentHandlers();
        setLevel(level);
    }

    /** Sends the shared tier's warnings (and, when verbose, its notes) to {@code err} until closed. */
    static RedisWarnings toStderr(PrintWriter err, boolean verbose) {
        RedisWarnings warnings = new RedisWarnings(err, verbose ? Level.INFO : Level.WARNING);
        warnings.logger.setLevel(warnings.getLevel());
        warnings.logger.setUseParentHandlers(false);
        warnings.logger.addHandler(warnings);
        return warnings;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String kind = record.getLevel().intValue() >= Level.WARNING.intValue() ? "warning: " : "";
        err.println("teardown: " + kind + Printable.of(record.getMessage()));
        err.flush();
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParentHandlers);
    }
}
