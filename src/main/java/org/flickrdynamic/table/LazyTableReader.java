package org.flickrdynamic.table;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a table laid out as the generator writes it, parsing each method only when it is first used.
 * A command-line call needs one method, and composing all of methods.yaml in a fresh JVM costs several
 * times what the rest of the start does; scanning it for method boundaries costs about a millisecond.
 *
 * <p>The layout relied on: a line {@code format: 1} and then the {@code methods:} key, last, at the
 * start of a line; the top of the file is read when the common errors, limits or uploads are first needed; each entry
 * starts with a line {@code "  - name: flickr.x.y"}; every other line of the list is blank or indented
 * four spaces or more; names are sorted and unique. Any other text is read by the full, eager
 * {@link MethodTableLoader}. Used for the bundled table only, whose validity the build checks: a file a
 * user names is always checked whole when it is loaded.
 */
final class LazyTableReader {
    private static final byte[] METHODS = "\nmethods:\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FORMAT = ("\nformat: " + MethodTableLoader.FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITEM = "  - name: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NESTED = "    ".getBytes(StandardCharsets.US_ASCII);

    private LazyTableReader() {
    }

    /** Reads a table: lazily when it has the generator's layout, otherwise in full. */
    static MethodTable read(byte[] yaml, String origin) {
        MethodTable lazy = lazily(yaml, origin);
        return lazy != null ? lazy : MethodTableLoader.load(new ByteArrayInputStream(yaml), origin);
    }

    /** The lazily read table, or null when the text is not in the generator's layout. */
    private static MethodTable lazily(byte[] b, String origin) {
        int methodsAt = indexOf(b, METHODS, 0);
        int formatAt = indexOf(b, FORMAT, 0);
        if (methodsAt < 0 || formatAt < 0 || formatAt > methodsAt || (b.length > 0 && (b[0] & 0xff) == 0xef)) {
            return null; // no block-style methods list, another format, or a byte-order mark: let the full reader judge
        }
        int pos = methodsAt + METHODS.length;
        int line = 2;
        for (int k = 0; k < pos - 1; k++) {
            if (b[k] == '\n') {
                line++;
            }
        }
        List<String> names = new ArrayList<>();
        List<int[]> spans = new ArrayList<>(); // {start offset, first line}
        Set<String> seen = new HashSet<>();
        for (; pos < b.length; line++) {
            int end = indexOf(b, '\n', pos);
            if (end < 0) {
                end = b.length;
            }
            if (startsWith(b, pos, ITEM)) {
                String name = new String(b, pos + ITEM.length, end - pos - ITEM.length, StandardCharsets.US_ASCII);
                if (!isPlainName(name) || !seen.add(name)
                        || (!names.isEmpty() && names.get(names.size() - 1).compareTo(name) >= 0)) {
                    return null;
                }
                names.add(name);
                spans.add(new int[] {pos, line});
            } else if (end != pos && (names.isEmpty() || !startsWith(b, pos, NESTED))) {
                return null;
            }
            pos = end + 1;
        }
        Supplier<TableHeader> header = () -> MethodTableLoader.header(
                new String(b, 0, methodsAt + 1, StandardCharsets.UTF_8) + "methods: []\n", origin);
        return new MethodTable(origin, names, k -> {
            int start = spans.get(k)[0];
            int stop = k + 1 < spans.size() ? spans.get(k + 1)[0] : b.length;
            MethodSpec m = MethodTableLoader.method(new String(b, start, stop - start, StandardCharsets.UTF_8),
                    origin, spans.get(k)[1]);
            if (!m.name().equals(names.get(k))) {
                throw new MethodTableException(origin, spans.get(k)[1], "method name " + m.name()
                        + " read differently than scanned (" + names.get(k) + ")");
            }
            return m;
        }, header);
    }

    /** A name the generator writes plain: flickr. followed by letters, digits, dots and underscores. */
    private static boolean isPlainName(String name) {
        if (!name.startsWith(MethodSpec.PREFIX) || name.length() == MethodSpec.PREFIX.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        for (int k = from; k + what.length <= b.length; k++) {
            if (startsWith(b, k, what)) {
                return k;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, char c, int from) {
        for (int k = from; k < b.length; k++) {
            if (b[k] == c) {
                return k;
            }
        }
        return -1;
    }
}
