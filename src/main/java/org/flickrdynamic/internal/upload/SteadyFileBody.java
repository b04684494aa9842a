package org.flickrdynamic.internal.upload;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.core5.http.ContentType;

/**
 * A file part that sends exactly the bytes the file had when the upload began. The request's length is
 * declared from that size, so a file that shrank would leave the server waiting for bytes that never
 * come (the client then waits out its read timeout), and one that grew would overrun the part; either
 * way the upload fails at once, saying the file changed while it was being sent.
 */
final class SteadyFileBody extends FileBody {
    private final long length;

    SteadyFileBody(File file, ContentType type, String name) {
        super(file, type, name);
        this.length = file.length();
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        try (InputStream in = Files.newInputStream(getFile().toPath())) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(getFile() + " shrank from " + length + " to " + (length - left)
                            + " bytes while it was being uploaded; nothing was uploaded, send it again");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            if (in.read() >= 0) {
                throw new IOException(getFile() + " grew past its " + length
                        + " bytes while it was being uploaded; nothing was uploaded, send it again");
            }
        }
    }
}
