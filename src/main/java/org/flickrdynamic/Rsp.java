package org.flickrdynamic;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.dom4j.InvalidXPathException;
import org.dom4j.Node;
import org.dom4j.XPathException;
import org.flickrdynamic.internal.response.PrettyXml;

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
 * <p>An XPath that is not valid, or cannot be evaluated (an unknown function, an unbound variable), fails
 * with a {@link FlickrArgumentException} naming it.
 */
public final class Rsp {
    private Rsp() {
    }

    /**
     * The payload of an {@code <rsp>}: its first child element ({@code <photos>}, {@code <person>} ...),
     * or {@code null} when the answer has none (as for most write methods). Methods that answer with
     * several elements ({@code flickr.test.echo}) have them all in {@code rsp.elements()}.
     *
     * @param rsp the answer's {@code <rsp>} element
     * @return the payload of an {@code <rsp>}
     */
    public static Element payload(Element rsp) {
        if (rsp == null) {
            throw new FlickrArgumentException("Bad answer: no <rsp> element was given (null)",
                    "no <rsp> element was given (null)", true);
        }
        List<Element> children = rsp.elements();
        return children.isEmpty() ? null : children.get(0);
    }

    /**
     * The text of the first node an XPath selects from {@code node}: an attribute's value, an element's
     * text, or the result of an XPath function ({@code count(//photo)}). {@code null} when it selects nothing.
     *
     * @param node where the query starts: an answer, or an element of it
     * @param xpath an XPath expression
     * @return the text of the first node an XPath selects from {@code node}
     */
    public static String value(Node node, String xpath) {
        Object result = evaluate(node, xpath);
        if (result instanceof List<?> list) {
            return list.isEmpty() ? null : text(list.get(0));
        }
        return text(result);
    }

    /**
     * The text of every node an XPath selects, in document order; empty when it selects nothing. An XPath
     * that answers a single value ({@code count(//photo)}) gives a list of that one value's text.
     *
     * @param node where the query starts: an answer, or an element of it
     * @param xpath an XPath expression
     * @return the text of every node an XPath selects, in document order; empty when it selects nothing
     */
    public static List<String> values(Node node, String xpath) {
        Object result = evaluate(node, xpath);
        List<String> out = new ArrayList<>();
        if (result instanceof List<?> list) {
            for (Object item : list) {
                out.add(text(item));
            }
        } else if (result != null) {
            out.add(text(result));
        }
        return out;
    }

    /**
     * The elements an XPath selects, typed as elements (dom4j's {@code selectNodes} answers plain nodes).
     *
     * @param node where the query starts: an answer, or an element of it
     * @param xpath an XPath expression
     * @return the elements an XPath selects, typed as elements (dom4j's {@code selectNodes} answers plain nodes)
     * @throws FlickrArgumentException when the XPath selects anything that is not an element
     */
    public static List<Element> elements(Node node, String xpath) {
        Object result = evaluate(node, xpath);
        if (!(result instanceof List<?> list)) {
            throw bad(xpath, "gives " + describe(result) + ", not elements; use Rsp.value for it");
        }
        List<Element> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Element e)) {
                throw bad(xpath, "selects " + (item instanceof Node n ? n.getNodeTypeName() + " nodes" : describe(item))
                        + ", not only elements; use Rsp.values for text and attributes");
            }
            out.add(e);
        }
        return out;
    }

    /**
     * A node as indented XML (an element and its content), or its text when it is not an element.
     *
     * @param node where the query starts: an answer, or an element of it
     * @return a node as indented XML (an element and its content), or its text when it is not an element
     */
    public static String pretty(Node node) {
        if (node instanceof Element e) {
            return PrettyXml.write(e);
        }
        if (node instanceof org.dom4j.Document d && d.getRootElement() != null) {
            return PrettyXml.write(d.getRootElement());
        }
        return node == null ? "null" : node.getStringValue();
    }

    /**
     * dom4j answers a list of nodes, or a single number, string or boolean for an XPath function. An XPath
     * it cannot parse, and one it cannot evaluate (an unknown function, an unbound variable), are errors
     * of the caller's expression, named as such rather than as dom4j's own exceptions.
     */
    private static Object evaluate(Node node, String xpath) {
        if (node == null) {
            throw bad(xpath, "has no node to search (null was given)");
        }
        if (xpath == null || xpath.isBlank()) {
            throw new FlickrArgumentException("Bad XPath: none was given", "no XPath given", true);
        }
        try {
            return node.createXPath(xpath).evaluate(node);
        } catch (InvalidXPathException e) {
            throw bad(xpath, "is not a valid XPath: " + e.getMessage());
        } catch (XPathException e) {
            throw bad(xpath, "cannot be evaluated: " + e.getMessage());
        }
    }

    private static FlickrArgumentException bad(String xpath, String problem) {
        String p = "XPath '" + xpath + "' " + problem;
        return new FlickrArgumentException("Bad " + p, p, true);
    }

    private static String describe(Object result) {
        if (result instanceof Number) {
            return "a number";
        }
        if (result instanceof Boolean) {
            return "a boolean";
        }
        return result instanceof String ? "a string" : "no node";
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
