package org.flickrdynamic.internal.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.dom4j.Attribute;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.flickrdynamic.internal.response.PrettyXml;
import org.jaxen.BaseXPath;
import org.jaxen.FunctionCallException;
import org.jaxen.FunctionContext;
import org.jaxen.JaxenException;
import org.jaxen.UnresolvableException;
import org.jaxen.XPathFunctionContext;
import org.jaxen.XPathSyntaxException;
import org.jaxen.dom4j.DocumentNavigator;

/**
 * {@code --xpath EXPR}: prints only what the expression selects in the {@code <rsp>}, one match per
 * line: an attribute's value or a text as text, an element as indented XML; a number, string or
 * boolean result (from {@code count(..)} and the like) as its value.
 *
 * <p>An expression sees the answer and nothing else: {@code document()}, which would read local files and
 * fetch URLs, and {@code evaluate()}, which would compile a string out of reach of these rules, are
 * refused, and the navigator refuses to load any document as a second lock. An evaluation runs under a
 * deadline checked at every step of the walk, so an expression of runaway cost ends with a clear error.
 */
final class XPathQuery {
    /** How long one evaluation may take by default: far more than any sensible query on a page needs. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Functions that reach beyond the answer, or around these rules. */
    private static final Set<String> REFUSED = Set.of("document", "evaluate");

    private final String expression;
    private final BaseXPath xpath;
    private final AnswerOnlyNavigator navigator;
    private final Duration timeout;

    private XPathQuery(String expression, BaseXPath xpath, AnswerOnlyNavigator navigator, Duration timeout) {
        this.expression = expression;
        this.xpath = xpath;
        this.navigator = navigator;
        this.timeout = timeout;
    }

    /**
     * Compiles an expression with the default timeout.
     *
     * @throws IllegalArgumentException naming the expression and the fault, when it is not XPath
     */
    static XPathQuery compile(String expression) {
        return compile(expression, DEFAULT_TIMEOUT);
    }

    /** Compiles an expression whose every evaluation may take at most {@code timeout}. */
    static XPathQuery compile(String expression, Duration timeout) {
        if (expression.isBlank()) {
            throw new IllegalArgumentException("--xpath needs an expression, not an empty one");
        }
        AnswerOnlyNavigator navigator = new AnswerOnlyNavigator();
        BaseXPath compiled;
        try {
            compiled = new BaseXPath(expression, navigator);
        } catch (XPathSyntaxException e) {
            throw new IllegalArgumentException("--xpath '" + expression + "' is not a valid XPath expression"
                    + reason(expression, e.getMultilineMessage()));
        } catch (JaxenException e) {
            throw new IllegalArgumentException("--xpath '" + expression + "' is not a valid XPath expression"
                    + reason(expression, e.getMessage()));
        }
        compiled.setFunctionContext(ANSWER_ONLY);
        XPathQuery query = new XPathQuery(expression, compiled, navigator, timeout);
        // Unknown functions, variables and prefixes show only when evaluated: try it on an empty answer
        // now, so such an expression is refused before the call is sent rather than after.
        query.evaluate(DocumentHelper.createDocument(DocumentHelper.createElement("rsp")).getRootElement());
        return query;
    }

    /** XPath's own functions, less those that reach beyond the answer. */
    private static final FunctionContext ANSWER_ONLY = (namespaceUri, prefix, name) -> {
        if ((namespaceUri == null || namespaceUri.isEmpty()) && REFUSED.contains(name)) {
            throw new UnresolvableException(name + "() is refused: --xpath reads only the answer");
        }
        return XPathFunctionContext.getInstance().getFunction(namespaceUri, prefix, name);
    };

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
        Object result = evaluate(rsp);
        if (result instanceof List<?> nodes) {
            for (Object n : nodes) {
                out.println(text(n));
            }
        } else if (result != null) {
            out.println(text(result));
        }
    }

    /**
     * The nodes selected, or the single string, number or boolean an expression such as {@code count(..)}
     * gives, as dom4j's own evaluation returns them.
     */
    private Object evaluate(Element rsp) {
        navigator.deadline = System.nanoTime() + timeout.toNanos();
        try {
            List<?> answer = xpath.selectNodes(rsp);
            if (answer.size() == 1 && (answer.get(0) instanceof String || answer.get(0) instanceof Number
                    || answer.get(0) instanceof Boolean)) {
                return answer.get(0);
            }
            return answer;
        } catch (TooSlow e) {
            throw new IllegalArgumentException("--xpath '" + expression + "' took longer than "
                    + timeout.toMillis() + " ms on the answer and was stopped; select less at each step");
        } catch (JaxenException e) {
            throw new IllegalArgumentException("--xpath '" + expression + "' cannot be evaluated"
                    + reason(expression, e.getMessage()));
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

    /** The evaluation ran past its deadline. */
    private static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super(null, null, false, false);
        }
    }

    /**
     * dom4j's navigator, refusing to load other documents and checking the deadline at every axis step,
     * which every location path and predicate goes through.
     */
    private static final class AnswerOnlyNavigator extends DocumentNavigator {
        private static final long serialVersionUID = 1L;
        private transient long deadline;

        private void check() {
            if (System.nanoTime() - deadline > 0) {
                throw new TooSlow();
            }
        }

        @Override
        public Object getDocument(String uri) throws FunctionCallException {
            throw new FunctionCallException("document() is refused: --xpath reads only the answer");
        }

        @Override
        public Iterator<?> getChildAxisIterator(Object node) {
            check();
            return super.getChildAxisIterator(node);
        }

        @Override
        public Iterator<?> getChildAxisIterator(Object node, String local, String prefix, String uri) {
            check();
            return super.getChildAxisIterator(node, local, prefix, uri);
        }

        @Override
        public Iterator<?> getAttributeAxisIterator(Object node) {
            check();
            return super.getAttributeAxisIterator(node);
        }

        @Override
        public Iterator<?> getAttributeAxisIterator(Object node, String local, String prefix, String uri) {
            check();
            return super.getAttributeAxisIterator(node, local, prefix, uri);
        }

        @Override
        public Iterator<?> getParentAxisIterator(Object node) {
            check();
            return super.getParentAxisIterator(node);
        }

        @Override
        public Object getParentNode(Object node) {
            check();
            return super.getParentNode(node);
        }
    }
}
