package org.flickrdynamic.cli;

import java.io.PrintStream;
import java.util.List;

import org.dom4j.Attribute;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.InvalidXPathException;
import org.dom4j.Node;
import org.dom4j.XPath;
import org.dom4j.XPathException;
import org.flickrdynamic.response.PrettyXml;

/**
 * {@code --xpath EXPR}: prints only what the expression selects in the {@code <rsp>}, one match per
 * line: an attribute's value or a text as text, an element as indented XML; a number, string or
 * boolean result (from {@code count(..)} and the like) as its value.
 */
final class XPathQuery {
    private final String expression;
    private final XPath xpath;

    private XPathQuery(String expression, XPath xpath) {
        this.expression = expression;
        this.xpath = xpath;
    }

    /**
     * Compiles an expression.
     *
     * @throws IllegalArgumentException naming the expression and the fault, when it is not XPath
     */
    static XPathQuery compile(String expression) {
        if (expression.isBlank()) {
            throw new IllegalArgumentException("--xpath needs an expression, not an empty one");
        }
        XPath compiled;
        try {
            compiled = DocumentHelper.createXPath(expression);
        } catch (InvalidXPathException e) {
            throw new IllegalArgumentException("--xpath '" + expression + "' is not a valid XPath expression"
                    + reason(expression, e.getMessage()));
        }
        try {
            // Unknown functions, variables and prefixes show only when evaluated: try it on an empty answer
            // now, so such an expression is refused before the call is sent rather than after.
            compiled.evaluate(DocumentHelper.createDocument(DocumentHelper.createElement("rsp")));
        } catch (XPathException e) {
            throw new IllegalArgumentException("--xpath '" + expression + "' cannot be evaluated"
                    + reason(expression, e.getMessage()));
        }
        return new XPathQuery(expression, compiled);
    }

    private static String reason(String expression, String message) {
        if (message == null) {
            return "";
        }
        // jaxen's message repeats the expression; keep what follows it, on one line.
        int at = message.indexOf(expression);
        String r = (at >= 0 ? message.substring(at + expression.length()) : message).replace('\n', ' ')
                .replaceFirst("^[.:\\s]+", "").replaceFirst("^Exception: ", "").strip();
        return r.isEmpty() ? "" : ": " + r;
    }

    /** Prints the matches in {@code rsp}. */
    void print(Element rsp, PrintStream out) {
        Object result;
        try {
            result = xpath.evaluate(rsp);
        } catch (XPathException e) {
            throw new IllegalArgumentException("--xpath '" + expression + "' cannot be evaluated" + reason(expression, e.getMessage()));
        }
        if (result instanceof List<?> nodes) {
            for (Object n : nodes) {
                out.println(text(n));
            }
        } else if (result != null) {
            out.println(text(result));
        }
    }

    private static String text(Object match) {
        if (match instanceof Element e) {
            return PrettyXml.write(e);
        }
        if (match instanceof Attribute a) {
            return a.getValue();
        }
        if (match instanceof Node n) {
            return n.getText();
        }
        if (match instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue()); // count(...) is 3, not 3.0
        }
        return String.valueOf(match);
    }
}
