package org.flickrdynamic.internal.pipeline;

import java.util.Set;

import org.flickrdynamic.table.MethodTable;

/**
 * Which of Flickr's error codes are temporary, so a read answered with one may be sent again. Every
 * decision asks {@link #isTemporary}, so where the fact is kept can change without touching its readers.
 */
public final class TemporaryErrors {
    /** Codes Flickr documents as temporary: 105 service unavailable, 106 write failed, 201 busy. */
    private static final Set<Integer> CODES = Set.of(105, 106, 201);

    private TemporaryErrors() {
    }

    /**
     * Whether an error code of Flickr's is temporary.
     *
     * @param table the method table the call was checked against (the code's natural home)
     * @param code  Flickr's error code
     */
    public static boolean isTemporary(MethodTable table, int code) {
        return CODES.contains(code);
    }
}
