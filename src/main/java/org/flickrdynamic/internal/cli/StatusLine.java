package org.flickrdynamic.internal.cli;

import java.io.PrintStream;

/**
 * One line of standard error saying what a long command is doing, rewritten in place, on a terminal only
 * (in a pipe or a log it would only be noise). Cleared before anything else is printed.
 */
final class StatusLine {
    private final PrintStream err;
    private final boolean interactive;
    private int shown;

    StatusLine(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    /** Shows {@code line} over the previous one, padding out what is left of a longer one. */
    void show(String line) {
        if (interactive) {
            err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
            err.flush();
            shown = Math.max(shown, line.length());
        }
    }

    /** Wipes the line, so the next output starts on a clean one. */
    void clear() {
        if (interactive && shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}
