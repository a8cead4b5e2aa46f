package dev.teardown.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every record logged under the given {@code java.util.logging} names, at every level, whatever
 * the logging configuration says, until closed: to assert what teardown logs (such as one warning, not one
 * per call, when Redis goes away). teardown's classes log through {@code System.Logger}, whose default
 * backend is {@code java.util.logging}; HttpClient's SLF4J logging reaches it through {@code slf4j-jdk14}.
 *
 * <pre>{@code
 * try (JavaLogCapture log = JavaLogCapture.of("dev.teardown")) {
 *     ...
 *     assertThat(log.linesAtOrAbove(Level.WARNING)).hasSize(1);
 * }
 * }</pre>
 */
public final class JavaLogCapture extends Handler implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private JavaLogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing under these logger names (and every logger below them). */
    public static JavaLogCapture of(String... loggerNames) {
        JavaLogCapture capture = new JavaLogCapture();
        for (String name : loggerNames) {
            Logger logger = Logger.getLogger(name);
            capture.loggers.add(logger);
            capture.previousLevels.add(logger.getLevel());
            logger.setLevel(Level.ALL);
            logger.addHandler(capture);
        }
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** Every record as "logger message", its parameters filled in, followed by the stack trace of what it carries. */
    public synchronized List<String> lines() {
        return records.stream().map(record -> {
            StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ').append(formatter.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            return line.toString();
        }).toList();
    }

    /** {@link #lines()} joined by line breaks, to search the whole log at once. */
    public synchronized String all() {
        return String.join("\n", lines());
    }

    /** "LEVEL logger: message" of each record at {@code level} or above, its parameters filled in. */
    public synchronized List<String> linesAtOrAbove(Level level) {
        return records.stream()
                .filter(record -> record.getLevel().intValue() >= level.intValue())
                .map(record -> record.getLevel() + " " + record.getLoggerName() + ": " + formatter.formatMessage(record)
                        + (record.getThrown() == null ? "" : " " + record.getThrown()))
                .toList();
    }

    /** "logger: message" of each record at {@code level} or above, the message as logged (unformatted). */
    public synchronized List<String> atOrAbove(Level level) {
        return records.stream()
                .filter(record -> record.getLevel().intValue() >= level.intValue())
                .map(record -> record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " " + record.getThrown()))
                .toList();
    }

    /** How many records were captured. */
    public synchronized int size() {
        return records.size();
    }

    @Override
    public void flush() {
    }

    /** Stops capturing and puts back each logger's level. */
    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(this);
            loggers.get(i).setLevel(previousLevels.get(i));
        }
    }
}
