package org.flickrdynamic.internal.sign;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Percent-encoding as OAuth 1.0a requires it (RFC 5849 §3.6, built on RFC 3986 §2.1 and §2.3).
 *
 * <p>The unreserved characters {@code A-Z a-z 0-9 - . _ ~} stay as they are; every other character is
 * written as the {@code %XX} escapes of its UTF-8 bytes, with upper-case hex digits. A space becomes
 * {@code %20}, never {@code +}. This is not {@link java.net.URLEncoder}'s form encoding, which differs on
 * space, {@code *} and {@code ~}, and a signature built on the wrong one is rejected by the server.
 *
 * <pre>{@code
 * Percent.encode("a b+c~");   // "a%20b%2Bc~"
 * Percent.encode("é");        // "%C3%A9"
 * Percent.decode("%F0%9F%93%B7"); // the camera emoji
 * }</pre>
 */
public final class Percent {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** U+FFFD, written in place of a lone surrogate, as Java's own UTF-8 encoder would. */
    private static final int REPLACEMENT = 0xFFFD;

    private Percent() {
    }

    /**
     * Encodes a value per RFC 5849 §3.6.
     *
     * @param value any text; a lone (unpaired) surrogate is encoded as U+FFFD
     * @return the encoded text; {@code value} itself when nothing needs escaping
     */
    public static String encode(String value) {
        Objects.requireNonNull(value, "value");
        int first = firstToEscape(value);
        if (first == value.length()) {
            return value; // the common case for Flickr names and ids: no copy at all
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        out.append(value, 0, first);
        appendEscaped(out, value, first);
        return out.toString();
    }

    /**
     * Appends the encoding of {@code value} to {@code out}; the allocation-free form of {@link #encode}
     * for callers that are building a larger string (a base string, a query).
     *
     * @param out   where to write
     * @param value any text
     * @return {@code out}
     */
    public static StringBuilder encodeTo(StringBuilder out, CharSequence value) {
        Objects.requireNonNull(value, "value");
        appendEscaped(out, value, 0);
        return out;
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8 (RFC 3986 §2.1). A {@code +} stays a {@code +}: this is the
     * inverse of {@link #encode}, not of HTML form encoding. Byte sequences that are not valid UTF-8
     * become U+FFFD.
     *
     * @param value encoded text
     * @return the decoded text; {@code value} itself when it holds no escape
     * @throws IllegalArgumentException if a {@code %} is not followed by two hex digits (the message
     *                                  gives the position only, never the text, which may be a secret)
     */
    public static String decode(String value) {
        Objects.requireNonNull(value, "value");
        int first = value.indexOf('%');
        if (first < 0) {
            return value;
        }
        byte[] bytes = new byte[value.length()]; // never more bytes than chars once escapes shrink
        int n = 0;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '%') {
                int hi = i + 1 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int lo = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("malformed percent-escape at index " + i);
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 3;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
                i++;
            } else {
                // Raw non-ASCII text between escapes: carry it through as its own UTF-8 bytes.
                int end = i + 1;
                while (end < value.length() && value.charAt(end) >= 0x80) {
                    end++;
                }
                byte[] raw = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
                if (n + raw.length > bytes.length) {
                    bytes = Arrays.copyOf(bytes, n + raw.length + (value.length() - end));
                }
                System.arraycopy(raw, 0, bytes, n, raw.length);
                n += raw.length;
                i = end;
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /** Whether {@code c} is unreserved in RFC 3986 §2.3, and so never escaped. */
    static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int firstToEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return i;
            }
        }
        return value.length();
    }

    private static void appendEscaped(StringBuilder out, CharSequence value, int from) {
        int length = value.length();
        for (int i = from; i < length; i++) {
            char c = value.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c < 0x80) {
                escape(out, c);
            } else if (c < 0x800) {
                escape(out, 0xC0 | c >> 6);
                escape(out, 0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                appendThreeBytes(out, c);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                escape(out, 0xF0 | cp >> 18);
                escape(out, 0x80 | cp >> 12 & 0x3F);
                escape(out, 0x80 | cp >> 6 & 0x3F);
                escape(out, 0x80 | cp & 0x3F);
            } else {
                appendThreeBytes(out, REPLACEMENT);
            }
        }
    }

    private static void appendThreeBytes(StringBuilder out, int c) {
        escape(out, 0xE0 | c >> 12);
        escape(out, 0x80 | c >> 6 & 0x3F);
        escape(out, 0x80 | c & 0x3F);
    }

    private static void escape(StringBuilder out, int octet) {
        out.append('%').append(HEX[octet >> 4 & 0xF]).append(HEX[octet & 0xF]);
    }
}
