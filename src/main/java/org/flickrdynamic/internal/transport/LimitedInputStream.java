package org.flickrdynamic.internal.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until a cap, then refuses with {@link BodyTooLargeException}. Every body a reader
 * is handed ends in one, so closing it never touches the connection.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long cap;
    private final boolean decompressed;
    private long count;
    private BodyTooLargeException tripped;

    LimitedInputStream(InputStream in, long cap, boolean decompressed) {
        super(in);
        this.cap = cap;
        this.decompressed = decompressed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // Never ask for more than one byte past the cap, so the refusal comes before a large read lands.
        int n = super.read(b, off, (int) Math.min(len, Math.max(1, cap - count + 1)));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, Math.max(1, cap - count + 1)));
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    /**
     * Leaves the body open. A reader may close what it was handed (a SAX parser closes its input when it
     * fails), and closing an HTTP body reads it to its end to keep the connection: all 300 MB of a hostile
     * answer. The transport decides instead, draining a complete answer or discarding the connection of a
     * refused one unread.
     */
    @Override
    public void close() {
        // deliberately nothing
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws BodyTooLargeException {
        count += n;
        if (count > cap) {
            tripped = new BodyTooLargeException(cap, decompressed);
            throw tripped;
        }
    }

    /**
     * The refusal this stream threw, or {@code null}: a parser may wrap it in its own exception, so the
     * transport asks the stream rather than search the reader's error.
     */
    BodyTooLargeException tripped() {
        return tripped;
    }
}
