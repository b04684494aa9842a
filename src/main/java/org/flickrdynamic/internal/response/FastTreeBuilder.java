package org.flickrdynamic.internal.response;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.Node;
import org.dom4j.QName;

import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Builds a dom4j tree straight from a StAX pull parser (Aalto), with every node made by the
 * {@link DocumentFactory} it is given. It is the response stage's parser: the same tree SAX would give,
 * about three times faster, because nothing goes through SAX's callbacks and attribute objects, names
 * come from a small per-builder cache in front of the factory's synchronised {@code QName} cache, and
 * attribute lists are sized once.
 *
 * <p>With {@link PrettyDocumentFactory} (the client's), an element with attributes is a {@link LazyElement}:
 * it keeps its attributes' names and values as arrays, the names shared by consecutive elements that have the
 * same, and makes the {@code Attribute} objects only if something asks for them, which reading values never
 * does. With any other factory, every node, attributes included, is made by the factory as it comes.
 *
 * <p>It is as strict as the SAX reader it replaced, and stricter on encodings:
 * <ul>
 * <li>a DOCTYPE is refused, so no external entity is ever read and no entity is ever expanded (the
 *     parser is also told not to support DTDs or external entities, and its resolver refuses all);</li>
 * <li>the input must be UTF-8 (Flickr's only encoding), checked byte by byte: overlong forms, surrogates
 *     and code points past U+10FFFF are refused, which the parser alone would let through;</li>
 * <li>elements may nest at most {@link #maxDepth} deep (1,000 by default), so a hostile answer cannot
 *     overflow the stack of the recursive code that later walks the tree;</li>
 * <li>an answer may hold at most {@link #maxNodes} elements, texts, comments and the like (200,000 by
 *     default) and {@link #maxAttributes} attributes (1,000,000 by default), so that no answer within the
 *     size cap fills a 256 MiB heap with nodes (a 30 MiB answer of {@code <x/>} is eight million
 *     elements), while the largest real answers (a 500-photo page with every extra: about 1,000 nodes and
 *     30,000 attributes) pass with ample room. The defaults can be raised with the system properties
 *     {@value #DEPTH_PROPERTY}, {@value #NODES_PROPERTY} and {@value #ATTRIBUTES_PROPERTY};</li>
 * <li>anything that is not well-formed XML fails with a {@link DocumentException} saying why, and an answer
 *     over a limit with a {@link LimitExceeded} naming the limit and how to raise it; no {@link Error} of
 *     the parser or the tree (a stack or heap exhausted all the same) leaves it.</li>
 * </ul>
 * The size cap is the caller's (a capped stream). Adjacent text is merged into one text node, so the
 * tree does not depend on where the network split the answer; CDATA sections, comments and processing
 * instructions are kept as their own nodes.
 *
 * <p>Not thread-safe: keep one per thread. Building one is cheap; the parser factory is shared.
 */
public final class FastTreeBuilder {
    /** How deep elements may nest by default; Flickr's answers nest about six deep. */
    public static final int MAX_DEPTH = 1_000;
    /** The system property that raises or lowers {@link #maxDepth} for every builder made after it is set. */
    public static final String DEPTH_PROPERTY = "flickrdynamic.maxAnswerDepth";
    /** The system property that sets {@link #maxNodes}. */
    public static final String NODES_PROPERTY = "flickrdynamic.maxAnswerNodes";
    /** The system property that sets {@link #maxAttributes}. */
    public static final String ATTRIBUTES_PROPERTY = "flickrdynamic.maxAnswerAttributes";
    private static final int NAME_SLOTS = 256;
    private static final int LAST_ATTRIBUTES = 64;
    private static final XMLInputFactory INPUT = secureFactory();

    private final DocumentFactory factory;
    // Names without a namespace (all of Flickr's) by the parser's interned local name. Direct-mapped with a
    // short probe, so a hostile answer with thousands of names cannot grow it; misses go to the factory.
    private final String[] nameKeys = new String[NAME_SLOTS];
    private final QName[] nameValues = new QName[NAME_SLOTS];
    // The name last seen at each attribute position: the elements of a list carry the same attributes in
    // the same order, and the parser hands out one String per name, so most lookups are one comparison.
    private final String[] lastAttributeKeys = new String[LAST_ATTRIBUTES];
    private final QName[] lastAttributeNames = new QName[LAST_ATTRIBUTES];
    private final RecentValues values = new RecentValues();
    // Parsed elements keep their attributes as arrays (LazyElement) when the factory is the library's own; a
    // factory of the caller's makes every node itself. The names array of the last element so made is handed
    // to the next one with the same names, as a list's elements have.
    private final boolean lazy;
    private QName[] lastNames = new QName[0];
    private QName[] scratchNames = new QName[16];
    private final StringBuilder text = new StringBuilder();
    private Element[] stack = new Element[16];
    private final int maxDepth;
    private final int maxNodes;
    private final int maxAttributes;

    /** A builder making its nodes with {@code factory}, under the default limits (or the system properties'). */
    public FastTreeBuilder(DocumentFactory factory) {
        this(factory, limit(DEPTH_PROPERTY, MAX_DEPTH), limit(NODES_PROPERTY, 200_000),
                limit(ATTRIBUTES_PROPERTY, 1_000_000));
    }

    /**
     * A builder making its nodes with {@code factory}, under these limits.
     *
     * @param maxDepth      how deep elements may nest
     * @param maxNodes      how many elements, texts, comments, CDATA sections and processing instructions a
     *                      document may hold
     * @param maxAttributes how many attributes all its elements may hold together
     */
    public FastTreeBuilder(DocumentFactory factory, int maxDepth, int maxNodes, int maxAttributes) {
        this.factory = java.util.Objects.requireNonNull(factory, "factory");
        if (maxDepth < 1 || maxNodes < 1 || maxAttributes < 0) {
            throw new IllegalArgumentException("parser limits must be positive: depth " + maxDepth + ", nodes "
                    + maxNodes + ", attributes " + maxAttributes);
        }
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
        this.maxAttributes = maxAttributes;
        this.lazy = factory.getClass() == PrettyDocumentFactory.class;
    }

    /** A limit from its system property, or the default when it is unset or not a positive number. */
    private static int limit(String property, int fallback) {
        String v = System.getProperty(property);
        try {
            return v == null || Integer.parseInt(v.strip()) < 1 ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** How deep elements may nest. */
    public int maxDepth() {
        return maxDepth;
    }

    /** How many elements, texts, comments and the like a document may hold. */
    public int maxNodes() {
        return maxNodes;
    }

    /** How many attributes a document may hold in all. */
    public int maxAttributes() {
        return maxAttributes;
    }

    /** An answer over one of the builder's limits; its message names the limit and how to raise it. */
    public static final class LimitExceeded extends DocumentException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }

    private LimitExceeded over(String what, int limit, String property) {
        return new LimitExceeded("it has more than " + String.format(java.util.Locale.ROOT, "%,d", limit) + " " + what
                + ", the parser's limit (raise it with -D" + property + "=N if the answer is genuine)");
    }

    /** A builder making its nodes with dom4j's default factory. */
    public FastTreeBuilder() {
        this(DocumentFactory.getInstance());
    }

    /**
     * Reads a whole document from {@code in} (which is not closed). Reading stops at the end of the root
     * element: what follows it is checked as far as it has already arrived ({@code in.available()}), and
     * refused if it is more than whitespace, comments and processing instructions, but never waited for, so
     * a server that falls silent after a complete answer cannot hold the call. Content that comes later is
     * left unread.
     *
     * @throws DocumentException when the input is not well-formed UTF-8 XML or declares a DOCTYPE; an
     *                           {@link IOException} of the stream is its cause
     * @throws LimitExceeded     when it nests too deep or holds too many nodes or attributes
     */
    public Document build(InputStream in) throws DocumentException {
        UntilRootEnds gate = new UntilRootEnds(in);
        StrictUtf8InputStream utf8 = new StrictUtf8InputStream(gate);
        XMLStreamReader r = null;
        try {
            r = INPUT.createXMLStreamReader(utf8);
            return build(r, gate);
        } catch (XMLStreamException e) {
            throw refusal(e, utf8);
        } catch (UncheckedStreamException e) {
            // Aalto finishes a token lazily, and reports a fault found then as unchecked.
            throw e.getCause() instanceof XMLStreamException x ? refusal(x, utf8) : refusal(e, utf8);
        } catch (RuntimeException e) {
            // A parser bug on hostile input must still end as "not XML", never as a library stack trace.
            throw refusal(e, utf8);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // The limits should make this impossible; should a heap be smaller still, the half-built tree is
            // garbage once this frame is left, and the caller gets an answer it can act on, not an Error.
            throw new LimitExceeded("it needs more " + (e instanceof StackOverflowError ? "stack" : "memory")
                    + " than this JVM has left to build its tree (lower -D" + NODES_PROPERTY + " or give the JVM more)");
        } finally {
            text.setLength(0);
            java.util.Arrays.fill(stack, null);
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Closing frees buffers only; the outcome is already decided.
                }
            }
        }
    }

    private Document build(XMLStreamReader r, UntilRootEnds gate) throws XMLStreamException, DocumentException {
        Document doc = factory.createDocument();
        String declared = r.getCharacterEncodingScheme();
        if (declared != null) {
            doc.setXMLEncoding(declared); // as SAXReader keeps it, so asXML() writes the same declaration
        }
        int depth = 0;
        int nodes = 0;
        long attributes = 0;
        Element current = null;
        boolean textPending = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE) {
                if (current != null) { // text outside the root is whitespace; SAX drops it too
                    text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    textPending = true;
                }
                continue;
            }
            // Counted before anything is made: the text about to be added, and the node of this event.
            nodes += (textPending ? 1 : 0) + (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION ? 1 : 0);
            if (nodes > maxNodes) {
                throw over("elements and other nodes", maxNodes, NODES_PROPERTY);
            }
            if (textPending) {
                current.add(factory.createText(text.toString()));
                text.setLength(0);
                textPending = false;
            }
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (depth == maxDepth) {
                        throw new LimitExceeded("its elements nest deeper than " + maxDepth + " levels, the parser's"
                                + " limit (raise it with -D" + DEPTH_PROPERTY + "=N if the answer is genuine)");
                    }
                    attributes += r.getAttributeCount();
                    if (attributes > maxAttributes) {
                        throw over("attributes", maxAttributes, ATTRIBUTES_PROPERTY);
                    }
                    Element e = startElement(r);
                    if (current == null) {
                        doc.add(e);
                    } else {
                        current.add(e);
                    }
                    if (depth == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, depth * 2);
                    }
                    stack[depth++] = e;
                    current = e;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    current = depth == 0 ? null : stack[depth - 1];
                    if (depth == 0) {
                        gate.rootEnded = true;
                    }
                }
                case XMLStreamConstants.CDATA -> current.add(factory.createCDATA(r.getText()));
                case XMLStreamConstants.COMMENT -> {
                    String comment = r.getText();
                    if (!comment.isEmpty()) { // as dom4j's SAX handler: empty comments are dropped
                        add(doc, current, factory.createComment(comment));
                    }
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    String data = r.getPIData();
                    add(doc, current, factory.createProcessingInstruction(r.getPITarget(), data == null ? "" : data));
                }
                case XMLStreamConstants.DTD -> throw new DocumentException(
                        "DOCTYPE is refused (no Flickr answer has one, and it could smuggle entities)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new DocumentException(
                        "the entity &" + r.getLocalName() + "; is not declared");
                default -> {
                    // START_DOCUMENT, END_DOCUMENT: nothing to build
                }
            }
        }
        return doc;
    }

    /**
     * Passes the input through until the root element has ended; from then on only what can be read without
     * blocking, and then the end of the input. The parser still sees the epilog it already holds, and what
     * has arrived since, so a second root or text there is refused; it never waits for more.
     */
    private static final class UntilRootEnds extends FilterInputStream {
        boolean rootEnded;

        UntilRootEnds(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return rootEnded && in.available() <= 0 ? -1 : in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!rootEnded || len == 0) {
                return in.read(b, off, len);
            }
            int ready = in.available();
            return ready <= 0 ? -1 : in.read(b, off, Math.min(len, ready));
        }
    }

    private static void add(Document doc, Element current, Node node) {
        if (current == null) {
            doc.add(node);
        } else {
            current.add(node);
        }
    }

    private Element startElement(XMLStreamReader r) throws XMLStreamException {
        QName qname = name(r.getLocalName(), r.getPrefix(), r.getNamespaceURI());
        int count = r.getAttributeCount();
        Element e = lazy && count > 0 ? lazyElement(r, qname, count) : factory.createElement(qname);
        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
            String prefix = r.getNamespacePrefix(i);
            String uri = r.getNamespaceURI(i);
            e.add(factory.createNamespace(prefix == null ? "" : prefix, uri == null ? "" : uri));
        }
        if (lazy) {
            return e;
        }
        if (count == 1) {
            e.add(factory.createAttribute(e, attributeName(r, 0), value(r, 0)));
        } else if (count > 1) {
            // One list of the right size, instead of growing the element's default one attribute at a time.
            List<Attribute> attributes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Attribute a = factory.createAttribute(e, attributeName(r, i), value(r, i));
                a.setParent(e);
                attributes.add(a);
            }
            e.setAttributes(attributes);
        }
        return e;
    }

    /** An element with its attributes as arrays, the names shared with the previous such element when equal. */
    private Element lazyElement(XMLStreamReader r, QName qname, int count) throws XMLStreamException {
        if (scratchNames.length < count) {
            scratchNames = new QName[Math.max(count, scratchNames.length * 2)];
        }
        String[] attributeValues = new String[count];
        boolean same = lastNames.length == count;
        for (int i = 0; i < count; i++) {
            QName name = attributeName(r, i);
            scratchNames[i] = name;
            same = same && lastNames[i] == name;
            attributeValues[i] = value(r, i);
        }
        if (!same) {
            lastNames = java.util.Arrays.copyOf(scratchNames, count);
        }
        return new LazyElement(qname, lastNames, attributeValues);
    }

    /**
     * An attribute's value. Read through the parser's typed access, which hands over its own buffer, so that a
     * value seen shortly before costs no new String (see {@link RecentValues}); the parser's plain access makes
     * one String of all of an element's values and then a copy of each.
     */
    private String value(XMLStreamReader r, int i) throws XMLStreamException {
        if (!(r instanceof XMLStreamReader2 typed)) {
            return r.getAttributeValue(i);
        }
        values.at(i);
        typed.getAttributeAs(i, values);
        // Typed access trims white space at either end; such values (and empty ones) are read exactly.
        String value = values.value();
        return value != null ? value : r.getAttributeValue(i);
    }

    private QName attributeName(XMLStreamReader r, int i) {
        String local = r.getAttributeLocalName(i);
        String uri = r.getAttributeNamespace(i);
        boolean plain = uri == null || uri.isEmpty();
        if (plain && i < LAST_ATTRIBUTES && lastAttributeKeys[i] == local) {
            return lastAttributeNames[i]; // the same String object, so the same name
        }
        QName name = name(local, r.getAttributePrefix(i), uri);
        if (plain && i < LAST_ATTRIBUTES) {
            lastAttributeKeys[i] = local;
            lastAttributeNames[i] = name;
        }
        return name;
    }

    private QName name(String local, String prefix, String uri) {
        if (uri != null && !uri.isEmpty()) {
            return factory.createQName(local, factory.createNamespace(prefix == null ? "" : prefix, uri));
        }
        int h = local.hashCode();
        for (int probe = 0; probe < 4; probe++) {
            int slot = (h + probe) & (NAME_SLOTS - 1);
            String key = nameKeys[slot];
            if (key == null) {
                QName q = factory.createQName(local);
                nameKeys[slot] = local;
                nameValues[slot] = q;
                return q;
            }
            if (key == local || key.equals(local)) {
                return nameValues[slot];
            }
        }
        return factory.createQName(local);
    }

    /** The parser's complaint as a {@link DocumentException}, keeping an I/O failure of the stream as the cause. */
    private static DocumentException refusal(Exception e, StrictUtf8InputStream utf8) {
        Throwable io = utf8.failure();
        for (Throwable t = e; io == null && t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                io = t;
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Aalto appends " at [row,col {unknown-source}]: [r,c]"; keep the position, drop the noise.
        message = message.replace(" {unknown-source}", "").replace('\n', ' ').strip();
        return io != null ? new DocumentException(io.getMessage(), io) : new DocumentException(message, e);
    }

    private static XMLInputFactory secureFactory() {
        // Aalto directly, not XMLInputFactory.newInstance(): no service lookup at start, and no chance of
        // picking up another implementation that honours these settings differently.
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false); // CDATA stays a node of its own, as with SAX
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are refused: " + systemId);
        });
        return f;
    }
}
