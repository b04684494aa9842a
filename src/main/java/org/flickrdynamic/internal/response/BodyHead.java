package org.flickrdynamic.internal.response;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes a body through while keeping its first bytes, so an error can show how the body began, and
 * counting them, so a cut-off answer can say where. The size cap is the transport's, applied before.
 */
final class BodyHead extends FilterInputStream {
    /** How many characters of the body's start a message shows. */
    static final int SHOWN = 240;
    /**
     * How many leading bytes are kept: more than are shown, so a secret echoed across the cut is still
     * whole when it is hidden, and no prefix of it is shown.
     */
    static final int HEAD = 1024;

    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long count;

    BodyHead(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            record(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            record(b, off, n);
        }
        return n;
    }

    private void record(byte[] b, int off, int n) {
        if (headLength < HEAD) {
            int k = Math.min(n, HEAD - headLength);
            System.arraycopy(b, off, head, headLength, k);
            headLength += k;
        }
        count += n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** How many bytes have been read so far. */
    long count() {
        return count;
    }

    /**
     * The first bytes read, as text with control characters shown as spaces, for a message.
     *
     * @param hide hides the values the request must never show, applied before the text is cut
     */
    String head(java.util.function.UnaryOperator<String> hide) {
        String s = new String(head, 0, headLength, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        String t = hide.apply(sb.toString()).strip().replaceAll(" {2,}", " ");
        if (t.length() > SHOWN) {
            return t.substring(0, SHOWN) + "...";
        }
        return headLength == HEAD ? t + "..." : t;
    }
}
