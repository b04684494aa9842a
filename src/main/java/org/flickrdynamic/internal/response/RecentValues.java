package org.flickrdynamic.internal.response;

import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * Turns attribute values, handed over in the parser's own buffer, into Strings, reusing an equal String made
 * shortly before instead of making another. A list's elements repeat many of their values: some from one
 * element to the next (ispublic, license, the image size), some every few elements (the owner and their
 * name, the farm). So a value is looked for first at the same position of the previous element, then in a
 * small table of recent values by content.
 *
 * <p>The table is direct-mapped, so a miss costs one comparison and replaces the slot, and it keeps only
 * values of at most {@value #LONGEST} characters in {@value #SLOTS} slots, so it holds little between
 * answers. A position whose values the table has not found for a while (ids, secrets, URLs, titles) skips
 * it, trying it again once in a while, so unique values cost what they did before the table.
 *
 * <p>Not thread-safe: each {@link FastTreeBuilder} has its own.
 */
final class RecentValues extends TypedValueDecoder {
    /** Positions (attribute indexes) remembered; values past the last are made afresh. */
    private static final int POSITIONS = 64;
    private static final int SLOTS = 256;
    private static final int LONGEST = 64;
    /**
     * Misses in a row after which a position skips the table, and how often it then tries again: a prime, so
     * that a value coming back every few elements meets a try sooner or later.
     */
    private static final int GIVE_UP = 16;
    private static final int RETRY = 61;

    private final String[] last = new String[POSITIONS];
    private final int[] misses = new int[POSITIONS];
    private final String[] recent = new String[SLOTS];
    private int position;
    private String value;

    /** Prepares for the value of the attribute at {@code position} of the current element. */
    void at(int position) {
        this.position = position;
        this.value = null;
    }

    /** The value just decoded, or null when it must be read exactly instead (see {@link #decode(char[], int, int)}). */
    String value() {
        return value;
    }

    @Override
    public void decode(String lexical) {
        value = null; // not expected from Aalto; the caller reads the value exactly instead
    }

    @Override
    public void decode(char[] buffer, int start, int end) {
        if (start > 0 && buffer[start - 1] <= ' ' || end < buffer.length && buffer[end] <= ' ') {
            value = null; // perhaps trimmed (or a neighbour's space): the caller reads it exactly
            return;
        }
        int length = end - start;
        if (position >= POSITIONS) {
            value = new String(buffer, start, length);
            return;
        }
        if (same(last[position], buffer, start, length)) {
            value = last[position];
            return;
        }
        value = elsewhere(buffer, start, end, length);
    }

    /** A value unlike the previous element's at its position: from the table, or a new String. */
    private String elsewhere(char[] buffer, int start, int end, int length) {
        int missed = misses[position] + 1;
        int slot = -1;
        if (length <= LONGEST && (missed <= GIVE_UP || missed % RETRY == 0)) {
            // Hashed on the length and the last few characters: that is where equal-length values differ
            // (ids, secrets, dates, the secret in a URL).
            int h = length;
            for (int k = Math.max(start, end - 8); k < end; k++) {
                h = 31 * h + buffer[k];
            }
            slot = (h ^ h >>> 16) & (SLOTS - 1);
            if (same(recent[slot], buffer, start, length)) {
                misses[position] = 0;
                return last[position] = recent[slot];
            }
        }
        misses[position] = missed;
        String made = new String(buffer, start, length);
        if (slot >= 0) {
            recent[slot] = made;
        }
        return last[position] = made;
    }

    @Override
    public void handleEmptyValue() {
        value = null;
    }

    private static boolean same(String previous, char[] buffer, int start, int length) {
        if (previous == null || previous.length() != length) {
            return false;
        }
        // From the end: values that differ (ids, secrets, URLs) mostly share their start.
        int k = length - 1;
        while (k >= 0 && previous.charAt(k) == buffer[start + k]) {
            k--;
        }
        return k < 0;
    }
}
