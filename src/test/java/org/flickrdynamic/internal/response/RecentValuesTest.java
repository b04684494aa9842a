package org.flickrdynamic.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Values come out equal to what went in, and repeated ones as the String made the first time. */
class RecentValuesTest {
    private final RecentValues values = new RecentValues();

    /** The value at {@code position}, handed over inside a larger buffer as the parser does. */
    private String decode(int position, String value) {
        char[] buffer = ("=\"" + value + "\"").toCharArray();
        values.at(position);
        values.decode(buffer, 2, 2 + value.length());
        return values.value();
    }

    @Test
    void aValueLikeThePreviousElementsAtItsPositionIsThatString() {
        String first = decode(3, "66");
        assertSame(first, decode(3, "66"));
        assertEquals("65", decode(3, "65"));
    }

    @Test
    void aValueSeenAFewElementsBackIsFoundByContent() {
        String stewart = decode(1, "35034347371@N01");
        assertEquals("51035555243@N01", decode(1, "51035555243@N01"));
        assertSame(stewart, decode(1, "35034347371@N01"));
        assertSame(stewart, decode(7, "35034347371@N01"), "at any position");
    }

    @Test
    void aPositionOfUniqueValuesStillGivesEqualValuesAndFindsRepeatsAgainLater() {
        for (int i = 0; i < 1_000; i++) {
            String id = Long.toString(50_000_013_995L + i * 7L);
            assertEquals(id, decode(0, id));
        }
        // Skipping the table, the position makes each value afresh; once in a while it tries the table again,
        // keeps what it made there, and a later try finds it.
        java.util.Set<String> made = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean foundAgain = false;
        for (int i = 0; i < 300 && !foundAgain; i++) {
            String repeated = decode(0, "repeated");
            assertEquals("repeated", repeated);
            foundAgain = !made.add(repeated);
            decode(0, "other" + i);
        }
        assertEquals(true, foundAgain, "the table is tried again once in a while");
    }

    @Test
    void longValuesAndFarPositionsAreMadeAfresh() {
        String url = "https://live.staticflickr.com/7189/50000013995_3ce081e23e_b.jpg?with=a-long-query-string";
        String first = decode(2, url);
        decode(2, "between");
        String again = decode(2, url);
        assertEquals(url, again);
        assertNotSame(first, again, "longer than the table keeps");
        assertEquals("far", decode(500, "far"));
    }

    @Test
    void aValueNextToWhiteSpaceIsLeftToBeReadExactly() {
        values.at(0);
        values.decode(" x ".toCharArray(), 1, 2);
        assertNull(values.value(), "the parser may have trimmed it");
        values.at(0);
        values.handleEmptyValue();
        assertNull(values.value());
    }
}
