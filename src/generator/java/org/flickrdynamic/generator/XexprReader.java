package org.flickrdynamic.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the seed's example responses: a Racket list of xexprs, {@code ((tag ((attr "v") ...) child ...) ...)}.
 * Strings use Racket's escapes; a symbol child is a named entity and a number child a character code,
 * both read as the character they stand for. The seed's formatter writes no-break spaces (U+00A0)
 * between tokens, so they count as white space here.
 */
final class XexprReader {
    /** The entities an xexpr symbol may name; XML has no others without a DTD. */
    private static final Map<String, String> ENTITIES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

    private final String text;
    private final String where;
    private int pos;
    private int line;

    private XexprReader(String text, String where, int firstLine) {
        this.text = text;
        this.where = where;
        this.line = firstLine;
    }

    /**
     * Reads a payload: one list holding zero or more xexprs.
     *
     * @param text      the s-expression text
     * @param where     the file, for messages
     * @param firstLine the line of {@code text}'s first character in that file, for messages
     * @throws IllegalArgumentException naming the file and line of the first fault
     */
    static List<Xexpr> readPayload(String text, String where, int firstLine) {
        XexprReader r = new XexprReader(text, where, firstLine);
        r.skipSpace();
        r.expect('(');
        List<Xexpr> payload = new ArrayList<>();
        while (r.skipSpace() != ')') {
            payload.add(r.readXexpr());
        }
        r.pos++;
        if (r.skipSpace() != -1) {
            throw r.fault("unexpected text after the payload");
        }
        return payload;
    }

    /** Reads one Racket string literal, e.g. {@code "MALFORMED RESPONSE"}, or returns null if text is not one. */
    static String readStringLiteral(String text, String where, int firstLine) {
        XexprReader r = new XexprReader(text, where, firstLine);
        if (r.skipSpace() != '"') {
            return null;
        }
        String s = r.readString();
        return r.skipSpace() == -1 ? s : null;
    }

    private Xexpr readXexpr() {
        int c = peek();
        if (c == '"') {
            return new Xexpr.Text(readString());
        }
        if (c == '(') {
            return readElement();
        }
        String atom = readAtom();
        if (atom.chars().allMatch(Character::isDigit)) {
            return new Xexpr.Text(new String(Character.toChars(Integer.parseInt(atom))));
        }
        String entity = ENTITIES.get(atom);
        if (entity == null) {
            throw fault("unknown entity symbol '" + atom + "'");
        }
        return new Xexpr.Text(entity);
    }

    private Xexpr.Element readElement() {
        expect('(');
        skipSpace();
        String tag = readAtom();
        List<Xexpr.Attribute> attributes = new ArrayList<>();
        if (skipSpace() == '(' && isAttributeList()) {
            pos++;
            while (skipSpace() != ')') {
                expect('(');
                skipSpace();
                String name = readAtom();
                if (skipSpace() != '"') {
                    throw fault("attribute " + name + " needs a string value");
                }
                attributes.add(new Xexpr.Attribute(name, readString()));
                if (skipSpace() != ')') {
                    throw fault("attribute " + name + " has more than one value");
                }
                pos++;
            }
            pos++;
        }
        List<Xexpr> children = new ArrayList<>();
        while (skipSpace() != ')') {
            children.add(readXexpr());
        }
        pos++;
        return new Xexpr.Element(tag, attributes, children);
    }

    /** After a tag, a list is the attribute list when it is empty or starts with a list. */
    private boolean isAttributeList() {
        int save = pos;
        int saveLine = line;
        pos++;
        int next = skipSpace();
        pos = save;
        line = saveLine;
        return next == ')' || next == '(';
    }

    private String readAtom() {
        int start = pos;
        while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw fault(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "unexpected end");
        }
        return text.substring(start, pos);
    }

    private String readString() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw fault("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n') {
                line++;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            readEscape(sb);
        }
    }

    /** Racket's string escapes: control letters, octal, x, u (with surrogate pairs) and U escapes, line continuation. */
    private void readEscape(StringBuilder sb) {
        if (pos >= text.length()) {
            throw fault("unterminated string");
        }
        char e = text.charAt(pos++);
        switch (e) {
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'v' -> sb.append('\u000b');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case 'e' -> sb.append('\u001b');
            case '"', '\'', '\\' -> sb.append(e);
            case 'x' -> sb.appendCodePoint(readDigits(16, 2));
            case 'u' -> sb.append((char) readDigits(16, 4));
            case 'U' -> sb.appendCodePoint(readDigits(16, 8));
            case '\n' -> line++;
            default -> {
                if (e >= '0' && e <= '7') {
                    pos--;
                    sb.append((char) readDigits(8, 3));
                } else {
                    throw fault("unknown string escape \\" + e);
                }
            }
        }
    }

    private int readDigits(int radix, int max) {
        int start = pos;
        while (pos < text.length() && pos - start < max && Character.digit(text.charAt(pos), radix) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw fault("escape without digits");
        }
        return Integer.parseInt(text.substring(start, pos), radix);
    }

    private static boolean isDelimiter(char c) {
        return c == '(' || c == ')' || c == '"' || isSpace(c);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0';
    }

    /** Skips white space and returns the next character, or -1 at the end. */
    private int skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            if (text.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
        return peek();
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fault("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException fault(String problem) {
        return new IllegalArgumentException(where + " line " + line + ": example response: " + problem);
    }
}
