package org.flickrdynamic.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentFactory;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.Node;
import org.dom4j.QName;
import org.dom4j.VisitorSupport;
import org.dom4j.tree.DefaultElement;
import org.flickrdynamic.sandbox.Sandbox;
import org.flickrdynamic.testing.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parsed element that keeps its attributes as arrays answers every dom4j call as the element SAXReader
 * builds from the same XML: each way of reading attributes, XPath, printing, copying, every way of changing
 * them, serialisation, and first reads from many threads at once. Each check starts from freshly parsed
 * trees, so it meets elements whose attributes are not objects yet.
 */
class LazyElementTest {
    /** Answers to compare on, by name: the sandbox's, Flickr's recorded ones, and edge cases. */
    private static final Map<String, byte[]> ANSWERS = new LinkedHashMap<>();

    @BeforeAll
    static void answers() throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            String all = "description,license,date_upload,date_taken,owner_name,icon_server,original_format,"
                    + "last_update,geo,tags,machine_tags,o_dims,views,media,path_alias,url_sq,url_t,url_s,url_q,url_m,"
                    + "url_n,url_z,url_c,url_l,url_o";
            byte[] search = get(sandbox, "flickr.photos.search", "min_upload_date", "0", "per_page", "500", "extras", all);
            ANSWERS.put("a 500-photo search page with every extra", search);
            Element first = sax(search).getRootElement().element("photos").element("photo");
            String id = first.attributeValue("id");
            String owner = first.attributeValue("owner");
            ANSWERS.put("getRecent", get(sandbox, "flickr.photos.getRecent", "per_page", "50", "extras", "url_m,tags"));
            ANSWERS.put("getInfo", get(sandbox, "flickr.photos.getInfo", "photo_id", id));
            ANSWERS.put("getSizes", get(sandbox, "flickr.photos.getSizes", "photo_id", id));
            ANSWERS.put("people.getInfo", get(sandbox, "flickr.people.getInfo", "user_id", owner));
            ANSWERS.put("tags.getListPhoto", get(sandbox, "flickr.tags.getListPhoto", "photo_id", id));
            ANSWERS.put("reflection.getMethodInfo", get(sandbox, "flickr.reflection.getMethodInfo",
                    "method_name", "flickr.photos.search"));
        }
        for (String method : List.of("flickr.photos.search", "flickr.photos.getInfo", "flickr.photos.getSizes")) {
            ANSWERS.put("Flickr's recorded " + method, recorded(method));
        }
        ANSWERS.put("edge cases", utf8("<rsp stat=\"ok\" xmlns:f=\"urn:f\" xmlns:g=\"urn:g\">"
                + "<one only=\"1\"/><none/><p id=\"1\" f:id=\"2\" g:id=\"3\" xml:lang=\"fr\"/>"
                + "<p id=\"4\" f:id=\"5\" g:id=\"6\" xml:lang=\"de\"/><f:q f:a=\"x\" b=\"\" c=\" spaced \" d=\"a&amp;b&lt;&quot;\"/>"
                + "<same a=\"1\" b=\"2\"/><same a=\"1\" b=\"2\"/><same b=\"2\" a=\"1\"/>"
                + "<u title=\"Café Tōkyō 東京 😀\" t=\"tab\there\" n=\"line&#10;break\">text<i k=\"v\"/>tail</u></rsp>"));
    }

    private static byte[] get(Sandbox sandbox, String method, String... namesAndValues) throws Exception {
        StringBuilder url = new StringBuilder(sandbox.restUrl()).append("?method=").append(method)
                .append("&api_key=").append(sandbox.apiKey());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            url.append('&').append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        byte[] body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertTrue(new String(body, StandardCharsets.UTF_8).contains("stat=\"ok\""), method);
        return body;
    }

    /**
     * A recorded Flickr JSON answer as the XML Flickr sends for it: scalars as attributes, {@code _content} as
     * text, objects as elements, arrays as repeated elements, inside {@code <rsp stat="ok">}.
     */
    private static byte[] recorded(String method) throws IOException {
        try (InputStream in = LazyElementTest.class.getResourceAsStream("/flickr-json/" + method + ".json")) {
            Object json = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Element rsp = DocumentFactory.getInstance().createDocument().addElement("rsp");
            fill(rsp, (Map<?, ?>) json);
            return utf8(rsp.getDocument().asXML());
        }
    }

    private static void fill(Element e, Map<?, ?> object) {
        for (Map.Entry<?, ?> m : object.entrySet()) {
            String key = (String) m.getKey();
            Object v = m.getValue();
            if (key.equals("_content")) {
                e.addText(String.valueOf(v));
            } else if (v instanceof Map<?, ?> child) {
                fill(e.addElement(key), child);
            } else if (v instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> child) {
                        fill(e.addElement(key), child);
                    }
                }
            } else if (v != Json.NULL) {
                e.addAttribute(key, v instanceof BigDecimal n ? n.toPlainString() : String.valueOf(v));
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Document lazy(byte[] xml) {
        try {
            Document doc = new FastTreeBuilder(PrettyDocumentFactory.instance()).build(new ByteArrayInputStream(xml));
            doc.normalize();
            return doc;
        } catch (org.dom4j.DocumentException e) {
            throw new AssertionError(e);
        }
    }

    private static Document sax(byte[] xml) {
        try {
            Document doc = SecureXml.newReader().read(new ByteArrayInputStream(xml));
            doc.normalize();
            return doc;
        } catch (org.dom4j.DocumentException e) {
            throw new AssertionError(e);
        }
    }

    /** Every element, in document order, found without touching any attribute. */
    private static List<Element> elements(Document doc) {
        List<Element> all = new ArrayList<>();
        collect(doc.getRootElement(), all);
        return all;
    }

    private static void collect(Element e, List<Element> all) {
        all.add(e);
        for (Element child : e.elements()) {
            collect(child, all);
        }
    }

    /** What a call gives, or the kind of exception it throws, as text. */
    private static String attempt(Supplier<Object> call) {
        try {
            Object result = call.get();
            return result instanceof Attribute a ? describe(a) : String.valueOf(result);
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getSimpleName();
        }
    }

    private static String describe(Attribute a) {
        return a == null ? "null" : a.getClass().getSimpleName() + "{" + a.getNamespaceURI() + "}" + a.getQualifiedName()
                + "=[" + a.getValue() + "] parent " + (a.getParent() == null ? "none" : a.getParent().getQualifiedName());
    }

    private static String describe(Iterable<?> nodes, Element owner) {
        StringBuilder sb = new StringBuilder();
        for (Object n : nodes) {
            Attribute a = (Attribute) n;
            sb.append(describe(a)).append(a.getParent() == owner ? "" : " (not its own)").append("; ");
        }
        return sb.toString();
    }

    /** The names to ask an element about: its own (as QName, local and qualified name) and some it lacks. */
    private static List<QName> queries(Element twin) {
        List<QName> names = new ArrayList<>();
        for (int i = 0; i < twin.attributeCount(); i++) {
            names.add(twin.attribute(i).getQName()); // not attributes(), which makes a lone attribute a list
        }
        names.add(QName.get("absent"));
        names.add(QName.get("id", Namespace.get("nope", "urn:nope")));
        return names;
    }

    /** A read through every path that never needs an Attribute object, then a summary of the element. */
    private static String values(Element e, List<QName> names) {
        StringBuilder sb = new StringBuilder().append(e.attributeCount()).append(':');
        for (QName q : names) {
            sb.append(e.attributeValue(q.getName())).append('|').append(e.attributeValue(q.getQualifiedName()))
                    .append('|').append(e.attributeValue(q)).append('|').append(e.attributeValue(q.getName(), "dflt"))
                    .append('|').append(e.attributeValue(q, "dflt")).append("; ");
        }
        return sb.toString();
    }

    /** Ways to read, each given an element and the names to ask it about; each describes what it saw. */
    private static final Map<String, BiFunction<Element, List<QName>, String>> READS = new LinkedHashMap<>();

    static {
        READS.put("attributeCount and attributeValue", LazyElementTest::values);
        READS.put("toString (PrettyXml)", (e, names) -> e.toString());
        READS.put("attributes()", (e, names) -> describe(e.attributes(), e) + e.attributes().size());
        READS.put("attributeIterator()", (e, names) -> {
            List<Attribute> seen = new ArrayList<>();
            e.attributeIterator().forEachRemaining(seen::add);
            return describe(seen, e);
        });
        READS.put("attribute(int)", (e, names) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = -1; i <= names.size(); i++) {
                int index = i;
                sb.append(attempt(() -> e.attribute(index))).append("; ");
            }
            return sb.toString();
        });
        READS.put("attribute(String)", (e, names) -> {
            StringBuilder sb = new StringBuilder();
            for (QName q : names) {
                sb.append(attempt(() -> e.attribute(q.getName()))).append(attempt(() -> e.attribute(q.getQualifiedName())));
            }
            return sb.toString();
        });
        READS.put("attribute(QName)", (e, names) -> {
            StringBuilder sb = new StringBuilder();
            for (QName q : names) {
                sb.append(attempt(() -> e.attribute(q))).append(attempt(() -> ((DefaultElement) e).attribute(q.getName(), q.getNamespace())));
            }
            return sb.toString();
        });
        READS.put("the same object by every path", (e, names) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < e.attributeCount(); i++) {
                Attribute a = e.attribute(i);
                sb.append(a == e.attributes().get(i)).append(a == e.attribute(a.getQName()))
                        .append(e.attribute(a.getName()) == a || e.attribute(a.getName()).getName().equals(a.getName()));
            }
            return sb.toString();
        });
        READS.put("asXML", (e, names) -> e.asXML());
        READS.put("write", (e, names) -> {
            StringWriter out = new StringWriter();
            try {
                e.write(out);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            return out.toString();
        });
        READS.put("XPath", (e, names) -> {
            StringBuilder sb = new StringBuilder(describe(e.selectNodes("@*"), e));
            sb.append(e.valueOf("count(@*)")).append(e.valueOf("string(@*[last()])"));
            for (QName q : names) {
                sb.append(attempt(() -> e.valueOf("@" + q.getQualifiedName())))
                        .append(attempt(() -> e.selectNodes("@" + q.getQualifiedName() + "/..").size()))
                        .append(attempt(() -> e.valueOf("@*[local-name()='" + q.getName() + "']")));
            }
            return sb.toString();
        });
        READS.put("accept(Visitor)", (e, names) -> {
            StringBuilder sb = new StringBuilder();
            e.accept(new VisitorSupport() {
                @Override
                public void visit(Attribute a) {
                    if (a.getParent() == e) {
                        sb.append(describe(a)).append("; ");
                    }
                }
            });
            return sb.toString();
        });
        READS.put("createCopy", (e, names) -> {
            Element copy = e.createCopy();
            return copy.asXML() + describe(copy.attributes(), copy) + values(copy, names) + values(e, names);
        });
        READS.put("clone, then the clone changed", (e, names) -> {
            Element clone = (Element) e.clone();
            String before = clone.asXML() + values(clone, names) + describe(clone.attributes(), clone);
            clone.addAttribute("added", "1");
            if (clone.attributeCount() > 1) {
                clone.attribute(0).setValue("changed");
            }
            return before + values(clone, names) + " original: " + e.asXML() + values(e, names);
        });
        READS.put("clone read by values only, then the original changed", (e, names) -> {
            Element clone = (Element) e.clone();
            String before = values(clone, names);
            e.addAttribute("added", "1");
            if (e.attributeCount() > 1) {
                e.attribute(0).setValue("changed");
            }
            return before + values(clone, names) + clone.asXML() + " original: " + values(e, names);
        });
    }

    /** Ways to change an element's attributes; after each, the element is compared by reads and as XML. */
    private static final Map<String, BiConsumer<Element, List<QName>>> CHANGES = new LinkedHashMap<>();

    static {
        DocumentFactory f = PrettyDocumentFactory.instance();
        CHANGES.put("addAttribute(new)", (e, names) -> e.addAttribute("added", "new"));
        CHANGES.put("addAttribute(QName, value) of each", (e, names) -> names.forEach(q -> e.addAttribute(q, "v-" + q.getName())));
        CHANGES.put("addAttribute(String, value) of each", (e, names) -> names.forEach(q -> e.addAttribute(q.getName(), "s")));
        CHANGES.put("addAttribute(name, null) removes", (e, names) -> e.addAttribute(names.get(0), null));
        CHANGES.put("setAttributeValue", (e, names) -> setAttributeValue(e, names.get(0)));
        CHANGES.put("remove(attribute)", (e, names) -> {
            Attribute a = e.attribute(names.get(0));
            if (a != null) {
                e.remove(a);
            }
        });
        CHANGES.put("remove(a copy)", (e, names) -> e.remove(f.createAttribute(null, names.get(0), "whatever")));
        CHANGES.put("add(Attribute)", (e, names) -> e.add(f.createAttribute(null, QName.get("extra"), "x")));
        CHANGES.put("add(Attribute with a null value)", (e, names) -> e.add(f.createAttribute(null, names.get(0), null)));
        CHANGES.put("add(Node) and remove(Node)", (e, names) -> {
            e.add((Node) f.createAttribute(null, QName.get("node"), "n"));
            Attribute first = e.attribute(names.get(0));
            if (first != null) {
                e.remove((Node) first);
            }
        });
        CHANGES.put("setAttributes", (e, names) -> {
            List<Attribute> list = new ArrayList<>();
            list.add(f.createAttribute(e, QName.get("replaced"), "r"));
            e.setAttributes(list);
        });
        CHANGES.put("attributes().add", (e, names) -> e.attributes().add(f.createAttribute(null, QName.get("listed"), "l")));
        CHANGES.put("attributes().remove(0)", (e, names) -> attempt(() -> e.attributes().remove(0)));
        CHANGES.put("attributes().clear", (e, names) -> e.attributes().clear());
        CHANGES.put("attributeIterator().remove", (e, names) -> attempt(() -> {
            Iterator<Attribute> i = e.attributeIterator();
            i.next();
            i.remove();
            return null;
        }));
        CHANGES.put("attribute(0).setValue", (e, names) -> attempt(() -> {
            e.attribute(0).setValue("set");
            return null;
        }));
        CHANGES.put("attribute(0).detach", (e, names) -> attempt(() -> e.attribute(0).detach()));
        CHANGES.put("appendAttributes(a parsed element)", (e, names) -> e.appendAttributes(
                lazy(utf8("<x id=\"appended\" a=\"1\" extra=\"2\"/>")).getRootElement()));
        CHANGES.put("appendAttributes(itself)", (e, names) -> e.appendAttributes(e));
        CHANGES.put("setAttributes(SAX attributes)", (e, names) -> {
            org.xml.sax.helpers.AttributesImpl sax = new org.xml.sax.helpers.AttributesImpl();
            sax.addAttribute("", "fromSax", "fromSax", "CDATA", "1");
            sax.addAttribute("", "second", "second", "CDATA", "2");
            ((DefaultElement) e).setAttributes(sax, new org.dom4j.tree.NamespaceStack(), false);
        });
        CHANGES.put("ensureAttributesCapacity", (e, names) -> ((DefaultElement) e).ensureAttributesCapacity(40));
    }

    @SuppressWarnings("deprecation")
    private static void setAttributeValue(Element e, QName q) {
        e.setAttributeValue(q.getName(), "by name");
        e.setAttributeValue(QName.get("other"), "by QName");
    }

    @Test
    void parsedElementsWithAttributesKeepThemAsArrays() {
        for (Map.Entry<String, byte[]> answer : ANSWERS.entrySet()) {
            for (Element e : elements(lazy(answer.getValue()))) {
                if (e.attributeCount() > 0) {
                    LazyElement lazy = assertInstanceOf(LazyElement.class, e, answer.getKey());
                    assertFalse(lazy.attributesMade(), answer.getKey());
                } else {
                    assertFalse(e instanceof LazyElement, answer.getKey());
                }
            }
        }
    }

    @Test
    void everyReadAnswersAsSaxReadersTree() {
        for (Map.Entry<String, byte[]> answer : ANSWERS.entrySet()) {
            for (Map.Entry<String, BiFunction<Element, List<QName>, String>> read : READS.entrySet()) {
                List<Element> expected = elements(sax(answer.getValue()));
                List<Element> actual = elements(lazy(answer.getValue()));
                assertEquals(expected.size(), actual.size());
                for (int i = 0; i < expected.size(); i++) {
                    List<QName> names = queries(expected.get(i));
                    String where = answer.getKey() + ", " + read.getKey() + ", element " + i + " " + expected.get(i).getName();
                    assertEquals(read.getValue().apply(expected.get(i), names), read.getValue().apply(actual.get(i), names), where);
                }
            }
        }
    }

    @Test
    void readingValuesAndPrintingMakeNoAttributeObjects() {
        for (Map.Entry<String, byte[]> answer : ANSWERS.entrySet()) {
            List<Element> expected = elements(sax(answer.getValue()));
            List<Element> actual = elements(lazy(answer.getValue()));
            for (int i = 0; i < expected.size(); i++) {
                values(actual.get(i), queries(expected.get(i)));
            }
            assertEquals(expected.get(0).toString(), actual.get(0).toString());
            for (Element e : actual) {
                assertFalse(e instanceof LazyElement lazy && lazy.attributesMade(), answer.getKey() + ": " + e.getName());
            }
        }
    }

    @Test
    void everyChangeGivesWhatItGivesOnSaxReadersTree() {
        for (Map.Entry<String, byte[]> answer : ANSWERS.entrySet()) {
            for (Map.Entry<String, BiConsumer<Element, List<QName>>> change : CHANGES.entrySet()) {
                Document expectedDoc = sax(answer.getValue());
                Document actualDoc = lazy(answer.getValue());
                List<Element> expected = elements(expectedDoc);
                List<Element> actual = elements(actualDoc);
                for (int i = 0; i < expected.size(); i++) {
                    if (expected.get(i).attributeCount() == 0) {
                        continue;
                    }
                    List<QName> names = queries(expected.get(i));
                    change.getValue().accept(expected.get(i), names);
                    change.getValue().accept(actual.get(i), names);
                    names.add(QName.get("added"));
                    names.add(QName.get("extra"));
                    names.add(QName.get("replaced"));
                    names.add(QName.get("listed"));
                    names.add(QName.get("fromSax"));
                    String where = answer.getKey() + ", " + change.getKey() + ", element " + i + " " + expected.get(i).getName();
                    assertEquals(values(expected.get(i), names), values(actual.get(i), names), where);
                    assertEquals(describe(expected.get(i).attributes(), expected.get(i)),
                            describe(actual.get(i).attributes(), actual.get(i)), where);
                }
                assertEquals(expectedDoc.asXML(), actualDoc.asXML(), answer.getKey() + ", " + change.getKey());
                assertEquals(expectedDoc.toString(), actualDoc.toString(), answer.getKey() + ", " + change.getKey());
            }
        }
    }

    @Test
    void xpathOverTheWholeTreeFindsTheSame() {
        List<String> paths = List.of("//@*", "//photo/@id", "//*[@id]", "//photo[@ispublic='1']/@title", "//@*[.='0']",
                "//*[count(@*) > 3]", "//size[@label='Medium']/@source");
        for (Map.Entry<String, byte[]> answer : ANSWERS.entrySet()) {
            for (String path : paths) {
                Document expected = sax(answer.getValue());
                Document actual = lazy(answer.getValue());
                List<Node> found = actual.selectNodes(path);
                assertEquals(text(expected.selectNodes(path)), text(found), answer.getKey() + " " + path);
                assertEquals(expected.valueOf("count(" + path + ")"), actual.valueOf("count(" + path + ")"));
            }
        }
    }

    private static String text(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            sb.append(n.getNodeTypeName()).append(' ').append(n.getPath()).append('=').append(n.getText()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void serialisedTreesComeBackTheSame() throws Exception {
        for (Map.Entry<String, byte[]> answer : ANSWERS.entrySet()) {
            for (boolean readFirst : new boolean[] {false, true}) {
                Document doc = lazy(answer.getValue());
                if (readFirst) {
                    elements(doc).forEach(e -> e.attributes().size());
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(doc);
                }
                Document copy;
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                    copy = (Document) in.readObject();
                }
                Document expected = sax(answer.getValue());
                assertEquals(expected.asXML(), copy.asXML(), answer.getKey());
                List<Element> e = elements(expected);
                List<Element> c = elements(copy);
                for (int i = 0; i < e.size(); i++) {
                    List<QName> names = queries(e.get(i));
                    assertEquals(values(e.get(i), names), values(c.get(i), names), answer.getKey());
                    assertEquals(describe(e.get(i).attributes(), e.get(i)), describe(c.get(i).attributes(), c.get(i)));
                }
            }
        }
    }

    /** What a thread saw of an element: the values it read, if it read them, and the Attribute objects. */
    private record Seen(String values, List<Attribute> attributes) {
    }

    /** One of four ways to make an element's attributes by reading them, the fourth reading values first. */
    private static Seen firstRead(Element e, List<QName> names, int way) {
        List<Attribute> got = new ArrayList<>();
        String values = null;
        switch (way % 4) {
            case 0 -> got.addAll(e.attributes());
            case 1 -> e.attributeIterator().forEachRemaining(got::add);
            case 2 -> {
                for (int k = 0, n = e.attributeCount(); k < n; k++) {
                    got.add(e.attribute(k));
                }
            }
            default -> {
                values = values(e, names); // while the other thread may be making the objects
                got.addAll(e.attributes());
            }
        }
        return new Seen(values, got);
    }

    @Test
    void twoThreadsReadingAnElementFirstSeeTheSameAttributes() throws Exception {
        byte[] page = ANSWERS.get("a 500-photo search page with every extra");
        List<Element> expected = elements(sax(page));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 4; round++) {
                List<Element> actual = elements(lazy(page));
                for (int i = 0; i < actual.size(); i++) {
                    Element e = actual.get(i);
                    List<QName> names = queries(expected.get(i));
                    String values = values(expected.get(i), names);
                    // Both threads spin until the start, rather than park, so that they begin at the same moment.
                    AtomicBoolean ready = new AtomicBoolean();
                    AtomicBoolean go = new AtomicBoolean();
                    int way = i + round;
                    Future<Seen> theirs = other.submit(() -> {
                        ready.set(true);
                        while (!go.get()) {
                            Thread.onSpinWait();
                        }
                        return firstRead(e, names, way);
                    });
                    while (!ready.get()) {
                        Thread.onSpinWait();
                    }
                    go.set(true);
                    Seen mine = firstRead(e, names, way + 1);
                    Seen seen = theirs.get();
                    for (Seen s : List.of(mine, seen)) {
                        String where = "element " + i + ", round " + round;
                        if (s.values() != null) {
                            assertEquals(values, s.values(), where + ": values read while the attributes were made");
                        }
                        assertEquals(expected.get(i).attributeCount(), s.attributes().size(), where);
                        for (int k = 0; k < s.attributes().size(); k++) {
                            assertSame(e.attribute(k), s.attributes().get(k), where + ": one object per attribute");
                            assertSame(e, s.attributes().get(k).getParent(), where);
                        }
                    }
                    assertEquals(values, values(e, names));
                    assertEquals(expected.get(i).asXML(), e.asXML());
                }
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void consecutiveElementsWithTheSameNamesShareOneArrayOfThem() throws Exception {
        Document doc = lazy(utf8("<r><a x=\"1\" y=\"2\"/><a x=\"3\" y=\"4\"/><a y=\"5\" x=\"6\"/></r>"));
        List<Element> a = doc.getRootElement().elements();
        java.lang.reflect.Field names = LazyElement.class.getDeclaredField("names");
        names.setAccessible(true);
        assertSame(names.get(a.get(0)), names.get(a.get(1)));
        assertNotSame(names.get(a.get(1)), names.get(a.get(2)), "another order is another array");
        assertEquals("6", a.get(2).attributeValue("x"));
    }
}
