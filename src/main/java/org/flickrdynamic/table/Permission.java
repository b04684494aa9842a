package org.flickrdynamic.table;

import java.util.Locale;

import org.flickrdynamic.FlickrArgumentException;

/** The permission a method needs from the logged-in user, in increasing order of power. */
public enum Permission {
    /** No login needed. */
    NONE,
    /** Read the user's private data. */
    READ,
    /** Read, and add or change data. */
    WRITE,
    /** Read, write, and delete. */
    DELETE;

    /**
     * Whether a token holding this permission may call a method that needs {@code needed}.
     *
     * @param needed the permission a method needs
     * @return whether a token holding this permission may call a method that needs {@code needed}
     */
    public boolean covers(Permission needed) {
        return compareTo(needed) >= 0;
    }

    /**
     * The lower-case word Flickr uses ({@code none}, {@code read}, {@code write}, {@code delete}).
     *
     * @return the lower-case word Flickr uses ({@code none}, {@code read}, {@code write}, {@code delete})
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses Flickr's word for a permission.
     *
     * @param word {@code read}, {@code write} or {@code delete}, in any case
     * @return the permission
     * @throws FlickrArgumentException naming the word when it is not one of the four
     */
    public static Permission fromWord(String word) {
        Permission p = fromWord(word, null);
        if (p == null) {
            throw new FlickrArgumentException(null, "unknown permission '" + word
                    + "' (expected none, read, write or delete)");
        }
        return p;
    }

    /**
     * Parses Flickr's word for a permission, or gives {@code otherwise} when it is not one of the four.
     *
     * @param word {@code read}, {@code write} or {@code delete}, in any case
     * @param otherwise what to give for a missing or unknown word
     * @return the permission
     */
    public static Permission fromWord(String word, Permission otherwise) {
        for (Permission p : values()) {
            if (p.word().equals(word)) {
                return p;
            }
        }
        return otherwise;
    }
}
