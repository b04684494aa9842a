package org.flickrdynamic.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Gunzips a body, opening the gzip stream on the first read rather than at once: an empty or broken body
 * then fails where its reader reads it, after the status and headers have been seen.
 */
final class GunzipInputStream extends InputStream {
    private static final int BUFFER = 8192;

    private final InputStream wire;
    private InputStream inflated;

    GunzipInputStream(InputStream wire) {
        this.wire = wire;
    }

    @Override
    public int read() throws IOException {
        return open().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return open().read(b, off, len);
    }

    /**
     * Always 0: the inflater answers 1 until its end, though the next byte may still have to come over the
     * network, and a reader that trusts it to avoid blocking would block.
     */
    @Override
    public int available() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        wire.close();
    }

    private InputStream open() throws IOException {
        if (inflated == null) {
            inflated = new GZIPInputStream(wire, BUFFER);
        }
        return inflated;
    }
}
