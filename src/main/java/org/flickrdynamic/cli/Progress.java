package org.flickrdynamic.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.dom4j.Element;

/**
 * The progress bar of {@code --all-pages}, redrawn on one line of standard error. bin/flickr shows it
 * only when the terminal is interactive ({@code System.console()}): never in a pipe, a file or a test.
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private long total = -1;
    private long done;
    private boolean drawn;

    Progress(PrintStream err) {
        this.err = err;
    }

    /** A page arrived with {@code items} items. */
    void page(Element page, int items) {
        if (total < 0) {
            String t = page.attributeValue("total");
            total = t != null && t.strip().matches("\\d{1,18}") ? Long.parseLong(t.strip()) : 0;
        }
        done += items;
        err.print("\r" + line(done, total));
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, so what follows starts on a line of its own. */
    void finish() {
        if (drawn) {
            err.println();
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
