package org.flickrdynamic.internal.response;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.dom4j.io.SAXReader;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * dom4j readers that refuse DOCTYPEs outright, so external entities (a local file's content) and
 * entity expansion ("billion laughs") never get a chance. One reader per thread: building a SAX parser
 * costs more than parsing a small answer, and readers are not thread-safe. Their trees come from
 * {@link PrettyDocumentFactory}, so an answer prints as indented XML. For XML a program reads itself
 * (saved answers, a backup's files); the client parses its answers with the faster {@link FastTreeBuilder},
 * which keeps the same refusals.
 */
public final class SecureXml {
    private static final SAXParserFactory FACTORY = factory();
    private static final ThreadLocal<SAXReader> READERS = ThreadLocal.withInitial(SecureXml::newReader);

    private SecureXml() {
    }

    /** This thread's secure reader. Do not share it with another thread. */
    public static SAXReader reader() {
        return READERS.get();
    }

    /** A new secure reader. */
    public static SAXReader newReader() {
        try {
            XMLReader xml;
            synchronized (FACTORY) {
                xml = FACTORY.newSAXParser().getXMLReader();
            }
            SAXReader reader = new SAXReader(xml);
            reader.setEncoding(null);
            // Same dom4j tree, but an answer prints as indented XML at a prompt (see PrettyDocumentFactory).
            reader.setDocumentFactory(PrettyDocumentFactory.instance());
            reader.setIncludeExternalDTDDeclarations(false);
            reader.setIncludeInternalDTDDeclarations(false);
            reader.setEntityResolver((publicId, systemId) -> {
                // Unreachable while DOCTYPEs are refused; a second lock on the same door.
                throw new SAXException("external entities are refused: " + systemId);
            });
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    private static SAXParserFactory factory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }
}
