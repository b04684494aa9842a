package org.flickrdynamic.internal.response;

import java.util.List;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;
import org.flickrdynamic.internal.XmlText;

/**
 * Writes an element as indented XML for people to read. Unlike a general pretty-printer it never
 * trims or re-flows text: an element holding text is written on one line exactly as it came, and only
 * the whitespace between child elements is replaced by indentation.
 */
public final class PrettyXml {
    private PrettyXml() {
    }

    /** The element and its content as indented XML, two spaces a level, without an XML declaration. */
    public static String write(Element e) {
        StringBuilder sb = new StringBuilder(256);
        write(e, 0, sb);
        return sb.toString();
    }

    /** An attribute as it is written in XML: {@code name="value"}, the value escaped. */
    public static String attribute(Attribute a) {
        StringBuilder sb = new StringBuilder(a.getQualifiedName().length() + a.getValue().length() + 3);
        sb.append(a.getQualifiedName()).append("=\"");
        escape(a.getValue(), true, sb);
        return sb.append('"').toString();
    }

    private static void write(Element e, int depth, StringBuilder sb) {
        indent(depth, sb);
        sb.append('<').append(e.getQualifiedName());
        attributes(e, sb);
        List<Node> content = e.content();
        if (content.isEmpty()) {
            sb.append(" />");
            return;
        }
        sb.append('>');
        if (onlyElementsAndBlanks(content)) {
            for (Node n : content) {
                if (n instanceof Element child) {
                    sb.append('\n');
                    write(child, depth + 1, sb);
                }
            }
            if (!e.elements().isEmpty()) {
                sb.append('\n');
                indent(depth, sb);
            }
        } else {
            for (Node n : content) {
                inline(n, sb);
            }
        }
        sb.append("</").append(e.getQualifiedName()).append('>');
    }

    /** The attributes, each after a space; a parsed element's from its arrays, so printing makes no objects. */
    private static void attributes(Element e, StringBuilder sb) {
        if (e instanceof LazyElement lazy) {
            lazy.forEachAttribute((name, value) -> attribute(name.getQualifiedName(), value, sb));
        } else {
            for (Attribute a : e.attributes()) {
                attribute(a.getQualifiedName(), a.getValue(), sb);
            }
        }
    }

    private static void attribute(String name, String value, StringBuilder sb) {
        sb.append(' ').append(name).append("=\"");
        escape(value, true, sb);
        sb.append('"');
    }

    /** Mixed content is written as it came, so no text changes. */
    private static void inline(Node n, StringBuilder sb) {
        if (n instanceof Element el) {
            sb.append('<').append(el.getQualifiedName());
            attributes(el, sb);
            if (el.content().isEmpty()) {
                sb.append(" />");
                return;
            }
            sb.append('>');
            for (Node c : el.content()) {
                inline(c, sb);
            }
            sb.append("</").append(el.getQualifiedName()).append('>');
        } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            escape(n.getText(), false, sb);
        } else if (n.getNodeType() == Node.COMMENT_NODE) {
            sb.append("<!--").append(n.getText()).append("-->");
        }
    }

    private static boolean onlyElementsAndBlanks(List<Node> content) {
        for (Node n : content) {
            if (n instanceof Element) {
                continue;
            }
            short t = n.getNodeType();
            if ((t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) && n.getText().isBlank()) {
                continue;
            }
            if (t == Node.COMMENT_NODE || t == Node.PROCESSING_INSTRUCTION_NODE) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static void indent(int depth, StringBuilder sb) {
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    private static void escape(String s, boolean attribute, StringBuilder sb) {
        XmlText.escape(XmlText.withoutInvalid(s), attribute, sb);
    }
}
