package org.flickrdynamic.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need something from outside the repository (the method table's sources,
 * a Node.js package, another client): without it they are skipped, with the reason; with the system
 * property {@value #STRICT}{@code =true} the skip is a failure, so a CI run cannot pass by skipping them.
 */
public final class Outside {
    /** The system property that turns every skip of this class into a failure. */
    public static final String STRICT = "flickrdynamic.strict";

    private Outside() {
    }

    /** Whether skips fail the run. */
    public static boolean strict() {
        return Boolean.parseBoolean(System.getProperty(STRICT));
    }

    /**
     * Goes on when {@code available} holds; otherwise skips the test, or fails it in a strict run.
     * {@code why} says what is missing and how to provide it.
     */
    public static void requireOrSkip(boolean available, String why) {
        if (available) {
            return;
        }
        if (strict()) {
            fail(why + " (" + STRICT + "=true: a skip is a failure)");
        }
        Assumptions.abort(why);
    }
}
