package org.flickrdynamic;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.dom4j.InvalidXPathException;
import org.dom4j.Node;
import org.flickrdynamic.response.PrettyXml;

/**
 * Small helpers for reading answers, where dom4j has no one-liner. Everything else is dom4j as it is:
 * {@code rsp.selectNodes("//photo/@id")}, {@code rsp.element("photos")}, {@code photo.attributeValue("title")}.
 *
 * <pre>{@code
 * Element rsp = Flickr.call("photos.search", "tags", "cat");
 * Element photos = Rsp.payload(rsp);                  // <photos page="1" pages="..." ...>
 * String pages = Rsp.value(rsp, "/rsp/photos/@pages");
 * List<String> ids = Rsp.values(rsp, "//photo/@id");
 * for (Element photo : Rsp.elements(rsp, "//photo")) { ... }
 * }</pre>
 *
 * <p>An XPath that is not valid fails with an {@link IllegalArgumentException} naming it.
 */
public final class Rsp {
    private Rsp() {
    }

    /**
     * The payload of an {@code <rsp>}: its first child element ({@code <photos>}, {@code <person>} ...),
     * or {@code null} when the answer has none (as for most write methods). Methods that answer with
     * several elements ({@code flickr.test.echo}) have them all in {@code rsp.elements()}.
     */
    public static Element payload(Element rsp) {
        if (rsp == null) {
            throw new IllegalArgumentException("no <rsp> element given (null)");
        }
        List<Element> children = rsp.elements();
        return children.isEmpty() ? null : children.get(0);
    }

    /**
     * The text of the first node an XPath selects from {@code node}: an attribute's value, an element's
     * text, or the result of an XPath function ({@code count(//photo)}). {@code null} when it selects nothing.
     */
    public static String value(Node node, String xpath) {
        Object result = evaluate(node, xpath);
        if (result instanceof List<?> list) {
            return list.isEmpty() ? null : text(list.get(0));
        }
        return text(result);
    }

    /** The text of every node an XPath selects, in document order; empty when it selects nothing. */
    public static List<String> values(Node node, String xpath) {
        List<String> out = new ArrayList<>();
        for (Node n : select(node, xpath)) {
            out.add(n.getStringValue());
        }
        return out;
    }

    /**
     * The elements an XPath selects, typed as elements (dom4j's {@code selectNodes} answers plain nodes).
     *
     * @throws IllegalArgumentException when the XPath selects anything that is not an element
     */
    public static List<Element> elements(Node node, String xpath) {
        List<Element> out = new ArrayList<>();
        for (Node n : select(node, xpath)) {
            if (!(n instanceof Element e)) {
                throw new IllegalArgumentException("XPath '" + xpath + "' selects " + n.getNodeTypeName()
                        + " nodes, not only elements; use Rsp.values for text and attributes");
            }
            out.add(e);
        }
        return out;
    }

    /** A node as indented XML (an element and its content), or its text when it is not an element. */
    public static String pretty(Node node) {
        if (node instanceof Element e) {
            return PrettyXml.write(e);
        }
        if (node instanceof org.dom4j.Document d && d.getRootElement() != null) {
            return PrettyXml.write(d.getRootElement());
        }
        return node == null ? "null" : node.getStringValue();
    }

    private static List<Node> select(Node node, String xpath) {
        check(node, xpath);
        try {
            return node.selectNodes(xpath);
        } catch (InvalidXPathException e) {
            throw invalid(xpath, e);
        }
    }

    private static Object evaluate(Node node, String xpath) {
        check(node, xpath);
        try {
            return node.createXPath(xpath).evaluate(node);
        } catch (InvalidXPathException e) {
            throw invalid(xpath, e);
        }
    }

    private static void check(Node node, String xpath) {
        if (node == null) {
            throw new IllegalArgumentException("no node to search with XPath '" + xpath + "' (null)");
        }
        if (xpath == null || xpath.isBlank()) {
            throw new IllegalArgumentException("no XPath given");
        }
    }

    private static IllegalArgumentException invalid(String xpath, InvalidXPathException e) {
        return new IllegalArgumentException("'" + xpath + "' is not a valid XPath: " + e.getMessage(), e);
    }

    private static String text(Object result) {
        if (result == null) {
            return null;
        }
        if (result instanceof Node n) {
            return n.getStringValue();
        }
        if (result instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue()); // count(...) and sum(...) answer doubles: 3, not 3.0
        }
        return result.toString();
    }
}
