package org.flickrdynamic.generator;

import java.util.List;

/**
 * Writes xexprs as XML text: two-space indentation, one element per line, attributes in the seed's
 * order. An element that holds text is written on one line with nothing added inside it, so the
 * text reaches a parser exactly as the seed gives it.
 */
final class XmlWriter {
    private XmlWriter() {
    }

    /**
     * Writes a payload (the children of {@code <rsp>}), each top-level element from column 0, every line
     * ending in a newline.
     *
     * @throws IllegalArgumentException when the payload has text outside any element, or a character
     *                                  XML 1.0 cannot carry
     */
    static String write(List<Xexpr> payload) {
        StringBuilder out = new StringBuilder();
        for (Xexpr x : payload) {
            if (x instanceof Xexpr.Element e) {
                writeIndented(e, 0, out);
            } else if (!((Xexpr.Text) x).text().isBlank()) {
                throw new IllegalArgumentException("text outside any element: " + ((Xexpr.Text) x).text());
            }
        }
        return out.toString();
    }

    private static void writeIndented(Xexpr.Element e, int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
        if (e.children().isEmpty() || e.holdsText()) {
            writeInline(e, out);
            out.append('\n');
            return;
        }
        openTag(e, out);
        out.append(">\n");
        for (Xexpr c : e.children()) {
            writeIndented((Xexpr.Element) c, depth + 1, out);
        }
        out.append("  ".repeat(depth)).append("</").append(e.tag()).append(">\n");
    }

    private static void writeInline(Xexpr.Element e, StringBuilder out) {
        openTag(e, out);
        if (e.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Xexpr c : e.children()) {
            if (c instanceof Xexpr.Element child) {
                writeInline(child, out);
            } else {
                escape(((Xexpr.Text) c).text(), false, out);
            }
        }
        out.append("</").append(e.tag()).append('>');
    }

    private static void openTag(Xexpr.Element e, StringBuilder out) {
        out.append('<').append(e.tag());
        for (Xexpr.Attribute a : e.attributes()) {
            out.append(' ').append(a.name()).append("=\"");
            escape(a.value(), true, out);
            out.append('"');
        }
    }
    static void escape(String s, boolean attribute, StringBuilder out) {
        org.flickrdynamic.internal.XmlText.escape(s, attribute, out);
    }
}
