package org.flickrdynamic.generator;

import java.util.List;

/**
 * One node of a Racket xexpr, the form the seed manual prints its example responses in:
 * an element {@code (tag ((attr "v") ...) child ...)} or a piece of text.
 */
sealed interface Xexpr permits Xexpr.Element, Xexpr.Text {

    /** An element with its attributes in the order written and its children. */
    record Element(String tag, List<Attribute> attributes, List<Xexpr> children) implements Xexpr {
        public Element {
            attributes = List.copyOf(attributes);
            children = List.copyOf(children);
        }

        /** The value of the named attribute, or {@code null}. */
        String attribute(String name) {
            for (Attribute a : attributes) {
                if (a.name().equals(name)) {
                    return a.value();
                }
            }
            return null;
        }

        /** Whether any child is text: then the element is written on one line, adding no whitespace. */
        boolean holdsText() {
            for (Xexpr c : children) {
                if (c instanceof Text) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One attribute: its name and its (unescaped) value. */
    record Attribute(String name, String value) {
    }

    /** Character data, exactly as the seed gives it after Racket's escapes are read. */
    record Text(String text) implements Xexpr {
    }
}
