package org.flickrdynamic.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The sandbox's {@code Content-Encoding: gzip}, as Flickr serves it to clients that ask. Bodies under
 * {@value #MIN_BYTES} characters go as they are, since compressing them saves nothing.
 *
 * <p>The last few compressed bodies are kept, and a body equal to one of them is neither encoded nor
 * compressed again. Compressing a 150 KB page takes the sandbox longer than a fast client takes to parse
 * it; Flickr's servers pay that cost on their own machines, and a benchmark running client and sandbox
 * on the same cores should measure the client, not the sandbox's compressor. Thread-safe.
 */
final class Gzip {
    static final int MIN_BYTES = 1024;
    private static final int KEPT = 8;

    private record Entry(String body, byte[] gzipped) {
    }

    private final Entry[] kept = new Entry[KEPT];
    private int next;

    /** Whether an {@code Accept-Encoding} header accepts gzip (a {@code q=0} refuses it). */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.split(";");
            String coding = p[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                return !refused(p);
            }
        }
        return false;
    }

    private static boolean refused(String[] codingAndParams) {
        for (int i = 1; i < codingAndParams.length; i++) {
            String param = codingAndParams[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
            if (param.startsWith("q=")) {
                return param.substring(2).matches("0(\\.0*)?");
            }
        }
        return false;
    }

    /** The body in UTF-8, gzipped. */
    byte[] compress(String body) {
        Entry[] now;
        synchronized (kept) {
            now = kept.clone();
        }
        for (Entry e : now) { // compared outside the lock: String.equals is a fast vectorised compare
            if (e != null && e.body.length() == body.length() && e.body.equals(body)) {
                return e.gzipped;
            }
        }
        byte[] gzipped = gzip(body.getBytes(StandardCharsets.UTF_8));
        synchronized (kept) {
            kept[next] = new Entry(body, gzipped);
            next = (next + 1) % KEPT;
        }
        return gzipped;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: memory to memory
        }
        return out.toByteArray();
    }
}
