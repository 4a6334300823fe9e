package io.tradeplex.user.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the service logs while open, at every level, with stack traces and MDC: attached to the root logger of
 * the log manager the service itself logs through, so it sees what any handler (console, file, JSON) would print.
 */
public final class CapturedLog extends Handler implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Logger root = Logger.getLogger("");

    public CapturedLog() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder().append(record.getLevel()).append(' ').append(record.getLoggerName())
                .append(' ').append(formatter.formatMessage(record));
        if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
            Map<String, String> mdc = ext.getMdcCopy();
            line.append(' ').append(mdc);
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }

    public synchronized int size() {
        return lines.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
