package org.flickrdynamic.internal.transport;

import java.io.IOException;

/**
 * Thrown while reading an answer's body that passes the call's size cap: on the wire, or once
 * decompressed (a small gzip body can inflate to gigabytes).
 */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long cap;
    private final boolean decompressed;

    BodyTooLargeException(long cap, boolean decompressed) {
        super(decompressed ? "the answer decompresses to more than the " + cap + "-byte cap"
                : "the answer is larger than the " + cap + "-byte cap");
        this.cap = cap;
        this.decompressed = decompressed;
    }

    /** The cap, in bytes. */
    public long cap() {
        return cap;
    }

    /** Whether the decompressed body passed the cap (else the bytes on the wire did). */
    public boolean decompressed() {
        return decompressed;
    }
}
