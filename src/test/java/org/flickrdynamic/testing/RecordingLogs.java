package org.flickrdynamic.testing;

import java.util.ArrayDeque;
import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the test suite: it keeps the latest log lines in memory, so tests can assert what
 * the library logged (and that no secret is in it). The library's own loggers ({@code org.flickrdynamic})
 * are kept from DEBUG up, all others from INFO up, as a user's ordinary logging set-up would keep them
 * (HttpClient's wire loggers print signed requests at DEBUG; SECURITY.md says to keep them off). Chosen by the {@code slf4j.provider} system property
 * the build sets, and found by the service loader when a test runs elsewhere.
 */
public final class RecordingLogs implements SLF4JServiceProvider {
    private static final int LIMIT = 2_000;
    private static final ArrayDeque<String> LINES = new ArrayDeque<>();

    private final ILoggerFactory loggers = Recorder::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** The lines logged since the last {@link #clear()}, oldest first: {@code LEVEL logger: message}. */
    public static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    /** The lines of one logger, by its name's end (e.g. {@code "Retrier"}). */
    public static List<String> of(String loggerSuffix) {
        return lines().stream().filter(l -> l.substring(0, l.indexOf(':')).endsWith(loggerSuffix)).toList();
    }

    /** Forgets every line. */
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
        // Nothing to set up.
    }

    /** A logger writing into {@link #LINES}: DEBUG and up for the library's loggers, INFO and up for others. */
    private static final class Recorder extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        private final boolean library;

        Recorder(String name) {
            this.name = name;
            this.library = name.startsWith("org.flickrdynamic");
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                                                   Throwable thrown) {
            String line = level + " " + name + ": " + MessageFormatter.basicArrayFormat(pattern, args)
                    + (thrown == null ? "" : " | " + thrown);
            synchronized (LINES) {
                if (LINES.size() == LIMIT) {
                    LINES.removeFirst();
                }
                LINES.addLast(line);
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return library;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
