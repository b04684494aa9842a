package org.flickrdynamic.internal.table;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;

/**
 * Writes a method table in the methods.yaml format that {@link org.flickrdynamic.table.MethodTable#load} reads (described in
 * docs/method-table.md): keys in a set order, simple words plain, other one-line strings double-quoted,
 * multi-line strings (the XML examples) as literal blocks, so the file is readable in diffs. The output
 * depends on nothing but what is given. {@code bin/regenerate-methods} and {@code flickr methods refresh}
 * both write through it.
 */
public final class MethodTableWriter {
    /** The table format written here; the loader reads only this one. */
    public static final int FORMAT = 1;
    /** Strings written without quotes: they cannot be read back as anything but the same string. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    /** Words a YAML 1.1 reader would turn into booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

    private final StringBuilder out = new StringBuilder();

    private MethodTableWriter() {
    }

    /**
     * The whole file: header comment, then format, sources, common_errors and methods.
     *
     * @param header  comment lines, written after {@code # }
     * @param sources one line per source of the table, keyed by a short name; may be empty
     * @param common  the error codes every method shares
     * @param methods the methods, in the order to write them (the loader wants no name twice)
     */
    public static String write(List<String> header, Map<String, String> sources, Collection<ErrorSpec> common,
                               List<MethodSpec> methods) {
        return write(header, sources, common, 0, List.of(), methods);
    }

    /**
     * The whole file, with the limits of paged methods and the upload endpoints.
     *
     * @param maxPage the last page of paged methods, written when above 0
     * @param uploads the upload endpoints described as methods, each with its endpoint; written when any
     */
    public static String write(List<String> header, Map<String, String> sources, Collection<ErrorSpec> common,
                               int maxPage, List<MethodSpec> uploads, List<MethodSpec> methods) {
        MethodTableWriter w = new MethodTableWriter();
        for (String line : header) {
            w.out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        w.out.append("format: ").append(FORMAT).append('\n');
        if (!sources.isEmpty()) {
            w.out.append("sources:\n");
            sources.forEach((k, v) -> w.field(2, k, v));
        }
        w.list(0, "common_errors", common.isEmpty());
        for (ErrorSpec e : common) {
            w.error(2, e);
        }
        if (maxPage > 0) {
            w.out.append("limits:\n");
            w.raw(2, "max_page", Integer.toString(maxPage));
        }
        if (!uploads.isEmpty()) {
            w.list(0, "uploads", false);
            for (MethodSpec u : uploads) {
                w.method(u);
            }
        }
        w.list(0, "methods", methods.isEmpty());
        for (MethodSpec m : methods) {
            w.method(m);
        }
        return w.out.toString();
    }

    /** A method: a sequence item at indent 2, its keys at indent 4, in the documented order. */
    private void method(MethodSpec m) {
        item(2, "name", m.name());
        field(4, "source", m.source().name().toLowerCase(Locale.ROOT));
        field(4, "description", m.description());
        raw(4, "needs_login", Boolean.toString(m.needsLogin()));
        raw(4, "needs_signing", Boolean.toString(m.needsSigning()));
        field(4, "permission", m.permission().word());
        field(4, "http_verb", m.httpVerb());
        if (m.endpoint() != null) {
            field(4, "endpoint", m.endpoint());
        }
        if (m.acceptsAnyArguments()) {
            raw(4, "accepts_any_arguments", "true");
        }
        if (m.retired()) {
            raw(4, "retired", "true");
        }
        if (m.changesStateOnRead()) {
            raw(4, "changes_state_on_read", "true");
        }
        if (m.maxResults() > 0) {
            raw(4, "max_results", Integer.toString(m.maxResults()));
        }
        if (m.paging() != null) {
            raw(4, "paging", "{list: " + scalar(m.paging().listElement(), 4)
                    + ", item: " + scalar(m.paging().itemElement(), 4) + "}");
        }
        list(4, "arguments", m.arguments().isEmpty());
        for (ArgumentSpec a : m.arguments()) {
            item(6, "name", a.name());
            raw(8, "required", Boolean.toString(a.required()));
            field(8, "description", a.description());
        }
        list(4, "errors", m.errors().isEmpty());
        for (ErrorSpec e : m.errors()) {
            error(6, e);
        }
        if (m.exampleResponse() != null) {
            field(4, "example", m.exampleResponse());
        }
        if (m.explanation() != null) {
            field(4, "explanation", m.explanation());
        }
    }

    private void error(int indent, ErrorSpec e) {
        out.append(" ".repeat(indent)).append("- code: ").append(e.code()).append('\n');
        field(indent + 2, "message", e.message());
        if (e.explanation() != null) {
            field(indent + 2, "explanation", e.explanation());
        }
        if (e.source() != null) {
            field(indent + 2, "source", e.source());
        }
        if (e.temporary()) {
            raw(indent + 2, "temporary", "true");
        }
    }

    /** A sequence item's dash at {@code indent} with its first key; the item's other keys go at indent + 2. */
    private void item(int indent, String key, String value) {
        out.append(" ".repeat(indent)).append("- ").append(key).append(": ")
                .append(scalar(value, indent + 2)).append('\n');
    }

    private void list(int indent, String key, boolean empty) {
        out.append(" ".repeat(indent)).append(key).append(empty ? ": []\n" : ":\n");
    }

    private void raw(int indent, String key, String value) {
        out.append(" ".repeat(indent)).append(key).append(": ").append(value).append('\n');
    }

    private void field(int indent, String key, String value) {
        raw(indent, key, scalar(value, indent));
    }

    /**
     * One string as YAML. {@code indent} is its key's indentation; a literal block's lines go two
     * spaces deeper.
     */
    public static String scalar(String s, int indent) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        if (blockSafe(s)) {
            return literalBlock(s, " ".repeat(indent + 2));
        }
        return doubleQuoted(s);
    }

    /**
     * A literal block keeps multi-line text readable. It cannot start with a space (it would set the
     * indentation), keep trailing blanks safely, or hold characters YAML reads as line breaks.
     */
    private static boolean blockSafe(String s) {
        if (!s.contains("\n") || s.startsWith(" ") || s.startsWith("\n") || s.endsWith("\n\n")) {
            return false;
        }
        for (String line : s.split("\n", -1)) {
            if (line.endsWith(" ") || line.endsWith("\t")) {
                return false;
            }
        }
        for (int k = 0; k < s.length(); k++) {
            if (needsEscape(s.charAt(k)) && s.charAt(k) != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String literalBlock(String s, String indent) {
        StringBuilder b = new StringBuilder(s.endsWith("\n") ? "|" : "|-");
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        for (String line : body.split("\n", -1)) {
            b.append('\n');
            if (!line.isEmpty()) {
                b.append(indent).append(line);
            }
        }
        return b.toString();
    }

    public static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * Characters written as escapes: controls, the ones YAML reads as line breaks (NEL, U+2028, U+2029),
     * the byte-order mark, non-characters, and the invisible no-break space, which would hide in a diff.
     */
    private static boolean needsEscape(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0) || c == 0x2028 || c == 0x2029
                || c == 0xfeff || c == 0xfffe || c == 0xffff;
    }
}
