package org.flickrdynamic.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as it streams in: text fields into a map, the
 * bytes of a file part counted, hashed (SHA-256) and, when the caller asks, copied on (a recording
 * proxy keeps them); its first bytes are kept to recognise the file type. Nothing of a file is held in
 * memory beyond one buffer, so an upload of any size costs the same.
 *
 * <p>Fields are capped (64 KiB each, 1 MiB in all) and so are part headers (16 KiB): no form Flickr
 * takes comes near, and a hostile body cannot fill the heap.
 */
final class Multipart {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_FIELD = 64 * 1024;
    private static final int MAX_FIELDS = 1024 * 1024;
    private static final int MAX_HEADERS = 16 * 1024;
    /** How many leading bytes of a file are kept, to tell its type. */
    static final int HEAD = 16;
    /** The field Flickr's upload and replace endpoints take the file from. */
    static final String FILE_FIELD = "photo";

    /** A body that is not well-formed multipart: the message says what is wrong, never what was sent. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A file part as received.
     *
     * @param field       the part's field name, e.g. {@code photo}
     * @param filename    the file name the client gave, or {@code ""}
     * @param contentType the part's content type, or {@code ""}
     * @param size        how many bytes it had
     * @param sha256      their SHA-256, in lower-case hex
     * @param head        the first (up to {@value #HEAD}) bytes
     */
    record FilePart(String field, String filename, String contentType, long size, String sha256, byte[] head) {
    }

    /**
     * A body as received: its text fields in order, and the first file part, or {@code null} when it had none.
     */
    record Received(Map<String, String> fields, FilePart file) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private int fieldBytes;

    private Multipart(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER + delimiter.length];
        // The first delimiter has no CRLF before it: pretend it has, so one search finds every delimiter.
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** The boundary of a {@code multipart/form-data} content type, or {@code null} when it is not one. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String b = p.substring(9).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                // RFC 2046: 1 to 70 characters.
                return b.isEmpty() || b.length() > 70 ? null : b;
            }
        }
        return null;
    }

    /**
     * Reads a whole body.
     *
     * @param fileCopy where a file part's bytes are copied as they arrive, or {@code null}
     * @throws Malformed   when the body is not well-formed multipart, or a field or header is too large
     * @throws IOException when the body cannot be read
     */
    static Received read(String boundary, InputStream body, OutputStream fileCopy) throws IOException, Malformed {
        return new Multipart(body, boundary).parts(fileCopy);
    }

    private Received parts(OutputStream fileCopy) throws IOException, Malformed {
        Map<String, String> fields = new LinkedHashMap<>();
        FilePart file = null;
        skipTo(null); // the preamble
        while (true) {
            if (!fill(2)) {
                throw new Malformed("the body ends after a boundary");
            }
            if (buf[start] == '-' && buf[start + 1] == '-') {
                drain();
                return new Received(fields, file);
            }
            if (buf[start] != '\r' || buf[start + 1] != '\n') {
                throw new Malformed("a boundary is not followed by a line break");
            }
            start += 2;
            Map<String, String> headers = headers();
            String disposition = headers.getOrDefault("content-disposition", "");
            String name = param(disposition, "name");
            String filename = param(disposition, "filename");
            if (name == null) {
                throw new Malformed("a part has no name in its Content-Disposition");
            }
            // Flickr's file field is a file even when its part names no file (Flickr4Java's replace names none).
            if (filename != null || name.equals(FILE_FIELD)) {
                FileSink sink = new FileSink(fileCopy);
                skipTo(sink);
                FilePart part = sink.part(name, filename == null ? "" : filename, headers.getOrDefault("content-type", ""));
                if (file == null) {
                    file = part;
                }
            } else {
                FieldSink sink = new FieldSink(name);
                skipTo(sink);
                fields.putIfAbsent(name, sink.text(headers.getOrDefault("content-type", "")));
            }
        }
    }

    /** Reads a part's header lines, up to the empty line; names in lower case. */
    private Map<String, String> headers() throws IOException, Malformed {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            int lineEnd = find(new byte[] {'\r', '\n'}, MAX_HEADERS - total);
            if (lineEnd < 0) {
                throw new Malformed("a part's headers are cut off or over " + MAX_HEADERS + " bytes");
            }
            // RFC 7578 allows UTF-8 in header values (a file name); a strict client sends ASCII.
            String line = new String(buf, start, lineEnd - start, StandardCharsets.UTF_8);
            total += lineEnd - start + 2;
            start = lineEnd + 2;
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Malformed("a part has a header line without a name");
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    /** Where a part's bytes go. */
    private interface Sink {
        void write(byte[] b, int off, int len) throws IOException, Malformed;
    }

    /**
     * Passes bytes to {@code sink} up to the next delimiter and steps over it; {@code null} discards them.
     */
    private void skipTo(Sink sink) throws IOException, Malformed {
        while (true) {
            int at = indexOf(delimiter, start, end);
            if (at >= 0) {
                if (sink != null) {
                    sink.write(buf, start, at - start);
                }
                start = at + delimiter.length;
                return;
            }
            // Everything but a possible start of the delimiter at the end is part of the body.
            int safe = Math.max(start, end - delimiter.length + 1);
            if (sink != null && safe > start) {
                sink.write(buf, start, safe - start);
            }
            start = safe;
            if (!more()) {
                throw new Malformed("the body ends before its closing boundary (cut off?)");
            }
        }
    }

    /** The index where {@code what} starts, searching at most {@code limit} bytes, reading more as needed; -1 if not found. */
    private int find(byte[] what, int limit) throws IOException {
        while (true) {
            int at = indexOf(what, start, Math.min(end, start + limit + what.length));
            if (at >= 0) {
                return at;
            }
            if (end - start >= limit + what.length || !more()) {
                return -1;
            }
        }
    }

    private int indexOf(byte[] what, int from, int to) {
        byte first = what[0];
        outer:
        for (int i = from; i <= to - what.length; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < what.length; j++) {
                if (buf[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether {@code n} bytes are available from {@code start}, reading more as needed. */
    private boolean fill(int n) throws IOException {
        while (end - start < n) {
            if (!more()) {
                return false;
            }
        }
        return true;
    }

    /** Moves what is left to the front and reads more; false at the end of the body. */
    private boolean more() throws IOException {
        if (eof) {
            return false;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            return true; // the caller consumes before asking again
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    /** Reads and discards the epilogue, so the connection stays usable. */
    private void drain() throws IOException {
        start = end;
        in.transferTo(OutputStream.nullOutputStream());
    }

    /** A header parameter such as {@code name="photo"}; {@code null} when absent. */
    static String param(String header, String name) {
        for (String part : header.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                }
                return v;
            }
        }
        return null;
    }

    private final class FieldSink implements Sink {
        private final String name;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        FieldSink(String name) {
            this.name = name;
        }

        @Override
        public void write(byte[] b, int off, int len) throws Malformed {
            fieldBytes += len;
            if (bytes.size() + len > MAX_FIELD || fieldBytes > MAX_FIELDS) {
                throw new Malformed("field " + name + " is over " + MAX_FIELD + " bytes, or the fields over " + MAX_FIELDS);
            }
            bytes.write(b, off, len);
        }

        String text(String contentType) {
            String charset = param(contentType, "charset");
            try {
                return bytes.toString(charset == null ? "UTF-8" : charset);
            } catch (java.io.UnsupportedEncodingException e) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static final class FileSink implements Sink {
        private final OutputStream copy;
        private final MessageDigest sha256;
        private final byte[] head = new byte[HEAD];
        private long size;

        FileSink(OutputStream copy) {
            this.copy = copy;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (size < HEAD) {
                System.arraycopy(b, off, head, (int) size, (int) Math.min(len, HEAD - size));
            }
            size += len;
            sha256.update(b, off, len);
            if (copy != null) {
                copy.write(b, off, len);
            }
        }

        FilePart part(String field, String filename, String contentType) {
            byte[] h = java.util.Arrays.copyOf(head, (int) Math.min(size, HEAD));
            return new FilePart(field, filename, contentType, size, HexFormat.of().formatHex(sha256.digest()), h);
        }
    }
}
