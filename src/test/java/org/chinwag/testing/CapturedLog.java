package org.chinwag.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Everything logged while open, for tests that check what the log must never hold. */
public final class CapturedLog implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ours = (Logger) LoggerFactory.getLogger("org.chinwag");
    private final Level oursBefore = ours.getLevel();

    private CapturedLog(Level chinwagLevel) {
        if (chinwagLevel != null) ours.setLevel(chinwagLevel);
        appender.start();
        root.addAppender(appender);
    }

    /** Captures at the configured levels. */
    public static CapturedLog start() {
        return new CapturedLog(null);
    }

    /** Captures with Chinwag's own loggers at DEBUG, the most they could ever say. */
    public static CapturedLog startAtDebug() {
        return new CapturedLog(Level.DEBUG);
    }

    public int events() {
        return appender.list.size();
    }

    /** Every message and every exception (with its causes) logged so far, as one text. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            all.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        ours.setLevel(oursBefore);
    }
}
