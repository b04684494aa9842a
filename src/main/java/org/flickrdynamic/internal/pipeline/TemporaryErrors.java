package org.flickrdynamic.internal.pipeline;

import org.flickrdynamic.table.MethodTable;

/**
 * Which of Flickr's error codes are temporary, so a read answered with one may be sent again. Every
 * decision asks {@link #isTemporary}; the fact itself is the method table's ({@code temporary: true} on a
 * common error code).
 */
public final class TemporaryErrors {
    private TemporaryErrors() {
    }

    /**
     * Whether an error code of Flickr's is temporary.
     *
     * @param table the method table the call was checked against (the code's natural home)
     * @param code  Flickr's error code
     */
    public static boolean isTemporary(MethodTable table, int code) {
        return table.temporaryErrorCodes().contains(code);
    }
}
