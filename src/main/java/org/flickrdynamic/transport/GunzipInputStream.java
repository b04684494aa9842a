package org.flickrdynamic.transport;

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

    @Override
    public int available() throws IOException {
        return inflated == null ? 0 : inflated.available();
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
