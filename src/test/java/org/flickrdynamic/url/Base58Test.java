package org.flickrdynamic.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flickrdynamic.FlickrArgumentException;
import org.junit.jupiter.api.Test;

/** Base 58 against values worked out by hand from Flickr's alphabet. */
class Base58Test {
    /** Flickr's alphabet as its short-URL documentation gives it: digit k is the k-th character. */
    private static final String DIGITS = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

    private static char digit(int k) {
        return DIGITS.charAt(k);
    }

    @Test
    void singleDigitsAndTheFirstCarries() {
        assertEquals("1", Base58.encode(0));
        assertEquals("2", Base58.encode(1));
        assertEquals("a", Base58.encode(9));
        assertEquals("m", Base58.encode(20), "l is skipped, so 20 is m");
        assertEquals("z", Base58.encode(33));
        assertEquals("A", Base58.encode(34), "upper case follows lower case");
        assertEquals("Z", Base58.encode(57));
        assertEquals("21", Base58.encode(58));
        assertEquals("211", Base58.encode(58 * 58));
        assertEquals("ZZ", Base58.encode(58 * 58 - 1));
    }

    @Test
    void aRealSizedIdDigitByDigit() {
        // 5 * 58^6 + 17 * 58^5 + 0 * 58^4 + 44 * 58^3 + 8 * 58^2 + 57 * 58 + 30
        long p = 58;
        long id = 5 * p * p * p * p * p * p + 17 * p * p * p * p * p + 0 + 44 * p * p * p + 8 * p * p + 57 * p + 30;
        String expected = "" + digit(5) + digit(17) + digit(0) + digit(44) + digit(8) + digit(57) + digit(30);
        assertEquals("6i1L9Zw", expected, "the hand-written digits");
        assertEquals(expected, Base58.encode(id));
        assertEquals(expected, Base58.encode(Long.toString(id)));
        assertEquals(id, Base58.decode(expected));
    }

    @Test
    void roundTripsAcrossTheRange() {
        for (long id : new long[] {1, 57, 58, 3363, 3364, 52_345_678_901L, 49_999_999_999_999L, Long.MAX_VALUE}) {
            assertEquals(id, Base58.decode(Base58.encode(id)), "id " + id);
        }
    }

    @Test
    void lookAlikeCharactersAreRefusedByName() {
        for (String bad : new String[] {"0", "O", "I", "l", "ab-c", "a b"}) {
            FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> Base58.decode(bad));
            assertTrue(e.getMessage().contains("is not base 58"), e.getMessage());
        }
        FlickrArgumentException e = assertThrows(FlickrArgumentException.class, () -> Base58.decode("abc0"));
        assertTrue(e.getMessage().contains("character '0' at 4"), e.getMessage());
    }

    @Test
    void overflowEmptinessAndNegativeIdsAreClearErrors() {
        assertTrue(assertThrows(FlickrArgumentException.class, () -> Base58.decode("ZZZZZZZZZZZZ")).getMessage()
                .contains("too large"));
        assertThrows(FlickrArgumentException.class, () -> Base58.decode(""));
        assertThrows(FlickrArgumentException.class, () -> Base58.encode(-1));
        assertTrue(assertThrows(FlickrArgumentException.class, () -> Base58.encode("12x")).getMessage()
                .contains("'12x' is not a decimal number"));
    }
}
