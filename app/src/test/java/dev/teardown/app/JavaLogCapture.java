package dev.teardown.app;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures every record logged under the given java.util.logging names, at every level. */
final class JavaLogCapture extends Handler implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private JavaLogCapture() {
        setLevel(Level.ALL);
    }

    static JavaLogCapture of(String... loggerNames) {
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

    /** "LEVEL logger: message" of each record at {@code level} or above. */
    synchronized List<String> linesAtOrAbove(Level level) {
        return records.stream()
                .filter(record -> record.getLevel().intValue() >= level.intValue())
                .map(record -> record.getLevel() + " " + record.getLoggerName() + ": " + formatter.formatMessage(record)
                        + (record.getThrown() == null ? "" : " " + record.getThrown()))
                .toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(this);
            loggers.get(i).setLevel(previousLevels.get(i));
        }
    }
}
