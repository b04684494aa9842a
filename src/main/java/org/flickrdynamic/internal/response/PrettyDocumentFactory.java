package org.flickrdynamic.internal.response;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.QName;
import org.dom4j.tree.DefaultAttribute;
import org.dom4j.tree.DefaultDocument;
import org.dom4j.tree.DefaultElement;

/**
 * A dom4j {@link DocumentFactory} whose nodes print themselves for people: an element's or a document's
 * {@code toString()} is its indented XML ({@link PrettyXml}), an attribute's is {@code name="value"}.
 * At a JShell prompt, in a Groovy {@code println} or in a debugger, an answer reads as the XML Flickr
 * sent rather than {@code org.dom4j.tree.DefaultElement@1b2c3d}.
 *
 * <p>Everything else is plain dom4j: the nodes are {@link DefaultElement}s, XPath works as usual, and
 * nothing is computed until {@code toString()} is called, so parsing costs what it did. Elements added
 * later to a tree made by this factory are made by it too. (When {@link FastTreeBuilder} parses with this
 * factory, an element with attributes is a {@link LazyElement}: a {@code DefaultElement} too, printing the
 * same way, that makes its attribute objects only when they are asked for.)
 *
 * <pre>{@code
 * SAXReader reader = new SAXReader();
 * reader.setDocumentFactory(PrettyDocumentFactory.instance());
 * }</pre>
 */
public class PrettyDocumentFactory extends DocumentFactory {
    private static final long serialVersionUID = 1L;
    private static final PrettyDocumentFactory INSTANCE = new PrettyDocumentFactory();

    /** Use {@link #instance()}; subclasses may call this. */
    protected PrettyDocumentFactory() {
    }

    /** The shared instance (thread-safe, as dom4j's own default factory). */
    public static PrettyDocumentFactory instance() {
        return INSTANCE;
    }

    @Override
    public Document createDocument() {
        PrettyDocument doc = new PrettyDocument();
        doc.setDocumentFactory(this);
        return doc;
    }

    @Override
    public Element createElement(QName qname) {
        return new PrettyElement(qname);
    }

    @Override
    public Attribute createAttribute(Element owner, QName qname, String value) {
        return new PrettyAttribute(qname, value);
    }

    /** An element whose {@code toString()} is its indented XML. */
    static final class PrettyElement extends DefaultElement {
        private static final long serialVersionUID = 1L;

        PrettyElement(QName qname) {
            super(qname);
        }

        @Override
        public String toString() {
            return PrettyXml.write(this);
        }
    }

    /** A document whose {@code toString()} is its root element's indented XML. */
    static final class PrettyDocument extends DefaultDocument {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            Element root = getRootElement();
            return root == null ? "(empty document)" : PrettyXml.write(root);
        }
    }

    /** An attribute that prints as {@code name="value"}, the way it is written in XML. */
    static final class PrettyAttribute extends DefaultAttribute {
        private static final long serialVersionUID = 1L;

        PrettyAttribute(QName qname, String value) {
            super(qname, value);
        }

        @Override
        public String toString() {
            return PrettyXml.attribute(this);
        }
    }
}
