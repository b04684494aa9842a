package org.flickrdynamic.generator;

import java.util.ArrayList;
import java.util.List;

/** Turns a seed example (an s-expression) into the payload's elements and their XML text. */
final class ExampleConverter {
    private ExampleConverter() {
    }

    /**
     * A converted example.
     *
     * @param payload the elements inside {@code <rsp>}
     * @param xml     their XML text, one line per element as {@link XmlWriter} lays it out
     */
    record Converted(List<Xexpr> payload, String xml) {
        Converted {
            payload = List.copyOf(payload);
        }
    }

    /**
     * Reads and converts an example. A few seed examples print the whole {@code <rsp stat="ok">}
     * envelope; the table holds payloads only, so such an envelope is unwrapped.
     *
     * @throws IllegalArgumentException naming the file and line of a fault in the s-expression
     */
    static Converted convert(SeedManual.Example example, String file) {
        List<Xexpr> payload = XexprReader.readPayload(example.sexpr(), file, example.line());
        List<Xexpr> elements = elementsOf(payload);
        if (elements.size() == 1 && elements.get(0) instanceof Xexpr.Element rsp && rsp.tag().equals("rsp")) {
            payload = rsp.children();
        }
        return new Converted(payload, XmlWriter.write(payload));
    }

    private static List<Xexpr> elementsOf(List<Xexpr> nodes) {
        List<Xexpr> elements = new ArrayList<>();
        for (Xexpr x : nodes) {
            if (x instanceof Xexpr.Element) {
                elements.add(x);
            }
        }
        return elements;
    }
}
