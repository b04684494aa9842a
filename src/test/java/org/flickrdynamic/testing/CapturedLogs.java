package org.flickrdynamic.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The test suite's SLF4J binding: keeps every log line in memory so tests can assert what was (and was
 * not) logged. The library's own loggers ({@code org.flickrdynamic}) are kept from DEBUG up, all others
 * from INFO up; warnings and errors are also printed to stderr, so real trouble stays visible.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
    private static final int KEPT = 20_000;
    private static final Deque<String> LINES = new ArrayDeque<>();

    private final ILoggerFactory loggers = new ILoggerFactory() {
        private final ConcurrentHashMap<String, Logger> made = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return made.computeIfAbsent(name, Capturing::new);
        }
    };
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Every line kept so far, oldest first: {@code LEVEL logger - message}, then any exception's text. */
    public static List<String> lines() {
        synchronized (LINES) {
            return new ArrayList<>(LINES);
        }
    }

    /** Forgets the lines kept so far. */
    public static void clear() {
        synchronized (LINES) {
            LINES.clear();
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: lines are kept in memory.
    }

    /** A logger that keeps its lines. */
    private static final class Capturing extends AbstractLogger {
        private static final long serialVersionUID = 1L;
        private final boolean ours;

        Capturing(String name) {
            this.name = name;
            this.ours = name.startsWith("org.flickrdynamic");
        }

        private boolean on(Level level) {
            return level.toInt() >= (ours ? Level.DEBUG : Level.INFO).toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return on(Level.TRACE);
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return on(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return on(Level.DEBUG);
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return on(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return on(Level.INFO);
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return on(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable thrown) {
            StringBuilder line = new StringBuilder(level.toString()).append(' ').append(name).append(" - ")
                    .append(MessageFormatter.basicArrayFormat(pattern, args));
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                line.append(" | ").append(t);
            }
            String text = line.toString();
            synchronized (LINES) {
                if (LINES.size() == KEPT) {
                    LINES.removeFirst();
                }
                LINES.addLast(text);
            }
            if (level.toInt() >= Level.WARN.toInt()) {
                System.err.println(text);
            }
        }
    }
}
