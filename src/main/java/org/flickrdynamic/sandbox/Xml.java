package org.flickrdynamic.sandbox;

import org.flickrdynamic.internal.XmlText;

/** A small writer of Flickr-shaped XML: elements, escaped attributes and text. Not thread-safe. */
final class Xml {
    private final StringBuilder sb;

    Xml(int capacity) {
        sb = new StringBuilder(capacity);
    }

    /** Opens {@code <name} and leaves it open for attributes. */
    Xml open(String name) {
        sb.append('<').append(name);
        return this;
    }

    /** An escaped attribute; {@code null} is written as empty. */
    Xml attr(String name, String value) {
        sb.append(' ').append(name).append("=\"");
        XmlText.escape(value == null ? "" : XmlText.withoutInvalid(value), true, sb);
        sb.append('"');
        return this;
    }

    Xml attr(String name, long value) {
        sb.append(' ').append(name).append("=\"").append(value).append('"');
        return this;
    }

    Xml attr(String name, boolean value) {
        return attr(name, value ? 1 : 0);
    }

    /** Ends the start tag: {@code >}. */
    Xml body() {
        sb.append('>');
        return this;
    }

    /** Ends an empty element: {@code />}. */
    Xml end() {
        sb.append(" />");
        return this;
    }

    Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    /** Escaped text; characters XML cannot carry (a client may echo a NUL) are dropped; {@code null} writes nothing. */
    Xml text(String text) {
        if (text != null) {
            XmlText.escape(XmlText.withoutInvalid(text), false, sb);
        }
        return this;
    }

    /** {@code <name>text</name>}. */
    Xml element(String name, String text) {
        return open(name).body().text(text).close(name);
    }

    /** Appends XML that is already well-formed (the method table's examples). */
    Xml raw(String xml) {
        sb.append(xml);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** Whether a parameter name can be an element name ({@code flickr.test.echo} writes them as elements). */
    static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        if (s.regionMatches(true, 0, "xml", 0, 3)) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
