package org.flickrdynamic.internal;

/**
 * Escaping text for XML, the one place the library, the sandbox and the table generator all use.
 * Not part of the public API.
 */
public final class XmlText {
    private XmlText() {
    }

    /**
     * Appends {@code s} escaped for an attribute value or for element text. A carriage return is always
     * written as a reference, since a parser would turn a literal one into a line feed; in attributes,
     * tabs and line feeds are too, since attribute normalisation would turn them into spaces.
     *
     * @throws IllegalArgumentException for a character XML 1.0 cannot carry (most controls, U+FFFE, U+FFFF);
     *                                  remove them first with {@link #withoutInvalid(String)} where input is untrusted
     */
    public static void escape(CharSequence s, boolean attribute, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (!allowed(c)) {
                        throw new IllegalArgumentException("XML 1.0 cannot carry the character U+"
                                + String.format("%04X", (int) c));
                    }
                    out.append(c);
                }
            }
        }
    }

    /** {@code s} without the characters XML 1.0 cannot carry; {@code s} itself when it has none. */
    public static String withoutInvalid(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!allowed(s.charAt(i))) {
                StringBuilder sb = new StringBuilder(s.length());
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (allowed(c)) {
                        sb.append(c);
                    }
                }
                return sb.toString();
            }
        }
        return s;
    }

    private static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xfffe && c != 0xffff : c == '\t' || c == '\n' || c == '\r';
    }
}
