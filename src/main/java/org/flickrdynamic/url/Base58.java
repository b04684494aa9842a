package org.flickrdynamic.url;

import org.flickrdynamic.FlickrArgumentException;

/**
 * Flickr's base 58, the id in {@code https://flic.kr/p/ID} short URLs: the digits and letters without
 * {@code 0}, {@code O}, {@code I} and {@code l}, which read alike, lower case before upper case.
 */
final class Base58 {
    /** Flickr's digits, in value order: {@code '1'} is 0, {@code 'Z'} is 57. */
    public static final String ALPHABET = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int BASE = ALPHABET.length();

    private Base58() {
    }

    /**
     * Writes a photo id in base 58.
     *
     * @param id the photo id
     * @return the id in base 58
     * @throws FlickrArgumentException when the id is negative
     */
    public static String encode(long id) {
        if (id < 0) {
            throw new FlickrArgumentException(null, "photo id " + id + " is negative; base 58 needs 0 or more");
        }
        StringBuilder sb = new StringBuilder(11);
        long n = id;
        do {
            sb.append(ALPHABET.charAt((int) (n % BASE)));
            n /= BASE;
        } while (n > 0);
        return sb.reverse().toString();
    }

    /**
     * Writes a photo id, given as decimal text, in base 58.
     *
     * @param id the photo id
     * @return the id in base 58
     * @throws FlickrArgumentException when the text is not a decimal id
     */
    public static String encode(String id) {
        return encode(parseId(id));
    }

    /**
     * Reads a base 58 id back.
     *
     * @param text the base-58 text
     * @return the photo id
     * @throws FlickrArgumentException naming the first character outside the alphabet, or when the
     *                                 value does not fit in a {@code long}
     */
    public static long decode(String text) {
        if (text == null || text.isEmpty()) {
            throw new FlickrArgumentException(null, "a base 58 id cannot be empty");
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                throw new FlickrArgumentException(null, "'" + text + "' is not base 58: character '" + c
                        + "' at " + (i + 1) + " is not one of Flickr's (no 0, O, I or l)");
            }
            try {
                n = Math.addExact(Math.multiplyExact(n, BASE), digit);
            } catch (ArithmeticException e) {
                throw new FlickrArgumentException(null, "'" + text + "' is too large for a photo id");
            }
        }
        return n;
    }

    static long parseId(String id) {
        if (id == null || id.isEmpty() || id.length() > 19 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FlickrArgumentException(null, "photo id '" + id + "' is not a decimal number");
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new FlickrArgumentException(null, "photo id '" + id + "' is too large");
        }
    }
}
