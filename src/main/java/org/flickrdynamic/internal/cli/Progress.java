package org.flickrdynamic.internal.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.dom4j.Element;

/**
 * The progress bar of {@code --all-pages}, redrawn on one line of standard error. It is drawn only when
 * standard error is a terminal, which Java cannot see: bin/flickr tests it ({@code [ -t 2 ]}) and says so
 * in {@link #STDERR_TTY}. Standard output may be the same terminal, so the bar is wiped before a page's
 * items are printed and when the walk ends; nothing is ever printed after it on its line.
 */
final class Progress {
    /** The environment variable bin/flickr sets to {@code 1} when standard error is a terminal. */
    static final String STDERR_TTY = "FLICKR_DYNAMIC_STDERR_TTY";

    private static final int WIDTH = 30;

    private final PrintStream err;
    private long total = -1;
    private long done;
    private int shown; // the length of the line on screen; 0 when none is

    Progress(PrintStream err) {
        this.err = err;
    }

    /**
     * Whether standard error is a terminal, as bin/flickr found it. Without the launcher (tests, an
     * embedding program) the variable is absent, and there is no bar.
     */
    static boolean stderrIsTerminal(Map<String, String> environment) {
        return "1".equals(environment.get(STDERR_TTY));
    }

    /** A page arrived with {@code items} items: draws the bar with them counted. */
    synchronized void page(Element page, int items) {
        if (total < 0) {
            String t = page.attributeValue("total");
            total = t != null && t.strip().matches("\\d{1,18}") ? Long.parseLong(t.strip()) : 0;
        }
        done += items;
        String line = line(done, total);
        // A shorter line than the one on screen leaves none of the old one behind.
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = Math.max(shown, line.length());
    }

    /**
     * Wipes the bar (carriage return, spaces, carriage return), so that what is printed next, on either
     * stream, starts at the beginning of an empty line. Does nothing when no bar is shown.
     */
    synchronized void clear() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    /** {@code [#########.....................]  1,500 of 5,000 items}; without a total, the count alone. */
    static String line(long done, long total) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "%,d items", done);
        }
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%,d of %,d items", Math.min(done, total), total);
    }
}
